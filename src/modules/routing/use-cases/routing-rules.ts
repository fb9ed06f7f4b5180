// Routing rules: which team a category (typeCode '') or a single problem type goes to; the type's
// own rule wins. Rules apply to complaints filed afterwards; a case already filed keeps its team.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { catalogCategories, catalogTypes, routingRules, teams } from '../../../server/db/schema.js';
import type { Clock } from '../../../server/lib/clock.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { RoutingRule } from '../../../shared/cases.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../complaints/index.js';
import { auditActor } from '../actors.js';

interface Deps {
  db: Db;
  clock: Clock;
}

export async function listRules(db: Db): Promise<RoutingRule[]> {
  return db
    .select({
      categoryCode: routingRules.categoryCode,
      typeCode: routingRules.typeCode,
      teamCode: teams.code,
    })
    .from(routingRules)
    .innerJoin(teams, eq(teams.id, routingRules.teamId))
    .orderBy(asc(routingRules.categoryCode), asc(routingRules.typeCode));
}

export async function setRule(deps: Deps, actor: Actor, rule: RoutingRule): Promise<RoutingRule> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [category] = await tx
      .select({ code: catalogCategories.code })
      .from(catalogCategories)
      .where(eq(catalogCategories.code, rule.categoryCode));
    if (!category) throw fieldError('categoryCode', 'unknown_category');
    if (rule.typeCode !== '') {
      const [type] = await tx
        .select({ code: catalogTypes.code })
        .from(catalogTypes)
        .where(
          and(eq(catalogTypes.code, rule.typeCode), eq(catalogTypes.categoryCode, category.code)),
        );
      if (!type) throw fieldError('typeCode', 'unknown_type');
    }
    const [team] = await tx.select().from(teams).where(eq(teams.code, rule.teamCode));
    if (!team) throw fieldError('teamCode', 'not_found_value');
    if (!team.enabled) throw fieldError('teamCode', 'team_disabled');
    const [before] = await tx
      .select({ teamCode: teams.code })
      .from(routingRules)
      .innerJoin(teams, eq(teams.id, routingRules.teamId))
      .where(
        and(
          eq(routingRules.categoryCode, rule.categoryCode),
          eq(routingRules.typeCode, rule.typeCode),
        ),
      );
    await tx
      .insert(routingRules)
      .values({ ...rule, teamId: team.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [routingRules.categoryCode, routingRules.typeCode],
        set: { teamId: team.id, updatedAt: now },
      });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'routing_rule.set',
      targetType: 'routing_rule',
      targetId: `${rule.categoryCode}/${rule.typeCode}`,
      data: { from: before?.teamCode ?? null, to: team.code },
      at: now,
    });
  });
  return rule;
}

export async function deleteRule(
  deps: Deps,
  actor: Actor,
  key: { categoryCode: string; typeCode: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(routingRules)
      .where(
        and(
          eq(routingRules.categoryCode, key.categoryCode),
          eq(routingRules.typeCode, key.typeCode),
        ),
      )
      .returning({ teamId: routingRules.teamId });
    if (!gone) throw new AppError('not_found');
    const [team] = await tx
      .select({ code: teams.code })
      .from(teams)
      .where(eq(teams.id, gone.teamId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'routing_rule.delete',
      targetType: 'routing_rule',
      targetId: `${key.categoryCode}/${key.typeCode}`,
      data: { team: team?.code ?? null },
      at: now,
    });
  });
}
