// Admin: merchants, their tier and first-reply hours, and their shops. Each change is audited in
// its own transaction.
import type { Db } from '../../../server/db/client.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import { TIER_REPLY_HOURS, type Merchant } from '../../../shared/cases.js';
import { auditActorOf, recordAudit } from '../../audit/index.js';
import {
  findMerchant,
  insertMerchant,
  insertShop,
  merchantView,
  nameTakenByOther,
  normaliseName,
  updateMerchantRow,
} from '../repository.js';
import type { CreateMerchantBody, UpdateMerchantBody } from '../schema.js';

interface Ctx {
  db: Db;
  principal: Principal;
  now: Date;
}

const taken = (field: string) => new AppError('conflict', { [field]: { reason: 'taken' } });

function cleanName(input: string, field = 'name'): string {
  const name = normaliseName(input);
  if (!name) throw fieldError(field, 'required');
  return name;
}

/** A rename racing another to the same name loses on the unique constraint: same answer. */
async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const e = err as { constraint?: string; cause?: { constraint?: string } };
    if ((e.cause?.constraint ?? e.constraint) === 'merchants_name_unique') throw taken('name');
    throw err;
  }
}

export async function createMerchant(ctx: Ctx, body: CreateMerchantBody): Promise<Merchant> {
  const name = cleanName(body.name);
  const replyHours = body.replyHours ?? TIER_REPLY_HOURS[body.tier];
  const actor = await auditActorOf(ctx.db, ctx.principal);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertMerchant(tx, { name, tier: body.tier, replyHours });
    if (!row) throw taken('name');
    await recordAudit(tx, {
      actor,
      action: 'merchant.create',
      targetType: 'merchant',
      targetId: row.id,
      data: { name, tier: body.tier, replyHours },
      at: ctx.now,
    });
    return row.id;
  });
  return (await merchantView(ctx.db, id))!;
}

export async function updateMerchant(
  ctx: Ctx,
  id: string,
  body: UpdateMerchantBody,
): Promise<Merchant> {
  const patch: { name?: string; tier?: Merchant['tier']; replyHours?: number } = {};
  if (body.name !== undefined) patch.name = cleanName(body.name);
  if (body.tier !== undefined) {
    patch.tier = body.tier;
    // The tier sets the default deadline; an explicit replyHours in the same request wins.
    patch.replyHours = TIER_REPLY_HOURS[body.tier];
  }
  if (body.replyHours !== undefined) patch.replyHours = body.replyHours;
  const actor = await auditActorOf(ctx.db, ctx.principal);
  await uniqueName(() =>
    ctx.db.transaction(async (tx) => {
      const before = await findMerchant(tx, id);
      if (!before) throw new AppError('merchant_not_found');
      if (patch.name && (await nameTakenByOther(tx, patch.name, id))) throw taken('name');
      await updateMerchantRow(tx, id, patch);
      await recordAudit(tx, {
        actor,
        action: 'merchant.update',
        targetType: 'merchant',
        targetId: id,
        data: {
          before: { name: before.name, tier: before.tier, replyHours: before.replyHours },
          after: patch,
        },
        at: ctx.now,
      });
    }),
  );
  return (await merchantView(ctx.db, id))!;
}

export async function addShop(ctx: Ctx, merchantId: string, input: string): Promise<Merchant> {
  const name = cleanName(input);
  const actor = await auditActorOf(ctx.db, ctx.principal);
  await ctx.db.transaction(async (tx) => {
    if (!(await findMerchant(tx, merchantId))) throw new AppError('merchant_not_found');
    const shop = await insertShop(tx, { merchantId, name });
    if (!shop) throw taken('name');
    await recordAudit(tx, {
      actor,
      action: 'merchant.shop_add',
      targetType: 'merchant',
      targetId: merchantId,
      data: { shopId: shop.id, name },
      at: ctx.now,
    });
  });
  return (await merchantView(ctx.db, merchantId))!;
}
