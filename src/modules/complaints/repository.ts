// SQL for complaints, their timeline, materials requests and idempotency keys. Every function
// that changes a complaint expects the caller's transaction to hold its row lock (lockComplaint).
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import {
  complaintCounters,
  complaintEvents,
  complaints,
  idempotencyKeys,
  materialRequests,
  routingRules,
} from '../../server/db/schema.js';
import { OPEN_STATUSES, type ComplaintStatus } from '../../shared/complaints.js';
import { recordAudit } from '../audit/index.js';
import { queueNotifications } from '../notifications/index.js';
import { syncClocks } from '../sla/index.js';

/** The PostgreSQL channel that carries "this complaint changed" to the live stream (GET /live). */
export const LIVE_CHANNEL = 'redress_complaint_changes';

export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;
export type EventRow = typeof complaintEvents.$inferSelect;
export type MaterialRequestRow = typeof materialRequests.$inferSelect;

export async function findComplaintByNumber(
  db: Queryable,
  number: string,
): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.number, number));
  return row;
}

export async function findComplaintById(
  db: Queryable,
  id: string,
): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  return row;
}

/** Locks the complaint for the rest of the transaction: one change at a time per complaint. */
export async function lockComplaint(tx: Tx, id: string): Promise<ComplaintRow> {
  const [row] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
  if (!row) throw new Error(`complaint ${id} vanished`);
  return row;
}

/** Next sequence number of the day; the counter row lock orders concurrent filings. */
export async function nextDailySequence(tx: Tx, day: string): Promise<number> {
  const [row] = await tx
    .insert(complaintCounters)
    .values({ day, last: 1 })
    .onConflictDoUpdate({
      target: complaintCounters.day,
      set: { last: sql`${complaintCounters.last} + 1` },
    })
    .returning({ last: complaintCounters.last });
  return row!.last;
}

export async function insertComplaint(tx: Tx, values: NewComplaint): Promise<ComplaintRow> {
  const [row] = await tx.insert(complaints).values(values).returning();
  return row!;
}

export async function updateComplaint(
  tx: Tx,
  id: string,
  patch: Partial<NewComplaint>,
  now: Date,
): Promise<ComplaintRow> {
  const [row] = await tx
    .update(complaints)
    .set({ ...patch, updatedAt: now, version: sql`${complaints.version} + 1` })
    .where(eq(complaints.id, id))
    .returning();
  return row!;
}

export type NewEvent = Omit<typeof complaintEvents.$inferInsert, 'id' | 'complaintId' | 'seq'>;

/**
 * Appends to the timeline (the seq follows the last one, safe under the complaint lock), records
 * the same action in the audit log, and tells live viewers after COMMIT (NOTIFY is transactional).
 */
export async function appendEvent(tx: Tx, complaintId: string, event: NewEvent): Promise<number> {
  return (await recordEvent(tx, complaintId, event)).seq;
}

