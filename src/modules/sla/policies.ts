// SLA policies: an admin's row for a type, else the category's, else the catalogue's seed
// figures (policy-defaults.ts). The policy in force at acceptance is copied onto the complaint,
// so a change applies to new complaints only.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../../server/db/client.js';
import { businessCalendars, slaPolicies } from '../../server/db/schema.js';
import { AppError, fieldError } from '../../server/lib/errors.js';
import type { SlaSpec } from '../../shared/catalog.js';
import type { SlaPolicy, SlaPolicyInput, SlaPolicyRow } from '../../shared/sla.js';
import { loadCatalog } from '../catalog/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { policyFromSpec } from './policy-defaults.js';

type PolicyRow = typeof slaPolicies.$inferSelect;

function fromRow(r: PolicyRow): SlaPolicy {
  return {
    categoryCode: r.categoryCode,
    typeCode: r.typeCode,
    calendarCode: r.calendarCode,
    firstResponse: r.firstResponse ?? null,
    resolution: r.resolution ?? null,
    hardMax: r.hardMax ?? null,
    warnFraction: r.warnFraction,
    regionExtras: r.regionExtras,
    repeatTarget: r.repeatTarget ?? null,
    source: 'custom',
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function effectivePolicy(
  db: Queryable,
  categoryCode: string,
  typeCode: string,
  spec: SlaSpec,
): Promise<SlaPolicy> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(
      and(
        eq(slaPolicies.categoryCode, categoryCode),
        inArray(slaPolicies.typeCode, [typeCode, '']),
      ),
    );
  const own = rows.find((r) => r.typeCode === typeCode) ?? rows.find((r) => r.typeCode === '');
  if (!own) return policyFromSpec(categoryCode, typeCode, spec);
  return own.typeCode === typeCode
    ? fromRow(own)
    : { ...fromRow(own), typeCode, source: 'category' };
}

/** Every type's policy in force, plus the category defaults admins saved. */
export async function listPolicies(db: Db): Promise<SlaPolicyRow[]> {
  const catalog = await loadCatalog(db);
  const saved = await db.select().from(slaPolicies);
  const out: SlaPolicyRow[] = [];
  for (const cat of catalog) {
    const catRow = saved.find((r) => r.categoryCode === cat.code && r.typeCode === '');
    if (catRow) out.push({ ...fromRow(catRow), categoryName: cat.name, typeName: null });
    for (const t of cat.types) {
      const own = saved.find((r) => r.categoryCode === cat.code && r.typeCode === t.code);
      const policy = own
        ? fromRow(own)
        : catRow
          ? { ...fromRow(catRow), typeCode: t.code, source: 'category' as const }
          : policyFromSpec(cat.code, t.code, t.sla);
      out.push({ ...policy, categoryName: cat.name, typeName: t.name });
    }
  }
  return out;
}

async function assertTarget(db: Db, input: Pick<SlaPolicyInput, 'categoryCode' | 'typeCode'>) {
  const catalog = await loadCatalog(db);
  const cat = catalog.find((c) => c.code === input.categoryCode);
  if (!cat) throw fieldError('categoryCode', 'not_found_value');
  if (input.typeCode !== '' && !cat.types.some((t) => t.code === input.typeCode)) {
    throw fieldError('typeCode', 'not_found_value');
  }
}

function rowOf(list: SlaPolicyRow[], categoryCode: string, typeCode: string): SlaPolicyRow {
  const row = list.find((p) => p.categoryCode === categoryCode && p.typeCode === typeCode);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function savePolicy(
  db: Db,
  input: SlaPolicyInput,
  actor: AuditActor,
  now: Date,
): Promise<SlaPolicyRow> {
  await assertTarget(db, input);
  if (!input.resolution && !input.firstResponse && !input.hardMax) {
    throw fieldError('resolution', 'one_target');
  }
  const [cal] = await db
    .select({ code: businessCalendars.code })
    .from(businessCalendars)
    .where(eq(businessCalendars.code, input.calendarCode));
  if (!cal) throw fieldError('calendarCode', 'not_found_value');
  const values = {
    categoryCode: input.categoryCode,
    typeCode: input.typeCode,
    calendarCode: input.calendarCode,
    firstResponse: input.firstResponse,
    resolution: input.resolution,
    hardMax: input.hardMax,
    warnFraction: input.warnFraction,
    regionExtras: input.regionExtras,
    repeatTarget: input.repeatTarget,
    updatedAt: now,
    updatedBy: actor.name,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(slaPolicies)
      .values(values)
      .onConflictDoUpdate({
        target: [slaPolicies.categoryCode, slaPolicies.typeCode],
        set: values,
      });
    await recordAudit(tx, {
      actor,
      action: 'sla.policy.save',
      targetType: 'sla_policy',
      targetId: `${input.categoryCode}/${input.typeCode || '*'}`,
      data: { ...input },
      at: now,
    });
  });
  const list = await listPolicies(db);
  if (input.typeCode === '') {
    const cat = list.find((p) => p.categoryCode === input.categoryCode && p.typeCode === '');
    if (cat) return cat;
  }
  return rowOf(list, input.categoryCode, input.typeCode);
}

/** Drops the admin's row: the type goes back to its category's policy or the seed figures. */
export async function resetPolicy(
  db: Db,
  input: { categoryCode: string; typeCode: string },
  actor: AuditActor,
  now: Date,
): Promise<SlaPolicyRow | null> {
  await assertTarget(db, input);
  await db.transaction(async (tx) => {
    await tx
      .delete(slaPolicies)
      .where(
        and(
          eq(slaPolicies.categoryCode, input.categoryCode),
          eq(slaPolicies.typeCode, input.typeCode),
        ),
      );
    await recordAudit(tx, {
      actor,
      action: 'sla.policy.reset',
      targetType: 'sla_policy',
      targetId: `${input.categoryCode}/${input.typeCode || '*'}`,
      data: {},
      at: now,
    });
  });
  if (input.typeCode === '') return null;
  return rowOf(await listPolicies(db), input.categoryCode, input.typeCode);
}
