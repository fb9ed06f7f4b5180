// The merchant's inbox: only cases passed to its own merchant, most pressing first.
import type { Db } from '../../../server/db/client.js';
import { AppError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { MerchantPhase } from '../../../shared/cases.js';
import { actorOf, presentSummary } from '../../complaints/index.js';
import { listInbox, shopNames } from '../repository.js';

/** The merchant the caller answers for; tokens carry no merchant, so they have no inbox. */
export async function callerMerchantId(db: Db, principal: Principal): Promise<string> {
  const actor = await actorOf(db, principal);
  const merchantId = actor.user?.merchantId ?? null;
  if (actor.appRole !== 'merchant' || !merchantId) throw new AppError('forbidden');
  return merchantId;
}

export async function merchantInbox(
  db: Db,
  principal: Principal,
  q: { phase?: MerchantPhase; page: number; pageSize: number },
) {
  const merchantId = await callerMerchantId(db, principal);
  const { rows, total } = await listInbox(db, {
    merchantId,
    phase: q.phase,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const shops = await shopNames(db, [
    ...new Set(rows.flatMap((r) => (r.shopId ? [r.shopId] : []))),
  ]);
  return {
    items: rows.map((r) => ({
      ...presentSummary(r, { kind: 'merchant' }),
      phase: r.merchantPhase as MerchantPhase,
      replyDueAt: r.merchantReplyDueAt?.toISOString() ?? null,
      firstReplyAt: r.merchantFirstReplyAt?.toISOString() ?? null,
      shop: r.shopId ? (shops.get(r.shopId) ?? null) : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
