// Money and wording for remedies: pure, so the amount rules and the opinion text have literal
// unit tests (test/unit/merchant-remedy-text.test.ts).
import type { RemedyKind } from '../../shared/cases.js';

/** ¥1,000,000: a remedy above this is a typo or belongs in court, not in a complaint. */
export const REMEDY_AMOUNT_MAX_FEN = 100_000_000;
export const REMEDY_NOTE_MAX = 500;

export type AmountCheck =
  { ok: true; fen: number } | { ok: false; reason: 'invalid_amount' | 'out_of_range' };

/** "12.50" → 1250 fen. Digits with at most two decimals, above 0 and at most ¥1,000,000. */
export function parseYuan(input: string): AmountCheck {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(input.normalize('NFKC').trim());
  if (!m) return { ok: false, reason: 'invalid_amount' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen <= 0) return { ok: false, reason: 'invalid_amount' };
  if (fen > REMEDY_AMOUNT_MAX_FEN) return { ok: false, reason: 'out_of_range' };
  return { ok: true, fen };
}

/** Whether a kind carries an amount: refunds and compensation do, a reship does not. */
export function kindHasAmount(kind: RemedyKind): boolean {
  return kind !== 'reship';
}

const KIND_ZH: Record<RemedyKind, string> = {
  refund: '退款',
  reship: '补发',
  compensation: '赔偿',
};

/** "退款 ¥12.50（全额退款）", "补发（顺丰重新寄出）". */
export function remedyText(kind: RemedyKind, amountFen: number | null, note: string): string {
  const amount = amountFen === null ? '' : ` ¥${(amountFen / 100).toFixed(2)}`;
  const trimmed = note.trim();
  return `${KIND_ZH[kind]}${amount}${trimmed ? `（${trimmed}）` : ''}`;
}

/** The opinion the system resolves with when the complainant accepts a remedy. */
export function acceptedOpinion(
  kind: RemedyKind,
  amountFen: number | null,
  note: string,
  complainantNote: string | null,
): string {
  const base = `商户方案已被投诉人接受：${remedyText(kind, amountFen, note)}`;
  return complainantNote ? `${base}；投诉人说明：${complainantNote}` : base;
}
