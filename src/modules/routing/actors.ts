// Who is acting, in the terms the audit log and the routing rules need.
import { can, type Permission } from '../../shared/roles.js';
import type { AuditActor } from '../audit/index.js';
import type { Actor } from '../complaints/index.js';

export function auditActor(actor: Actor): AuditActor {
  return { kind: actor.kind, key: actor.key, appRole: actor.appRole, name: actor.name };
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  return actor.appRole !== null && can(actor.appRole, permission);
}
