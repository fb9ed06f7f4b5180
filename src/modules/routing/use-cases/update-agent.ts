// A person's capacity, skills, languages, hours and absence: set by a manager (teams.manage), or
// the absence by the person themselves. The change may let the assigner give them work (more
// capacity, back from absence), so the caller runs it after commit.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { agentProfiles, users } from '../../../server/db/schema.js';
import type { Clock } from '../../../server/lib/clock.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { AgentProfile, WorkingHours } from '../../../shared/cases.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../complaints/index.js';
import { auditActor } from '../actors.js';
import { parseHm } from '../hours.js';
import { loadAgents, QUEUE_ROLES } from '../repository.js';

interface Deps {
  db: Db;
  clock: Clock;
}

export interface AgentInput {
  capacity?: number;
  skills?: string[];
  languages?: string[];
  hours?: WorkingHours;
  absentFrom?: string | null;
  absentUntil?: string | null;
}

const date = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : new Date(v);

function checkHours(hours: WorkingHours): WorkingHours {
  if (parseHm(hours.start) === null) throw fieldError('hours.start', 'invalid_time');
  if (parseHm(hours.end) === null) throw fieldError('hours.end', 'invalid_time');
  return { ...hours, days: [...new Set(hours.days)].sort((a, b) => a - b) };
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

/**
 * `self`: the person sets only their own absence and must already have a profile (a manager sets
 * people up); otherwise a manager may set anything and creates the profile if it is missing.
 */
export async function updateAgent(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: AgentInput,
  self: boolean,
): Promise<AgentProfile> {
  const hours = input.hours ? checkHours(input.hours) : undefined;
  const absentFrom = date(input.absentFrom);
  const absentUntil = date(input.absentUntil);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || !(QUEUE_ROLES as readonly string[]).includes(user.role)) {
      throw new AppError('agent_not_found');
    }
    // The same lock the assigner takes before counting: a change waits for an assignment in flight.
    const [current] = await tx
      .select()
      .from(agentProfiles)
      .where(eq(agentProfiles.userId, userId))
      .for('update');
    if (!current && self) throw new AppError('agent_not_found');
    const from = absentFrom === undefined ? (current?.absentFrom ?? null) : absentFrom;
    const until = absentUntil === undefined ? (current?.absentUntil ?? null) : absentUntil;
    if (from && until && until.getTime() <= from.getTime()) {
      throw fieldError('absentUntil', 'ends_before_start');
    }
    const patch = {
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(input.skills ? { skills: unique(input.skills) } : {}),
      ...(input.languages ? { languages: unique(input.languages) } : {}),
      ...(hours
        ? {
            workDays: hours.days,
            workStart: hours.start,
            workEnd: hours.end,
            alwaysOn: hours.alwaysOn,
          }
        : {}),
      ...(absentFrom !== undefined ? { absentFrom } : {}),
      ...(absentUntil !== undefined ? { absentUntil } : {}),
    };
    if (current) {
      await tx
        .update(agentProfiles)
        .set({ ...patch, updatedAt: now })
        .where(eq(agentProfiles.userId, userId));
    } else {
      await tx.insert(agentProfiles).values({ userId, ...patch, updatedAt: now });
    }
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: self ? 'agent.availability' : current ? 'agent.update' : 'agent.create',
      targetType: 'agent',
      targetId: userId,
      data: Object.fromEntries(
        Object.entries(patch).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
      ),
      at: now,
    });
  });
  const [profile] = await loadAgents(deps.db, deps.clock.now(), [userId]);
  if (!profile) throw new AppError('agent_not_found');
  return profile;
}
