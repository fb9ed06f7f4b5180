// SQL for merchants, their shops and remedies. Functions that change a remedy expect the caller's
// transaction to hold the complaint's row lock (lockComplaint), which orders every change to it.
import { and, asc, count, eq, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import { complaints, merchantRemedies, merchants, shops, teams } from '../../server/db/schema.js';
import type { Merchant, MerchantPhase, MerchantTier } from '../../shared/cases.js';

export type MerchantRow = typeof merchants.$inferSelect;
export type ShopRow = typeof shops.$inferSelect;
export type RemedyRow = typeof merchantRemedies.$inferSelect;
type ComplaintRow = typeof complaints.$inferSelect;

/** Names are compared as people type them: full-width folded, outer spaces dropped. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim();
}

function present(m: MerchantRow, own: ShopRow[]): Merchant {
  return {
    id: m.id,
    name: m.name,
    tier: m.tier as MerchantTier,
    replyHours: m.replyHours,
    shops: own.map((s) => ({ id: s.id, name: s.name })),
  };
}

export async function listMerchants(db: Queryable, ids?: string[]): Promise<Merchant[]> {
  const rows = await db
    .select()
    .from(merchants)
    .where(ids ? inArray(merchants.id, ids) : undefined)
    .orderBy(asc(merchants.name));
  if (rows.length === 0) return [];
  const allShops = await db
    .select()
    .from(shops)
    .where(
      inArray(
        shops.merchantId,
        rows.map((m) => m.id),
      ),
    )
    .orderBy(asc(shops.name));
  return rows.map((m) =>
    present(
      m,
      allShops.filter((s) => s.merchantId === m.id),
    ),
  );
}

export async function merchantView(db: Queryable, id: string): Promise<Merchant | undefined> {
  const [m] = await listMerchants(db, [id]);
  return m;
}

export async function findMerchant(db: Queryable, id: string): Promise<MerchantRow | undefined> {
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
  return row;
}

export async function findMerchantByName(
  db: Queryable,
  name: string,
): Promise<MerchantRow | undefined> {
  const [row] = await db.select().from(merchants).where(eq(merchants.name, name));
  return row;
}

/** Null when the name is taken (merchants' names are unique). */
export async function insertMerchant(
  tx: Tx,
  values: { name: string; tier: MerchantTier; replyHours: number },
): Promise<MerchantRow | null> {
  const [row] = await tx.insert(merchants).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function nameTakenByOther(tx: Tx, name: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: merchants.id })
    .from(merchants)
    .where(and(eq(merchants.name, name), ne(merchants.id, id)));
  return !!row;
}

export async function updateMerchantRow(
  tx: Tx,
  id: string,
  patch: Partial<Pick<MerchantRow, 'name' | 'tier' | 'replyHours'>>,
): Promise<void> {
  await tx.update(merchants).set(patch).where(eq(merchants.id, id));
}

export async function findShop(db: Queryable, id: string): Promise<ShopRow | undefined> {
  const [row] = await db.select().from(shops).where(eq(shops.id, id));
  return row;
}

export async function findShopByName(db: Queryable, name: string): Promise<ShopRow | undefined> {
  const [row] = await db.select().from(shops).where(eq(shops.name, name));
  return row;
}

/** Null when the name is taken (shop names are unique across merchants). */
export async function insertShop(
  tx: Tx,
  values: { merchantId: string; name: string },
): Promise<ShopRow | null> {
  const [row] = await tx.insert(shops).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function insertRemedy(
  tx: Tx,
  values: typeof merchantRemedies.$inferInsert,
): Promise<RemedyRow> {
  const [row] = await tx.insert(merchantRemedies).values(values).returning();
  return row!;
}

export async function openRemedy(tx: Tx, complaintId: string): Promise<RemedyRow | undefined> {
  const [row] = await tx
    .select()
    .from(merchantRemedies)
    .where(
      and(eq(merchantRemedies.complaintId, complaintId), eq(merchantRemedies.status, 'proposed')),
    )
    .limit(1);
  return row;
}

export async function findRemedy(
  tx: Tx,
  id: string,
  complaintId: string,
): Promise<RemedyRow | undefined> {
  const [row] = await tx
    .select()
    .from(merchantRemedies)
    .where(and(eq(merchantRemedies.id, id), eq(merchantRemedies.complaintId, complaintId)));
  return row;
}

export async function closeRemedy(
  tx: Tx,
  id: string,
  patch: {
    status: 'accepted' | 'refused' | 'expired';
    respondedAt: Date | null;
    note: string | null;
  },
): Promise<void> {
  await tx
    .update(merchantRemedies)
    .set({ status: patch.status, respondedAt: patch.respondedAt, responseNote: patch.note })
    .where(eq(merchantRemedies.id, id));
}

/** The enabled expert seat (专家坐席) that takes platform arbitration; null if none is set up. */
export async function expertSeatId(db: Queryable): Promise<string | null> {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.isExpertSeat, true), eq(teams.enabled, true)))
    .orderBy(asc(teams.createdAt))
    .limit(1);
  return row?.id ?? null;
}

export interface InboxFilter {
  merchantId: string;
  phase?: MerchantPhase;
  limit: number;
  offset: number;
}

/**
 * A merchant's cases: those waiting for its first reply first, nearest deadline first; then the
 * ones still with it; then the rest, most recently changed first.
 */
export async function listInbox(
  db: Queryable,
  f: InboxFilter,
): Promise<{ rows: ComplaintRow[]; total: number }> {
  const conds: SQL[] = [
    eq(complaints.merchantId, f.merchantId),
    isNotNull(complaints.merchantPhase),
  ];
  if (f.phase) conds.push(eq(complaints.merchantPhase, f.phase));
  const where = and(...conds);
  const awaiting = sql`${complaints.merchantPhase} = 'awaiting_reply'`;
  const rows = await db
    .select()
    .from(complaints)
    .where(where)
    .orderBy(
      sql`case when ${awaiting} then 0 when ${complaints.status} = 'transferred' then 1 else 2 end`,
      sql`case when ${awaiting} then ${complaints.merchantReplyDueAt} end asc nulls last`,
      sql`${complaints.updatedAt} desc`,
      asc(complaints.number),
    )
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(complaints).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Shop names of the given shops, for list views. */
export async function shopNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: shops.id, name: shops.name })
    .from(shops)
    .where(inArray(shops.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Complaints still waiting for the merchant's first reply past its deadline. */
export async function overdueFirstReplies(db: Queryable, now: Date, limit: number) {
  return db
    .select({ id: complaints.id })
    .from(complaints)
    .where(
      and(
        eq(complaints.merchantPhase, 'awaiting_reply'),
        eq(complaints.status, 'transferred'),
        lt(complaints.merchantReplyDueAt, now),
      ),
    )
    .orderBy(asc(complaints.merchantReplyDueAt))
    .limit(limit);
}

/** Remedies the complainant left unanswered past their deadline. */
export async function expiredRemedies(db: Queryable, now: Date, limit: number) {
  return db
    .select({ id: merchantRemedies.id, complaintId: merchantRemedies.complaintId })
    .from(merchantRemedies)
    .where(and(eq(merchantRemedies.status, 'proposed'), lt(merchantRemedies.respondBy, now)))
    .orderBy(asc(merchantRemedies.respondBy))
    .limit(limit);
}
