// SQL for collective cases and links between complaints. Functions that change a case expect the
// caller's transaction to hold its row lock (lockCollective), taken before any complaint lock.
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import {
  collectiveCases,
  complaintCounters,
  complaintLinks,
  complaints,
  merchants,
} from '../../server/db/schema.js';
import type { CollectiveSummary } from '../../shared/cases.js';
import { COLLECTIVE_NUMBER_RE, collectiveCounterKey } from './rules.js';

export type CollectiveRow = typeof collectiveCases.$inferSelect;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Next JT sequence of the day; the counter row lock orders concurrent creations. */
export async function nextCollectiveSequence(tx: Tx, day: string): Promise<number> {
  const [row] = await tx
    .insert(complaintCounters)
    .values({ day: collectiveCounterKey(day), last: 1 })
    .onConflictDoUpdate({
      target: complaintCounters.day,
      set: { last: sql`${complaintCounters.last} + 1` },
    })
    .returning({ last: complaintCounters.last });
  return row!.last;
}

export async function insertCollective(
  tx: Tx,
  values: typeof collectiveCases.$inferInsert,
): Promise<CollectiveRow> {
  const [row] = await tx.insert(collectiveCases).values(values).returning();
  return row!;
}

/** By id (uuid) or number (JT…); anything else finds nothing rather than failing in SQL. */
export async function findCollective(
  db: Queryable,
  idOrNumber: string,
): Promise<CollectiveRow | undefined> {
  const key = idOrNumber.trim();
  let where: SQL;
  if (UUID_RE.test(key)) where = eq(collectiveCases.id, key);
  else if (COLLECTIVE_NUMBER_RE.test(key.toUpperCase()))
    where = eq(collectiveCases.number, key.toUpperCase());
  else return undefined;
  const [row] = await db.select().from(collectiveCases).where(where);
  return row;
}

export async function lockCollective(tx: Tx, id: string): Promise<CollectiveRow> {
  const [row] = await tx
    .select()
    .from(collectiveCases)
    .where(eq(collectiveCases.id, id))
    .for('update');
  if (!row) throw new Error(`collective case ${id} vanished`);
  return row;
}

export async function updateCollective(
  tx: Tx,
  id: string,
  patch: Partial<typeof collectiveCases.$inferInsert>,
  now: Date,
): Promise<void> {
  await tx
    .update(collectiveCases)
    .set({ ...patch, updatedAt: now })
    .where(eq(collectiveCases.id, id));
}

/** Member complaint ids in id order: the order every multi-complaint change locks them in. */
export async function memberIds(db: Queryable, collectiveId: string): Promise<string[]> {
  const rows = await db
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.collectiveId, collectiveId))
    .orderBy(asc(complaints.id));
  return rows.map((r) => r.id);
}

export async function memberRows(db: Queryable, collectiveId: string) {
  return db
    .select({
      number: complaints.number,
      status: complaints.status,
      priority: complaints.priority,
      contact: complaints.contact,
    })
    .from(complaints)
    .where(eq(complaints.collectiveId, collectiveId))
    .orderBy(asc(complaints.number));
}

export async function collectiveNumberOf(db: Queryable, id: string): Promise<string> {
  const [row] = await db
    .select({ number: collectiveCases.number })
    .from(collectiveCases)
    .where(eq(collectiveCases.id, id));
  return row?.number ?? id;
}

export interface CollectiveFilter {
  status?: 'open' | 'closed';
  /** Part of the number or the title. */
  q?: string;
  merchantId?: string;
  limit: number;
  offset: number;
}

/** LIKE pattern matching the text anywhere, with the text's own % _ \ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listCollectives(
  db: Queryable,
  f: CollectiveFilter,
): Promise<{ items: CollectiveSummary[]; total: number }> {
  const conds: SQL[] = [];
  if (f.status) conds.push(eq(collectiveCases.status, f.status));
  if (f.merchantId) conds.push(eq(collectiveCases.merchantId, f.merchantId));
  if (f.q) {
    const like = containing(f.q);
    conds.push(or(ilike(collectiveCases.number, like), ilike(collectiveCases.title, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const memberCount = sql<number>`(select count(*)::int from complaints m
      where m.collective_id = ${collectiveCases.id})`;
  const rows = await db
    .select({ c: collectiveCases, merchantName: merchants.name, memberCount })
    .from(collectiveCases)
    .leftJoin(merchants, eq(merchants.id, collectiveCases.merchantId))
    .where(where)
    .orderBy(desc(collectiveCases.createdAt), desc(collectiveCases.number))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(collectiveCases).where(where);
  return {
    items: rows.map(({ c, merchantName, memberCount: n }) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status as CollectiveSummary['status'],
      memberCount: Number(n),
      merchantName,
      progress: c.progress,
      progressAt: c.progressAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

export async function merchantExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, id));
  return !!row;
}

// ---- Links (stored once per pair, complaint_a < complaint_b) ----

function pair(x: string, y: string): { complaintA: string; complaintB: string } {
  return x < y ? { complaintA: x, complaintB: y } : { complaintA: y, complaintB: x };
}

/** False when the pair was already linked (another request got there first). */
export async function insertLink(
  tx: Tx,
  x: string,
  y: string,
  note: string | null,
  createdById: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .insert(complaintLinks)
    .values({ ...pair(x, y), note, createdById, createdAt: now })
    .onConflictDoNothing()
    .returning({ a: complaintLinks.complaintA });
  return rows.length === 1;
}

/** False when the pair was not linked. */
export async function deleteLink(tx: Tx, x: string, y: string): Promise<boolean> {
  const p = pair(x, y);
  const rows = await tx
    .delete(complaintLinks)
    .where(
      and(eq(complaintLinks.complaintA, p.complaintA), eq(complaintLinks.complaintB, p.complaintB)),
    )
    .returning({ a: complaintLinks.complaintA });
  return rows.length === 1;
}
