// Who is acting on a complaint, in the terms the lifecycle and the timeline need.
import type { Queryable } from '../../server/db/client.js';
import { AppError } from '../../server/lib/errors.js';
import type { Principal } from '../../server/plugins/auth.js';
import { findUserById, type UserRow } from '../accounts/index.js';
import type { ActorKind } from '../../shared/complaints.js';
import type { Role } from '../../shared/roles.js';
import type { LifecycleActor } from './lifecycle.js';

export interface Actor extends LifecycleActor {
  kind: ActorKind;
  /** users.id for people; null for tokens and the system. */
  userId: string | null;
  name: string;
  appRole: Role | null;
  /** The person's account, for people (already read to build the actor). */
  user: UserRow | null;
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  role: 'system',
  key: null,
  userId: null,
  name: '系统',
  appRole: null,
  user: null,
};

export async function actorOf(db: Queryable, principal: Principal): Promise<Actor> {
  if (principal.kind === 'token') {
    return {
      kind: 'token',
      role: principal.role,
      key: `token:${principal.tokenId}`,
      userId: null,
      name: principal.name,
      appRole: principal.role,
      user: null,
    };
  }
  const user = await findUserById(db, principal.userId);
  if (!user) throw new AppError('unauthenticated');
  return {
    kind: principal.role === 'complainant' ? 'complainant' : 'staff',
    role: principal.role,
    key: `user:${user.id}`,
    userId: user.id,
    name: user.name,
    appRole: principal.role,
    user,
  };
}
