// The capacity protocol every path that gives a complaint to a person follows (the assigner here,
// a claim or a named reassignment through the complaints module's lockedLoad): lock the person's
// agent_profiles row, THEN count their open load.
// Under READ COMMITTED each statement sees what committed before it began, so once the lock is
// ours, the count includes every assignment another transaction made to this person — nobody is
// pushed past capacity however many assigners run. Locks are always taken in user_id order so
// two assigners never wait on each other in a cycle.
import { asc, inArray } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.js';
import { agentProfiles } from '../../server/db/schema.js';
import type { ProfileRow } from './repository.js';

export async function lockProfiles(tx: Tx, userIds: string[]): Promise<ProfileRow[]> {
  if (userIds.length === 0) return [];
  return tx
    .select()
    .from(agentProfiles)
    .where(inArray(agentProfiles.userId, userIds))
    .orderBy(asc(agentProfiles.userId))
    .for('update');
}
