// Complaint numbers (投诉编号): TS{yyyymmdd}-{seq}-{check}. The check character is ISO 7064
// MOD 11-2 over the date and sequence digits — the scheme of the resident ID card, so people
// already know the trailing X — which catches every single wrong digit and every swap of two
// neighbouring digits before a lookup is made.

const NUMBER_RE = /^TS(\d{8})-(\d{6,9})-([0-9X])$/;

/** ISO 7064 MOD 11-2 check character of a digit string ('0'–'9' or 'X' for 10). */
export function mod11_2(digits: string): string {
  let sum = 0;
  for (const ch of digits) {
    // Horner form of Σ d_i · 2^(n−i+1): doubling the running sum per digit.
    sum = ((sum + Number(ch)) * 2) % 11;
  }
  const check = (12 - sum) % 11;
  return check === 10 ? 'X' : String(check);
}

/** The calendar date of an instant in China Standard Time (UTC+8, no daylight saving), yyyy-mm-dd. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The same day as yyyymmdd, as complaint numbers carry it. */
export function chinaDay(at: Date): string {
  return chinaDate(at).replace(/-/g, '');
}

export function formatComplaintNumber(day: string, seq: number): string {
  const seqText = String(seq).padStart(6, '0');
  return `TS${day}-${seqText}-${mod11_2(day + seqText)}`;
}

export type NumberCheck =
  | { ok: true; number: string }
  | { ok: false; reason: 'invalid_complaint_number' | 'bad_check_character' };

/** Accepts lower case and surrounding spaces; answers which rule a bad number breaks. */
export function checkComplaintNumber(input: string): NumberCheck {
  const candidate = input.trim().toUpperCase();
  const m = NUMBER_RE.exec(candidate);
  if (!m) return { ok: false, reason: 'invalid_complaint_number' };
  const [, day, seq, check] = m as unknown as [string, string, string, string];
  if (mod11_2(day + seq) !== check) return { ok: false, reason: 'bad_check_character' };
  return { ok: true, number: candidate };
}
