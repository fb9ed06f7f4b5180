import type { Queryable } from '../../../server/db/client.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import type { Locale } from '../../../shared/errors.js';
import { can } from '../../../shared/roles.js';
import { actorOf } from '../actor.js';
import { listEvidence } from '../../evidence/index.js';
import type { ComplaintsDeps } from '../deps.js';
import { checkComplaintNumber } from '../numbers.js';
import { loadCaseParts } from '../case-parts.js';
import { presentDetail, type Viewer } from '../present.js';
import {
  findComplaintByNumber,
  listEvents,
  openMaterialRequest,
  type ComplaintRow,
} from '../repository.js';

/** A well-formed number or a 400 naming the field and the rule it breaks. */
export function parseNumber(input: string): string {
  const checked = checkComplaintNumber(input);
  if (!checked.ok) throw fieldError('number', checked.reason);
  return checked.number;
}

/**
 * The complaint and how the caller sees it. Someone else's complaint answers exactly like one
 * that does not exist, so numbers cannot be probed.
 */
export async function complaintForCaller(
  db: Queryable,
  principal: Principal | null,
  numberInput: string,
): Promise<{ row: ComplaintRow; viewer: Exclude<Viewer, { kind: 'tracker' }> }> {
  if (!principal) throw new AppError('unauthenticated');
  const number = parseNumber(numberInput);
  const row = await findComplaintByNumber(db, number);
  if (principal.kind === 'user' && principal.role === 'complainant') {
    if (!row || row.complainantId !== principal.userId) throw new AppError('complaint_not_found');
    return { row, viewer: { kind: 'owner', actor: await actorOf(db, principal) } };
  }
  if (principal.role === 'merchant') {
    // A merchant sees only cases passed to it, and a case of another merchant is "not found".
    const actor = await actorOf(db, principal);
    const mine =
      row && row.merchantPhase !== null && row.merchantId === (actor.user?.merchantId ?? null);
    if (!mine) throw new AppError('complaint_not_found');
    return { row, viewer: { kind: 'merchant', actor } };
  }
  if (!can(principal.role, 'complaints.read')) throw new AppError('forbidden');
  if (!row) throw new AppError('complaint_not_found');
  return { row, viewer: { kind: 'staff', actor: await actorOf(db, principal) } };
}

export async function loadDetail(
  deps: Pick<ComplaintsDeps, 'db' | 'clock'>,
  row: ComplaintRow,
  viewer: Viewer,
  locale: Locale,
): Promise<ComplaintDetail> {
  const [events, evidence, request, parts] = await Promise.all([
    listEvents(deps.db, row.id, viewer.kind === 'staff'),
    listEvidence(deps.db, row.id, row.number),
    openMaterialRequest(deps.db, row.id),
    loadCaseParts(deps.db, row, deps.clock.now()),
  ]);
  return presentDetail({ row, events, evidence, request, parts }, viewer, locale, deps.clock.now());
}
