// The audit log's name for whoever sent a request: configuration changes (teams, merchants,
// platforms, calendars) need only this, not a complaint actor.
import type { Queryable } from '../../server/db/client.js';
import { AppError } from '../../server/lib/errors.js';
import type { Principal } from '../../server/plugins/auth.js';
import { findUserById } from '../accounts/index.js';
import type { AuditActor } from './record.js';

export async function auditActorOf(db: Queryable, principal: Principal): Promise<AuditActor> {
  if (principal.kind === 'token')
    return {
      kind: 'token',
      key: `token:${principal.tokenId}`,
      appRole: principal.role,
      name: principal.name,
    };
  const user = await findUserById(db, principal.userId);
  if (!user) throw new AppError('unauthenticated');
  return {
    kind: principal.role === 'complainant' ? 'complainant' : 'staff',
    key: `user:${user.id}`,
    appRole: principal.role,
    name: user.name,
  };
}
