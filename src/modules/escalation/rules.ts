// Escalation rules are data (condition → actions) that admins edit. A change applies from the
// next clock that starts or falls due; timers already running keep the rule they started with
// (if the rule is disabled or deleted, its running timers stop firing).
import { asc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../server/db/client.js';
import { escalationRules } from '../../server/db/schema.js';
import { AppError, fieldError } from '../../server/lib/errors.js';
import { PRIORITIES } from '../../shared/catalog.js';
import type { EscalationRule, EscalationRuleInput } from '../../shared/sla.js';
import { recordAudit, type AuditActor } from '../audit/index.js';

type Row = typeof escalationRules.$inferSelect;

const toRule = (r: Row): EscalationRule => ({ ...r, updatedAt: r.updatedAt.toISOString() });

export async function listRules(db: Db): Promise<EscalationRule[]> {
  const rows = await db
    .select()
    .from(escalationRules)
    .orderBy(asc(escalationRules.position), asc(escalationRules.code));
  return rows.map(toRule);
}

/** Checks what the schema cannot: sensible amounts, a non-empty action list, known codes. */
function validate(input: EscalationRuleInput): void {
  if (!input.name.zh.trim()) throw fieldError('name.zh', 'required');
  if (!input.name.en.trim()) throw fieldError('name.en', 'required');
  if (input.actions.length === 0) throw fieldError('actions', 'required');
  const c = input.condition;
  if (c.trigger === 'elapsed' && !(c.after.value > 0)) {
    throw fieldError('condition.after.value', 'out_of_range');
  }
  input.actions.forEach((a, i) => {
    if (a.do === 'set_priority' && !PRIORITIES.includes(a.priority)) {
      throw fieldError(`actions.${i}.priority`, 'invalid_value');
    }
    if (a.do === 'add_tag' && !a.tag.trim()) throw fieldError(`actions.${i}.tag`, 'required');
  });
}

async function audit(
  db: Queryable,
  actor: AuditActor,
  action: string,
  code: string,
  data: Record<string, unknown>,
  now: Date,
) {
  await recordAudit(db, {
    actor,
    action,
    targetType: 'escalation_rule',
    targetId: code,
    data,
    at: now,
  });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function createRule(
  db: Db,
  input: EscalationRuleInput,
  actor: AuditActor,
  now: Date,
): Promise<EscalationRule> {
  validate(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(escalationRules)
        .values({ ...input, updatedAt: now, updatedBy: actor.name })
        .returning();
      await audit(tx, actor, 'escalation.rule.create', input.code, { ...input }, now);
      return toRule(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('rule_code_taken');
    throw err;
  }
}

export async function updateRule(
  db: Db,
  id: string,
  input: EscalationRuleInput,
  actor: AuditActor,
  now: Date,
): Promise<EscalationRule> {
  validate(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(escalationRules)
        .set({ ...input, updatedAt: now, updatedBy: actor.name })
        .where(eq(escalationRules.id, id))
        .returning();
      if (!row) throw new AppError('rule_not_found');
      await audit(tx, actor, 'escalation.rule.update', input.code, { ...input }, now);
      return toRule(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('rule_code_taken');
    throw err;
  }
}

export async function deleteRule(db: Db, id: string, actor: AuditActor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(escalationRules)
      .where(eq(escalationRules.id, id))
      .returning({ code: escalationRules.code });
    if (!row) throw new AppError('rule_not_found');
    await audit(tx, actor, 'escalation.rule.delete', row.code, {}, now);
  });
}
