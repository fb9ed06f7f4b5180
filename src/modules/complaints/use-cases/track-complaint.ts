import { AppError } from '../../../server/lib/errors.js';
import type { Locale } from '../../../shared/errors.js';
import { normaliseEmail, normalisePhone } from '../../accounts/index.js';
import type { ComplaintsDeps } from '../deps.js';
import { findComplaintByNumber } from '../repository.js';
import { loadDetail, parseNumber } from './load-complaint.js';

/**
 * Tracking without logging in: the number plus the phone or email given at filing. A wrong
 * contact and an unknown number get the same answer, so neither can be probed.
 */
export async function trackComplaint(
  deps: ComplaintsDeps,
  input: { number: string; contact: string; locale: Locale },
) {
  const number = parseNumber(input.number);
  const row = await findComplaintByNumber(deps.db, number);
  const phone = normalisePhone(input.contact);
  const email = phone ? null : normaliseEmail(input.contact);
  const matches =
    !!row &&
    ((phone !== null && row.contact.phone === phone) ||
      (email !== null && row.contact.email === email));
  if (!row || !matches) throw new AppError('track_not_found');
  return loadDetail(deps, row, { kind: 'tracker' }, input.locale);
}
