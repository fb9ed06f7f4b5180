import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { requirePrincipal, type Principal } from '../../server/plugins/auth.js';
import type { Locale } from '../../shared/errors.js';
import { ComplaintDetailSchema, NumberParams } from '../complaints/index.js';
import type { MerchantsDeps } from './deps.js';
import { listMerchants } from './repository.js';
import {
  AcceptBody,
  CreateMerchantBody,
  InboxQuery,
  InboxReply,
  MerchantIdParams,
  MerchantSchema,
  RefuseBody,
  RemedyBody,
  RemedyParams,
  ReplyBody,
  ShopBody,
  TransferBody,
  UpdateMerchantBody,
} from './schema.js';
import { acceptRemedy, refuseRemedy } from './use-cases/answer-remedy.js';
import { addShop, createMerchant, updateMerchant } from './use-cases/manage-merchants.js';
import { proposeRemedy, replyAsMerchant } from './use-cases/merchant-answers.js';
import { merchantInbox } from './use-cases/merchant-inbox.js';
import { transferToMerchant } from './use-cases/transfer-to-merchant.js';

const detailReply = { 200: ComplaintDetailSchema, ...errorResponses };
const merchantReply = { 200: MerchantSchema, ...errorResponses };

const caller = (req: {
  principal: Principal | null;
  params: { number: string };
  locale: Locale;
}) => ({ principal: req.principal, number: req.params.number, locale: req.locale });

export async function merchantsRoutes(app: FastifyInstance, deps: MerchantsDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['merchants'];
  const admin = (req: FastifyRequest) => ({
    db: deps.db,
    principal: requirePrincipal(req),
    now: deps.clock.now(),
  });

  // ---- Administration: merchants, tiers, shops ----

  r.get(
    '/api/v1/merchants',
    {
      config: { access: 'merchants.manage' },
      schema: {
        tags,
        summary: 'Merchants with their tier, first-reply hours and shops',
        response: { 200: Type.Object({ items: Type.Array(MerchantSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await listMerchants(deps.db) }),
  );

  r.post(
    '/api/v1/merchants',
    {
      config: { access: 'merchants.manage' },
      schema: {
        tags,
        summary:
          'Add a merchant (replyHours defaults to its tier: standard 24, gold 12, flagship 6)',
        body: CreateMerchantBody,
        response: { 201: MerchantSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createMerchant(admin(req), req.body)),
  );

  r.patch(
    '/api/v1/merchants/:id',
    {
      config: { access: 'merchants.manage' },
      schema: {
        tags,
        summary: 'Rename a merchant or change its tier or first-reply hours',
        description: 'Cases already with the merchant keep the deadline they were given.',
        params: MerchantIdParams,
        body: UpdateMerchantBody,
        response: merchantReply,
      },
    },
    async (req) => updateMerchant(admin(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/merchants/:id/shops',
    {
      config: { access: 'merchants.manage' },
      schema: {
        tags,
        summary: 'Register a shop (店铺) of the merchant; shop names are unique (409 when taken)',
        params: MerchantIdParams,
        body: ShopBody,
        response: { 201: MerchantSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addShop(admin(req), req.params.id, req.body.name)),
  );

  // ---- Staff pass a case to the merchant ----

  r.post(
    '/api/v1/complaints/:number/merchant-transfer',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Pass the case to the merchant it is about (→ transferred; first reply due)',
        description:
          'Give merchantId and/or shopId, or neither: then the shop (or merchant) named in the ' +
          'complaint\u2019s merchant_name field is used, else 422 merchant_unknown. The merchant ' +
          'must reply within its replyHours or the case goes to platform arbitration.',
        params: NumberParams,
        body: TransferBody,
        response: detailReply,
      },
    },
    async (req) => transferToMerchant(deps, caller(req), req.body),
  );

  // ---- The merchant's side ----

  r.get(
    '/api/v1/merchant/complaints',
    {
      config: { access: 'merchant.respond' },
      schema: {
        tags,
        summary: 'Merchant: the cases passed to my merchant, awaiting my first reply first',
        querystring: InboxQuery,
        response: { 200: InboxReply, ...errorResponses },
      },
    },
    async (req) => merchantInbox(deps.db, requirePrincipal(req), req.query),
  );

  r.post(
    '/api/v1/merchant/complaints/:number/replies',
    {
      config: { access: 'merchant.respond' },
      schema: {
        tags,
        summary: 'Merchant: reply to the complainant (the first one meets the deadline)',
        params: NumberParams,
        body: ReplyBody,
        response: detailReply,
      },
    },
    async (req) => replyAsMerchant(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/merchant/complaints/:number/remedies',
    {
      config: { access: 'merchant.respond' },
      schema: {
        tags,
        summary: 'Merchant: offer a refund, reship or compensation (one open offer at a time)',
        description:
          'The complainant has 72 hours to accept or refuse; a refusal or no answer goes to ' +
          'platform arbitration. Counts as the first reply.',
        params: NumberParams,
        body: RemedyBody,
        response: detailReply,
      },
    },
    async (req) => proposeRemedy(deps, caller(req), req.body),
  );

  // ---- The complainant answers a remedy ----

  r.post(
    '/api/v1/complaints/:number/remedies/:id/accept',
    {
      config: { access: 'portal.access' },
      schema: {
        tags,
        summary: 'Complainant: accept the merchant\u2019s offer (the case is resolved with it)',
        params: RemedyParams,
        body: AcceptBody,
        response: detailReply,
      },
    },
    async (req) => acceptRemedy(deps, caller(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/complaints/:number/remedies/:id/refuse',
    {
      config: { access: 'portal.access' },
      schema: {
        tags,
        summary:
          'Complainant: refuse the merchant\u2019s offer (→ platform arbitration by an expert)',
        params: RemedyParams,
        body: RefuseBody,
        response: detailReply,
      },
    },
    async (req) => refuseRemedy(deps, caller(req), req.params.id, req.body),
  );
}
