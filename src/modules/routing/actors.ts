// Who is acting, in the terms the audit log and the routing rules need.
import { AppError } from '../../server/lib/errors.js';
import { can, type Permission } from '../../shared/roles.js';
import type { AuditActor } from '../audit/index.js';
import type { Actor, ComplaintRow } from '../complaints/index.js';

export function auditActor(actor: Actor): AuditActor {
  return { kind: actor.kind, key: actor.key, appRole: actor.appRole, name: actor.name };
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  return actor.appRole !== null && can(actor.appRole, permission);
}

/** 409 version_conflict naming the current version, unless the caller saw this one (or none). */
export function assertVersion(row: ComplaintRow, version: number | undefined): void {
  if (version === undefined || version === row.version) return;
  throw new AppError(
    'version_conflict',
    undefined,
    { 'x-complaint-version': String(row.version) },
    {
      zh: `当前版本为 ${row.version}，您提交的是 ${version}`,
      en: `The current version is ${row.version}; yours was ${version}`,
    },
  );
}
