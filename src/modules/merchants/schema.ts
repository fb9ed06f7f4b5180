// Route schemas for merchants: request validation and the OpenAPI document come from these.
import { Type, type Static } from 'typebox';
import { MERCHANT_PHASES, MERCHANT_TIERS, REMEDY_KINDS, REPLY_MAX } from '../../shared/cases.js';
import { OPINION_MAX } from '../../shared/complaints.js';
import { ComplaintSummarySchema } from '../complaints/index.js';
import { REMEDY_NOTE_MAX } from './remedy-text.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const ReplyHours = Type.Integer({
  minimum: 1,
  maximum: 168,
  description: 'Hours the merchant has for its first reply (default by tier: 24 / 12 / 6)',
});
const Version = Type.Integer({
  minimum: 1,
  description: 'The complaint version you saw; an older one is refused with 409 version_conflict',
});

export const MerchantSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tier: Type.Enum(MERCHANT_TIERS),
  replyHours: Type.Integer(),
  shops: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

export const MerchantIdParams = Type.Object({ id: Uuid });

export const CreateMerchantBody = Type.Object(
  { name: Name, tier: Type.Enum(MERCHANT_TIERS), replyHours: Type.Optional(ReplyHours) },
  { additionalProperties: false },
);
export type CreateMerchantBody = Static<typeof CreateMerchantBody>;

export const UpdateMerchantBody = Type.Object(
  {
    name: Type.Optional(Name),
    tier: Type.Optional(Type.Enum(MERCHANT_TIERS)),
    replyHours: Type.Optional(ReplyHours),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'A new tier without replyHours resets replyHours to that tier\u2019s default',
  },
);
export type UpdateMerchantBody = Static<typeof UpdateMerchantBody>;

export const ShopBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, description: 'Unique across merchants' }) },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  {
    merchantId: Type.Optional(Uuid),
    shopId: Type.Optional(Uuid),
    opinion: Type.String({ minLength: 1, maxLength: OPINION_MAX }),
    version: Type.Optional(Version),
  },
  {
    additionalProperties: false,
    description:
      'Without merchantId/shopId the shop is found by the complaint\u2019s merchant_name field',
  },
);
export type TransferBody = Static<typeof TransferBody>;

export const InboxQuery = Type.Object({
  phase: Type.Optional(Type.Enum(MERCHANT_PHASES)),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const InboxItemSchema = Type.Object({
  ...ComplaintSummarySchema.properties,
  phase: Type.Enum(MERCHANT_PHASES),
  replyDueAt: Nullable(Iso),
  firstReplyAt: Nullable(Iso),
  shop: Nullable(Type.String()),
});

export const InboxReply = Type.Object({
  items: Type.Array(InboxItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ReplyBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: REPLY_MAX }) },
  { additionalProperties: false },
);

export const RemedyBody = Type.Object(
  {
    kind: Type.Enum(REMEDY_KINDS),
    amount: Type.Optional(
      Type.String({
        maxLength: 20,
        description:
          'Yuan with at most two decimals ("12.50"), > 0 and \u2264 1000000; required for refund and compensation, absent for reship',
      }),
    ),
    note: Type.String({ minLength: 1, maxLength: REMEDY_NOTE_MAX }),
  },
  { additionalProperties: false },
);
export type RemedyBody = Static<typeof RemedyBody>;

export const RemedyParams = Type.Object({
  number: Type.String({ description: 'Complaint number' }),
  id: Uuid,
});

export const AcceptBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: REMEDY_NOTE_MAX })) },
  { additionalProperties: false },
);

export const RefuseBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: REMEDY_NOTE_MAX }) },
  { additionalProperties: false },
);
