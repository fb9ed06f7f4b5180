// Staff pass a case to the merchant it is about (→ transferred): the merchant now sees it and
// owes a first reply within its tier's hours, or the case goes to platform arbitration.
import type { Tx } from '../../../server/db/client.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import {
  actOnComplaint,
  applyTransition,
  assertAllowed,
  updateComplaint,
  type ComplaintRow,
} from '../../complaints/index.js';
import { caseDeps, type Caller, type MerchantsDeps } from '../deps.js';
import {
  findMerchant,
  findMerchantByName,
  findShop,
  findShopByName,
  normaliseName,
  type MerchantRow,
  type ShopRow,
} from '../repository.js';
import type { TransferBody } from '../schema.js';

/** The complaint field naming the merchant or shop (merchant_service types in the catalogue). */
export const MERCHANT_NAME_FIELD = 'merchant_name';
const HOUR = 3600_000;

interface Target {
  merchant: MerchantRow;
  shop: ShopRow | null;
}

/** The merchant (and shop) named by the request, or else by the complaint's merchant-name field. */
async function resolveTarget(tx: Tx, row: ComplaintRow, input: TransferBody): Promise<Target> {
  const shop = input.shopId ? await findShop(tx, input.shopId) : undefined;
  if (input.shopId && (!shop || (input.merchantId && shop.merchantId !== input.merchantId))) {
    throw fieldError('shopId', 'not_a_merchant_shop');
  }
  if (input.merchantId || shop) {
    const merchant = await findMerchant(tx, input.merchantId ?? shop!.merchantId);
    if (!merchant) throw fieldError('merchantId', 'merchant_not_found');
    if (shop) return { merchant, shop };
    // A merchant chosen without a shop: keep the shop the complaint names, if it is this one's.
    const named = await namedShop(tx, row);
    return { merchant, shop: named?.merchantId === merchant.id ? named : null };
  }
  const named = await namedShop(tx, row);
  if (named) return { merchant: (await findMerchant(tx, named.merchantId))!, shop: named };
  const name = normaliseName(row.fields[MERCHANT_NAME_FIELD] ?? '');
  const merchant = name ? await findMerchantByName(tx, name) : undefined;
  if (!merchant) throw new AppError('merchant_unknown');
  return { merchant, shop: null };
}

async function namedShop(tx: Tx, row: ComplaintRow): Promise<ShopRow | undefined> {
  const name = normaliseName(row.fields[MERCHANT_NAME_FIELD] ?? '');
  return name ? findShopByName(tx, name) : undefined;
}

export function transferToMerchant(deps: MerchantsDeps, caller: Caller, input: TransferBody) {
  const opinion = input.opinion.trim();
  if (!opinion) throw fieldError('opinion', 'required');
  const based = { ...caller, version: input.version };
  return actOnComplaint(caseDeps(deps), based, async ({ tx, row, actor, now }) => {
    // A case that may not be transferred now is refused as such before the merchant is looked up.
    assertAllowed(row, 'transfer', actor, now, opinion);
    const { merchant, shop } = await resolveTarget(tx, row, input);
    const due = new Date(now.getTime() + merchant.replyHours * HOUR);
    // Merchant fields first, so the transfer's live notice already reaches the merchant's view.
    const withMerchant = await updateComplaint(
      tx,
      row.id,
      {
        merchantId: merchant.id,
        shopId: shop?.id ?? null,
        merchantPhase: 'awaiting_reply',
        merchantReplyDueAt: due,
        merchantFirstReplyAt: null,
      },
      now,
    );
    await applyTransition(tx, withMerchant, {
      action: 'transfer',
      actor,
      now,
      opinion,
      eventType: 'merchant_transfer',
      data: {
        merchantId: merchant.id,
        merchant: merchant.name,
        shop: shop?.name ?? null,
        replyHours: merchant.replyHours,
        replyDueAt: due.toISOString(),
      },
    });
  });
}
