// Abuse limits on filing (SPEC: "Abusive or malicious filing is rate-limited and flagged"). The
// counts come from the database, so they hold across processes and restarts.
import type { Config } from '../../../server/config.js';
import type { Queryable } from '../../../server/db/client.js';
import { AppError } from '../../../server/lib/errors.js';
import { countFiledSince, countRejectedSince } from '../repository.js';

const HOUR = 3600_000;
/** Rejected complaints in 30 days after which a person's new filings are flagged. */
export const REJECTIONS_TO_FLAG = 3;
/** Filings in 24 hours after which a person's new filings are flagged. */
export const DAILY_FILINGS_TO_FLAG = 5;

export async function checkFilingLimits(
  db: Queryable,
  config: Pick<Config, 'filingLimitPerHour' | 'filingLimitPerIpPerHour'>,
  who: { complainantId: string; ip: string | null; now: Date },
): Promise<void> {
  const since = new Date(who.now.getTime() - HOUR);
  const mine = await countFiledSince(db, { complainantId: who.complainantId }, since);
  if (mine >= config.filingLimitPerHour) {
    throw new AppError('filing_rate_limited', undefined, { 'retry-after': '3600' });
  }
  if (who.ip) {
    const fromIp = await countFiledSince(db, { ip: who.ip }, since);
    if (fromIp >= config.filingLimitPerIpPerHour) {
      throw new AppError('filing_rate_limited', undefined, { 'retry-after': '3600' });
    }
  }
}

/** Flags for staff on a new complaint from this person. */
export async function filingFlags(
  db: Queryable,
  complainantId: string,
  now: Date,
): Promise<string[]> {
  const flags: string[] = [];
  const rejected = await countRejectedSince(
    db,
    complainantId,
    new Date(now.getTime() - 30 * 24 * HOUR),
  );
  if (rejected >= REJECTIONS_TO_FLAG) flags.push('frequent_rejections');
  const filed = await countFiledSince(db, { complainantId }, new Date(now.getTime() - 24 * HOUR));
  if (filed >= DAILY_FILINGS_TO_FLAG) flags.push('high_volume');
  return flags;
}
