// Writing the audit log. Every staff action and every reveal of personal data lands here in the
// same transaction as the change it records, so an action without its audit row cannot commit.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { auditLog } from '../../server/db/schema.js';
import type { AuditEntry } from '../../shared/cases.js';

export interface AuditActor {
  kind: string;
  /** 'user:<id>' / 'token:<id>'; null for the system. */
  key: string | null;
  appRole: string | null;
  name: string;
}

export interface AuditInput {
  actor: AuditActor;
  /** Dotted verb, e.g. 'complaint.note', 'team.update', 'pii.reveal'. */
  action: string;
  targetType: string;
  targetId: string | null;
  /** Facts about the action; never clear personal data. */
  data?: Record<string, unknown>;
  at: Date;
}

export async function recordAudit(db: Queryable, input: AuditInput): Promise<number> {
  const [row] = await db
    .insert(auditLog)
    .values({
      at: input.at,
      actorKind: input.actor.kind,
      actorId: input.actor.key,
      actorRole: input.actor.appRole,
      actorName: input.actor.name,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      data: input.data ?? {},
    })
    .returning({ id: auditLog.id });
  return row!.id;
}

export interface AuditQuery {
  targetType?: string;
  targetId?: string;
  actorId?: string;
  action?: string;
  /** Entries with a smaller id (keyset paging, newest first). */
  before?: number;
  limit: number;
}

export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditEntry[]> {
  const conds: SQL[] = [];
  if (q.targetType) conds.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) conds.push(eq(auditLog.targetId, q.targetId));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.before) conds.push(lt(auditLog.id, q.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: { kind: r.actorKind, id: r.actorId, role: r.actorRole, name: r.actorName },
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    data: r.data,
  }));
}
