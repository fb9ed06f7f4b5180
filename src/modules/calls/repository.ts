// SQL for phone calls and for finding a caller's complaints by phone.
import { and, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import { calls, complaintEvents, complaints, users } from '../../server/db/schema.js';
import { CALL_VERIFY_ATTEMPTS } from './deps.js';

export type CallRow = typeof calls.$inferSelect;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertCall(
  db: Queryable,
  values: typeof calls.$inferInsert,
): Promise<CallRow> {
  const [row] = await db.insert(calls).values(values).returning();
  return row!;
}

export async function findCall(db: Queryable, id: string): Promise<CallRow | undefined> {
  if (!UUID_RE.test(id)) return undefined;
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  return row;
}

export async function lockCall(tx: Tx, id: string): Promise<CallRow> {
  const [row] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
  if (!row) throw new Error(`call ${id} vanished`);
  return row;
}

export async function updateCall(
  db: Queryable,
  id: string,
  patch: Partial<typeof calls.$inferInsert>,
): Promise<CallRow> {
  const [row] = await db.update(calls).set(patch).where(eq(calls.id, id)).returning();
  return row!;
}

/**
 * Takes one verification attempt of an open, unverified call; undefined when none is left (or
 * the call ended or got verified meanwhile). Atomic, so parallel guesses cannot exceed the limit.
 */
export async function takeAttempt(db: Queryable, id: string): Promise<CallRow | undefined> {
  const [row] = await db
    .update(calls)
    .set({ verifyAttempts: sql`${calls.verifyAttempts} + 1` })
    .where(
      and(
        eq(calls.id, id),
        isNull(calls.endedAt),
        isNull(calls.verifiedAt),
        lt(calls.verifyAttempts, CALL_VERIFY_ATTEMPTS),
      ),
    )
    .returning();
  return row;
}

export async function listCalls(
  db: Queryable,
  f: { agentId?: string; open?: boolean; limit: number; offset: number },
): Promise<{ rows: CallRow[]; total: number }> {
  const conds: SQL[] = [];
  if (f.agentId) conds.push(eq(calls.agentId, f.agentId));
  if (f.open === true) conds.push(isNull(calls.endedAt));
  if (f.open === false) conds.push(sql`${calls.endedAt} is not null`);
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db
    .select()
    .from(calls)
    .where(where)
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(calls).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The complainant account that has this phone, if any (staff phones are not callers' accounts). */
export async function complainantByPhone(db: Queryable, phone: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.phone, phone), eq(users.role, 'complainant')));
  return row;
}

const contactPhone = sql`${complaints.contact}->>'phone'`;

/** Whether anyone we know has this phone: a complainant account or a complaint's contact. */
export async function phoneKnown(db: Queryable, phone: string): Promise<boolean> {
  if (await complainantByPhone(db, phone)) return true;
  const [row] = await db
    .select({ id: complaints.id })
    .from(complaints)
    .where(sql`${contactPhone} = ${phone}`)
    .limit(1);
  return !!row;
}

/** Complaints of the person on this phone: theirs by account, or giving the phone as contact. */
function ofCaller(phone: string, callerUserId: string | null): SQL {
  const byContact = sql`${contactPhone} = ${phone}`;
  const byAccount = sql`${complaints.complainantId} in (select u.id from users u
      where u.phone = ${phone} and u.role = 'complainant')`;
  return callerUserId
    ? or(byContact, byAccount, eq(complaints.complainantId, callerUserId))!
    : or(byContact, byAccount)!;
}

export async function callerComplaints(
  db: Queryable,
  phone: string,
  callerUserId: string | null,
  limit = 50,
) {
  return db
    .select()
    .from(complaints)
    .where(ofCaller(phone, callerUserId))
    .orderBy(desc(complaints.createdAt), desc(complaints.number))
    .limit(limit);
}

export async function isCallersComplaint(
  db: Queryable,
  complaintId: string,
  phone: string,
  callerUserId: string | null,
): Promise<boolean> {
  const [row] = await db
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.id, complaintId), ofCaller(phone, callerUserId)));
  return !!row;
}

/** Filed during the call, or re-filed during it (a repeat filing lands on the open complaint). */
export async function touchedSince(
  db: Queryable,
  complaintId: string,
  since: Date,
): Promise<boolean> {
  const [c] = await db
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.id, complaintId), gte(complaints.createdAt, since)));
  if (c) return true;
  const [e] = await db
    .select({ id: complaintEvents.id })
    .from(complaintEvents)
    .where(
      and(
        eq(complaintEvents.complaintId, complaintId),
        eq(complaintEvents.type, 'repeat_filing'),
        gte(complaintEvents.createdAt, since),
      ),
    )
    .limit(1);
  return !!e;
}

export async function numbersOf(db: Queryable, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: complaints.id, number: complaints.number })
    .from(complaints)
    .where(inArray(complaints.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.number]));
  return ids.map((id) => byId.get(id)).filter((n): n is string => !!n);
}