/** appendEvent, also answering the id of the audit entry it wrote (a reveal reports it). */
export async function recordEvent(
  tx: Tx,
  complaintId: string,
  event: NewEvent,
): Promise<{ seq: number; auditId: number }> {
  const [row] = await tx
    .insert(complaintEvents)
    .values({
      ...event,
      complaintId,
      seq: sql`(SELECT coalesce(max(seq), 0) + 1 FROM complaint_events WHERE complaint_id = ${complaintId})`,
    })
    .returning({ seq: complaintEvents.seq });
  // Clocks follow the timeline in the same transaction: start, pause, resume, met (src/modules/sla).
  await syncClocks(tx, complaintId, {
    type: event.type,
    action: event.action ?? null,
    actorKind: event.actorKind,
    internal: event.internal ?? false,
    at: event.createdAt ?? new Date(),
  });
  // Messages about the change are written with it (the transactional outbox, Stage 5).
  await queueNotifications(tx, complaintId, {
    seq: row!.seq,
    type: event.type,
    action: event.action ?? null,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    internal: event.internal ?? false,
    opinion: event.opinion ?? null,
    data: (event.data ?? {}) as Record<string, unknown>,
    at: event.createdAt ?? new Date(),
  });
  const [c] = await tx
    .select({
      number: complaints.number,
      version: complaints.version,
      complainantId: complaints.complainantId,
      merchantId: complaints.merchantId,
      phase: complaints.merchantPhase,
    })
    .from(complaints)
    .where(eq(complaints.id, complaintId));
  const auditId = await recordAudit(tx, {
    actor: {
      kind: event.actorKind,
      key: event.actorId ?? null,
      appRole: event.actorRole ?? null,
      name: event.actorName,
    },
    action: `complaint.${event.action ?? event.type}`,
    targetType: 'complaint',
    targetId: c!.number,
    data: {
      seq: row!.seq,
      type: event.type,
      ...(event.fromStatus ? { from: event.fromStatus, to: event.toStatus } : {}),
      ...(event.internal ? { internal: true } : {}),
      // Which field was read is the point of a reveal's audit row (the name, never the value).
      ...(event.type === 'pii_revealed' && typeof event.data?.field === 'string'
        ? { field: event.data.field }
        : {}),
    },
    at: event.createdAt ?? new Date(),
  });
  const payload = {
    number: c!.number,
    version: c!.version,
    type: event.type,
    internal: event.internal ?? false,
    complainantId: c!.complainantId,
    merchantId: c!.phase ? c!.merchantId : null,
  };
  await tx.execute(sql`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(payload)})`);
  return { seq: row!.seq, auditId };
}

export async function listEvents(
  db: Queryable,
  complaintId: string,
  includeInternal: boolean,
): Promise<EventRow[]> {
  const where = includeInternal
    ? eq(complaintEvents.complaintId, complaintId)
    : and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.internal, false));
  return db.select().from(complaintEvents).where(where).orderBy(asc(complaintEvents.seq));
}

/** The person's open complaints of one type: candidates for a repeat filing. */
export async function openComplaintsOf(
  db: Queryable,
  complainantId: string,
  typeCode: string,
): Promise<ComplaintRow[]> {
  return db
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.complainantId, complainantId),
        eq(complaints.typeCode, typeCode),
        inArray(complaints.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(desc(complaints.createdAt))
    .limit(50);
}

export async function countFiledSince(
  db: Queryable,
  by: { complainantId: string } | { ip: string },
  since: Date,
): Promise<number> {
  const who =
    'ip' in by ? eq(complaints.filedIp, by.ip) : eq(complaints.complainantId, by.complainantId);
  const [row] = await db
    .select({ n: count() })
    .from(complaints)
    .where(and(who, gte(complaints.createdAt, since)));
  return row?.n ?? 0;
}

export async function countRejectedSince(
  db: Queryable,
  complainantId: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(complaints)
    .where(
      and(
        eq(complaints.complainantId, complainantId),
        inArray(complaints.status, ['rejected', 'closed']),
        sql`exists (select 1 from complaint_events e where e.complaint_id = ${complaints.id}
            and e.action = 'reject' and e.created_at >= ${since.toISOString()})`,
      ),
    );
  return row?.n ?? 0;
}

export async function insertMaterialRequest(
  tx: Tx,
  values: typeof materialRequests.$inferInsert,
): Promise<MaterialRequestRow> {
  const [row] = await tx.insert(materialRequests).values(values).returning();
  return row!;
}

export async function openMaterialRequest(
  db: Queryable,
  complaintId: string,
): Promise<MaterialRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(materialRequests)
    .where(and(eq(materialRequests.complaintId, complaintId), isNull(materialRequests.fulfilledAt)))
    .orderBy(desc(materialRequests.createdAt))
    .limit(1);
  return row;
}

