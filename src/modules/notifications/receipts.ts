// Receipts (处理回执): one per result (cycle 0, and cycle 1 after reconsideration). The facts
// printed are kept as canonical JSON with their SHA-256, and the PDF with its own; verifying a
// code recomputes both, so a receipt altered in the database — or a PDF that is not the one we
// issued — does not verify.
import { createHash, randomInt } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import {
  complaintEvents,
  complaints,
  notificationPreferences,
  receipts,
  users,
} from '../../server/db/schema.js';
import type { Clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import { maskPhone, maskPiiInText } from '../../server/lib/masking.js';
import type { Locale } from '../../shared/errors.js';
import { renderReceipt } from './pdf/receipt.js';

export type ReceiptRow = typeof receipts.$inferSelect;

// Crockford's alphabet: no I, L, O or U to misread when typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReceiptCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** Accepts lower case, spaces and missing dashes as typed by people. */
export function normaliseReceiptCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export function canonicalJson(value: Record<string, string | null>): string {
  const keys = Object.keys(value).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, value[k] ?? null])));
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function verifyUrlFor(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/receipts/${code}`;
}

function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

export async function ensureReceipt(
  deps: { db: Db; clock: Clock; publicUrl: string },
  complaintId: string,
  cycle: number,
): Promise<ReceiptRow> {
  const existing = await findReceipt(deps.db, complaintId, cycle);
  if (existing) return existing;
  const [c] = await deps.db.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!c) throw new Error(`complaint ${complaintId} not found`);
  // The result of this cycle is the event that gave it, whatever happened to the case since.
  const results = await deps.db
    .select()
    .from(complaintEvents)
    .where(
      and(
        eq(complaintEvents.complaintId, complaintId),
        inArray(complaintEvents.action, ['resolve', 'reject']),
      ),
    )
    .orderBy(asc(complaintEvents.seq));
  const result =
    cycle === 0
      ? results.find((e) => e.fromStatus !== 'reconsidering')
      : results.find((e) => e.fromStatus === 'reconsidering');
  if (!result) throw new AppError('receipt_not_issued');
  const [u] = await deps.db
    .select({ locale: users.locale })
    .from(users)
    .where(eq(users.id, c.complainantId));
  const [p] = await deps.db
    .select({ timeZone: notificationPreferences.timeZone })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, c.complainantId));
  const locale: Locale = u?.locale === 'en' ? 'en' : 'zh-CN';
  const en = locale === 'en';
  const outcome = result.action === 'reject' ? 'rejected' : 'resolved';
  const resolvedAt = result.createdAt;
  // Only the first result opens an appeal window (7 days, set when it was given).
  const appealUntil =
    cycle === 0 && outcome === 'resolved'
      ? new Date(resolvedAt.getTime() + 7 * 24 * 3600_000)
      : null;
  const code = newReceiptCode();
  const contact = c.contact.phone ? ` ${maskPhone(c.contact.phone)}` : '';
  const content: Record<string, string | null> = {
    code,
    number: c.number,
    cycle: String(cycle),
    category: en ? c.rules.categoryName.en : c.rules.categoryName.zh,
    type: en ? c.rules.typeName.en : c.rules.typeName.zh,
    outcome,
    opinion: maskPiiInText(result.opinion ?? ''),
    complainant: `${maskName(c.contact.name)}${contact}`,
    filedAt: c.createdAt.toISOString(),
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    resolvedAt: resolvedAt.toISOString(),
    appealUntil: appealUntil?.toISOString() ?? null,
  };
  const outcomeLabel =
    outcome === 'rejected' ? (en ? 'Not upheld' : '不予支持') : en ? 'Resolved' : '处理完成';
  const pdf = await renderReceipt({
    locale,
    timeZone: p?.timeZone ?? 'Asia/Shanghai',
    number: c.number,
    categoryName: content.category!,
    typeName: content.type!,
    outcome,
    outcomeLabel,
    opinion: content.opinion!,
    complainant: content.complainant!,
    filedAt: c.createdAt,
    acceptedAt: c.acceptedAt,
    resolvedAt,
    appealUntil,
    verificationCode: code,
    verifyUrl: verifyUrlFor(deps.publicUrl, code),
    issuedAt: resolvedAt,
  });
  await deps.db
    .insert(receipts)
    .values({
      code,
      complaintId,
      cycle,
      outcome,
      content,
      contentSha256: sha256Hex(canonicalJson(content)),
      pdf,
      pdfSha256: sha256Hex(pdf),
      issuedAt: resolvedAt,
    })
    .onConflictDoNothing();
  // Two workers may draw it at once; the first insert wins and both answer with it.
  return (await findReceipt(deps.db, complaintId, cycle))!;
}

export async function findReceipt(
  db: Db,
  complaintId: string,
  cycle: number,
): Promise<ReceiptRow | undefined> {
  const [row] = await db
    .select()
    .from(receipts)
    .where(and(eq(receipts.complaintId, complaintId), eq(receipts.cycle, cycle)));
  return row;
}

export interface ReceiptCheck {
  code: string;
  valid: boolean;
  /** What failed when not valid. */
  problems: ('content_altered' | 'pdf_altered')[];
  number: string;
  outcome: string;
  type: string;
  resolvedAt: string;
  issuedAt: string;
  contentSha256: string;
  pdfSha256: string;
}

export async function checkReceipt(db: Db, input: string): Promise<ReceiptCheck> {
  const code = normaliseReceiptCode(input);
  if (!code) throw new AppError('receipt_not_found');
  const [row] = await db.select().from(receipts).where(eq(receipts.code, code));
  if (!row) throw new AppError('receipt_not_found');
  const problems: ReceiptCheck['problems'] = [];
  if (sha256Hex(canonicalJson(row.content)) !== row.contentSha256) problems.push('content_altered');
  if (sha256Hex(row.pdf) !== row.pdfSha256) problems.push('pdf_altered');
  return {
    code,
    valid: problems.length === 0,
    problems,
    number: row.content.number ?? '',
    outcome: row.outcome,
    type: row.content.type ?? '',
    resolvedAt: row.content.resolvedAt ?? '',
    issuedAt: row.issuedAt.toISOString(),
    contentSha256: row.contentSha256,
    pdfSha256: row.pdfSha256,
  };
}

/** The receipt of the complaint's latest result, drawn now if the job has not run yet. */
export async function latestReceipt(
  deps: { db: Db; clock: Clock; publicUrl: string },
  complaintId: string,
): Promise<ReceiptRow> {
  const results = await deps.db
    .select({ fromStatus: complaintEvents.fromStatus })
    .from(complaintEvents)
    .where(
      and(
        eq(complaintEvents.complaintId, complaintId),
        inArray(complaintEvents.action, ['resolve', 'reject']),
      ),
    );
  if (results.length === 0) throw new AppError('receipt_not_issued');
  const cycle = results.some((r) => r.fromStatus === 'reconsidering') ? 1 : 0;
  return ensureReceipt(deps, complaintId, cycle);
}
