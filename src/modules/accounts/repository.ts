import { and, asc, count, desc, eq, gt, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../server/db/client.js';
import { apiTokens, merchants, otpCodes, sessions, users } from '../../server/db/schema.js';
import type { Role, StaffRole } from '../../shared/roles.js';

export type UserRow = typeof users.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserByPhone(db: Db, phone: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.phone, phone));
  return row;
}

export interface NewUser {
  role: Role;
  name: string;
  email: string | null;
  phone: string | null;
  passwordHash: string | null;
  merchantId: string | null;
}

/** Returns the user, or which unique contact was already taken. */
export async function insertUser(
  db: Db,
  u: NewUser,
): Promise<{ user: UserRow } | { taken: 'email' | 'phone' }> {
  try {
    const [row] = await db.insert(users).values(u).returning();
    return { user: row! };
  } catch (err) {
    const constraint =
      (err as { constraint?: string; cause?: { constraint?: string } }).cause?.constraint ??
      (err as { constraint?: string }).constraint;
    if (constraint === 'users_email_key') return { taken: 'email' };
    if (constraint === 'users_phone_key') return { taken: 'phone' };
    throw err;
  }
}

export interface UserFilter {
  role?: Role;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listUsers(
  db: Db,
  f: UserFilter,
): Promise<{ rows: UserRow[]; total: number }> {
  const conds: SQL[] = [];
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.name, like), ilike(users.email, like), ilike(users.phone, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), asc(users.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function countUsers(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(users);
  return r?.n ?? 0;
}

export async function listMerchants(db: Db) {
  return db
    .select({ id: merchants.id, name: merchants.name })
    .from(merchants)
    .orderBy(asc(merchants.name));
}

export async function findMerchant(db: Db, id: string) {
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
  return row;
}

export async function findMerchantByName(db: Db, name: string) {
  const [row] = await db.select().from(merchants).where(eq(merchants.name, name));
  return row;
}

export async function insertMerchant(db: Db, name: string) {
  const [row] = await db.insert(merchants).values({ name }).returning();
  return row!;
}

// ---- sessions

export async function insertSession(
  db: Db,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    userAgent: string | null;
    now: Date;
  },
) {
  await db.insert(sessions).values({
    id: s.id,
    userId: s.userId,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
    createdAt: s.now,
    lastSeenAt: s.now,
  });
}

export async function findSession(db: Db, id: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  return row;
}

export async function touchSession(db: Db, id: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

// ---- API tokens

export async function insertToken(
  db: Db,
  t: { name: string; role: StaffRole; tokenHash: string; prefix: string; createdBy: string | null },
): Promise<TokenRow> {
  const [row] = await db.insert(apiTokens).values(t).returning();
  return row!;
}

export async function findActiveToken(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

export async function touchToken(db: Db, id: string, now: Date) {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt));
}

export async function revokeToken(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function findToken(db: Db, id: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

// ---- one-time codes

export async function insertOtp(
  db: Db,
  o: { target: string; codeHash: string; expiresAt: Date; now: Date },
) {
  await db.insert(otpCodes).values({
    target: o.target,
    codeHash: o.codeHash,
    expiresAt: o.expiresAt,
    createdAt: o.now,
  });
}

export async function latestOtp(db: Db, target: string) {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(eq(otpCodes.target, target))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  return row;
}

export async function countRecentOtps(db: Db, target: string, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(otpCodes)
    .where(and(eq(otpCodes.target, target), gt(otpCodes.createdAt, since)));
  return r?.n ?? 0;
}

/** Counts a failed guess; returns the attempts now recorded. */
export async function addOtpAttempt(db: Db, id: string): Promise<number> {
  const [row] = await db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(eq(otpCodes.id, id))
    .returning({ attempts: otpCodes.attempts });
  return row?.attempts ?? Number.MAX_SAFE_INTEGER;
}

/** Marks the code used; false if another request consumed it first. */
export async function consumeOtp(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(otpCodes)
    .set({ consumedAt: now })
    .where(and(eq(otpCodes.id, id), isNull(otpCodes.consumedAt)))
    .returning({ id: otpCodes.id });
  return rows.length > 0;
}

export async function deleteExpiredAuthRows(
  db: Db,
  now: Date,
): Promise<{ sessions: number; otps: number }> {
  const s = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  // Codes are kept a day past expiry so the per-target send limits still see them.
  const o = await db
    .delete(otpCodes)
    .where(lt(otpCodes.expiresAt, new Date(now.getTime() - 24 * 3600_000)))
    .returning({ id: otpCodes.id });
  return { sessions: s.length, otps: o.length };
}