export async function fulfilMaterialRequest(
  tx: Tx,
  id: string,
  now: Date,
  note: string | null,
): Promise<void> {
  await tx
    .update(materialRequests)
    .set({ fulfilledAt: now, fulfilledNote: note })
    .where(eq(materialRequests.id, id));
}

export async function findIdempotencyKey(db: Queryable, scope: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  return row;
}

/** False when another request with the same key committed first. */
export async function insertIdempotencyKey(
  tx: Tx,
  values: typeof idempotencyKeys.$inferInsert,
): Promise<boolean> {
  const rows = await tx
    .insert(idempotencyKeys)
    .values(values)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export interface ComplaintFilter {
  complainantId?: string;
  categoryCode?: string;
  typeCode?: string;
  statuses?: ComplaintStatus[];
  from?: Date;
  to?: Date;
  numberLike?: string;
  flagged?: boolean;
  /** A person's id, or null for the unassigned (waiting) ones. */
  assigneeId?: string | null;
  teamId?: string;
  tag?: string;
  /** Part of an external platform's case number (12315 …), any platform. */
  externalNumber?: string;
  collectiveId?: string;
  /** newest first (default), or urgency: red first, then yellow, then green, oldest first. */
  sort?: 'newest' | 'urgency';
  limit: number;
  offset: number;
}

/** LIKE pattern matching the text anywhere, with the text's own % _ \\ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listComplaints(
  db: Queryable,
  f: ComplaintFilter,
): Promise<{ rows: ComplaintRow[]; total: number }> {
  const conds: SQL[] = [];
  if (f.complainantId) conds.push(eq(complaints.complainantId, f.complainantId));
  if (f.categoryCode) conds.push(eq(complaints.categoryCode, f.categoryCode));
  if (f.typeCode) conds.push(eq(complaints.typeCode, f.typeCode));
  if (f.statuses?.length) conds.push(inArray(complaints.status, f.statuses));
  if (f.from) conds.push(gte(complaints.createdAt, f.from));
  if (f.to) conds.push(lte(complaints.createdAt, f.to));
  if (f.numberLike) conds.push(sql`${complaints.number} like ${`%${f.numberLike}%`}`);
  if (f.flagged) conds.push(sql`cardinality(${complaints.flags}) > 0`);
  if (f.assigneeId === null) conds.push(isNull(complaints.assigneeId));
  else if (f.assigneeId) conds.push(eq(complaints.assigneeId, f.assigneeId));
  if (f.teamId) conds.push(eq(complaints.teamId, f.teamId));
  if (f.tag) conds.push(sql`${f.tag} = any(${complaints.tags})`);
  if (f.collectiveId) conds.push(eq(complaints.collectiveId, f.collectiveId));
  if (f.externalNumber) {
    conds.push(sql`exists (select 1 from external_cases x where x.complaint_id = ${complaints.id}
        and x.external_number ilike ${containing(f.externalNumber)})`);
  }
  const where = conds.length ? and(...conds) : undefined;
  const order =
    f.sort === 'urgency'
      ? [
          sql`case ${complaints.priority} when 'red' then 0 when 'yellow' then 1 else 2 end`,
          asc(complaints.createdAt),
          asc(complaints.number),
        ]
      : [desc(complaints.createdAt), desc(complaints.number)];
  const rows = await db
    .select()
    .from(complaints)
    .where(where)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(complaints).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The team a problem type routes to: its own rule, else its category's, else none (admin sets one). */
export async function teamForType(
  db: Queryable,
  categoryCode: string,
  typeCode: string,
): Promise<string | null> {
  const rows = await db
    .select({ typeCode: routingRules.typeCode, teamId: routingRules.teamId })
    .from(routingRules)
    .where(
      and(
        eq(routingRules.categoryCode, categoryCode),
        inArray(routingRules.typeCode, [typeCode, '']),
      ),
    );
  return (
    (rows.find((r) => r.typeCode === typeCode) ?? rows.find((r) => r.typeCode === ''))?.teamId ??
    null
  );
}
