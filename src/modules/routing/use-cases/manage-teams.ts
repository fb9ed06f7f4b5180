// Teams (queues): create, rename/enable/disable, and set the members. Every change is audited in
// its own transaction; membership changes may give waiting work to someone, so the caller runs
// the assigner after commit.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import {
  agentProfiles,
  routingRules,
  teamMembers,
  teams,
  users,
} from '../../../server/db/schema.js';
import type { Clock } from '../../../server/lib/clock.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Team } from '../../../shared/cases.js';
import type { LocalText } from '../../../shared/text.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../complaints/index.js';
import { auditActor } from '../actors.js';
import { loadTeams, QUEUE_ROLES } from '../repository.js';

interface Deps {
  db: Db;
  clock: Clock;
}

const TEAM_CODE = /^[a-z][a-z0-9_]{1,39}$/;

function cleanName(name: LocalText): LocalText {
  const zh = name.zh.trim();
  const en = name.en.trim();
  if (!zh) throw fieldError('name.zh', 'required');
  if (!en) throw fieldError('name.en', 'required');
  return { zh, en };
}

async function teamView(db: Db, id: string): Promise<Team> {
  const [team] = await loadTeams(db, [id]);
  return team!;
}

export async function createTeam(
  deps: Deps,
  actor: Actor,
  input: { code: string; name: LocalText; isExpertSeat?: boolean },
): Promise<Team> {
  if (!TEAM_CODE.test(input.code)) throw fieldError('code', 'invalid_catalog_code');
  const name = cleanName(input.name);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({ code: input.code, name, isExpertSeat: input.isExpertSeat ?? false, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: teams.id });
    if (!row) throw fieldError('code', 'taken');
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'team.create',
      targetType: 'team',
      targetId: input.code,
      data: { name, isExpertSeat: input.isExpertSeat ?? false },
      at: now,
    });
    return row.id;
  });
  return teamView(deps.db, id);
}

export async function updateTeam(
  deps: Deps,
  actor: Actor,
  code: string,
  input: { name?: LocalText; enabled?: boolean },
): Promise<Team> {
  const name = input.name ? cleanName(input.name) : undefined;
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.code, code)).for('update');
    if (!team) throw new AppError('team_not_found');
    if (input.enabled === false && team.enabled) {
      // A rule pointing at a disabled team would keep routing new complaints to it.
      const rules = await tx
        .select({ categoryCode: routingRules.categoryCode })
        .from(routingRules)
        .where(eq(routingRules.teamId, team.id))
        .limit(1);
      if (rules.length > 0) {
        throw new AppError('conflict', undefined, undefined, {
          zh: '仍有分流规则指向该团队，请先把这些规则改到其他团队再停用',
          en: 'Routing rules still send complaints to this team; point them at another team first',
        });
      }
    }
    const patch = {
      ...(name ? { name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    };
    if (Object.keys(patch).length > 0) {
      await tx.update(teams).set(patch).where(eq(teams.id, team.id));
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: 'team.update',
        targetType: 'team',
        targetId: code,
        data: patch,
        at: now,
      });
    }
    return team.id;
  });
  return teamView(deps.db, id);
}

/**
 * Replaces the team's membership. Members must be staff who can be given complaints (agent,
 * expert, supervisor); a new member without a profile gets the default one (capacity 8, zh,
 * Monday–Friday 09:00–18:00) so they are never silently left out of assignment.
 */
export async function setTeamMembers(
  deps: Deps,
  actor: Actor,
  code: string,
  userIds: string[],
): Promise<Team> {
  const wanted = [...new Set(userIds)];
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.code, code)).for('update');
    if (!team) throw new AppError('team_not_found');
    const found = wanted.length
      ? await tx
          .select({ id: users.id, role: users.role })
          .from(users)
          .where(inArray(users.id, wanted))
      : [];
    if (found.length !== wanted.length) throw fieldError('userIds', 'not_found_value');
    if (found.some((u) => !(QUEUE_ROLES as readonly string[]).includes(u.role))) {
      throw fieldError('userIds', 'not_queue_staff');
    }
    const before = (
      await tx
        .select({ userId: teamMembers.userId })
        .from(teamMembers)
        .where(eq(teamMembers.teamId, team.id))
    ).map((r) => r.userId);
    const removed = before.filter((u) => !wanted.includes(u));
    const added = wanted.filter((u) => !before.includes(u));
    await tx
      .delete(teamMembers)
      .where(
        and(
          eq(teamMembers.teamId, team.id),
          wanted.length ? notInArray(teamMembers.userId, wanted) : undefined,
        ),
      );
    if (added.length > 0) {
      await tx
        .insert(teamMembers)
        .values(added.map((userId) => ({ teamId: team.id, userId, createdAt: now })))
        .onConflictDoNothing();
      await tx
        .insert(agentProfiles)
        .values(added.map((userId) => ({ userId, updatedAt: now })))
        .onConflictDoNothing();
    }
    if (added.length > 0 || removed.length > 0) {
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: 'team.members',
        targetType: 'team',
        targetId: code,
        data: { added, removed, members: wanted.length },
        at: now,
      });
    }
    return team.id;
  });
  return teamView(deps.db, id);
}
