// HTTP API of notifications: the bell, channel preferences, receipt verification (public) and
// the admins' templates, switches and outbox.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import type { Clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal, type Principal } from '../../server/plugins/auth.js';
import { NOTIFY_NODES, varsOf } from '../../shared/notifications.js';
import { auditActorOf } from '../audit/index.js';
import {
  listOutbox,
  listTemplates,
  previewTemplate,
  resetTemplate,
  retryOutbox,
  saveTemplate,
  setSwitch,
} from './admin.js';
import {
  BellQuery,
  BellReply,
  OutboxParams,
  OutboxQuery,
  OutboxReply,
  OutboxSchema,
  PreferencesBody,
  PreferencesSchema,
  PreviewBody,
  PreviewReply,
  ReadBody,
  ReceiptCheckSchema,
  ReceiptParams,
  SwitchBody,
  SwitchParams,
  SwitchSchema,
  TemplateBody,
  TemplateParams,
  TemplateSchema,
  TemplatesReply,
  UnreadReply,
} from './api-schemas.js';
import { listBell, markRead } from './bell.js';
import type { Channels } from './channels/index.js';
import { getPreferences, savePreferences } from './preferences.js';
import { checkReceipt } from './receipts.js';

function userOf(p: Principal): string {
  // API tokens are machines: they have no inbox and no preferences.
  if (p.kind !== 'user') throw new AppError('forbidden');
  return p.userId;
}

export async function notificationsRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; channels: Channels },
) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['notifications'];
  const actor = (req: Parameters<typeof requirePrincipal>[0]) =>
    auditActorOf(deps.db, requirePrincipal(req));

  r.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My in-app notifications (the bell), newest first, with the unread count',
        querystring: BellQuery,
        response: { 200: BellReply, ...errorResponses },
      },
    },
    async (req) => listBell(deps.db, userOf(requirePrincipal(req)), req.query),
  );

  r.post(
    '/api/v1/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark my notifications read: {"ids":[…]} or {"all":true}',
        body: ReadBody,
        response: { 200: UnreadReply, ...errorResponses },
      },
    },
    async (req) => ({
      unread: await markRead(deps.db, userOf(requirePrincipal(req)), req.body, deps.clock.now()),
    }),
  );

  r.get(
    '/api/v1/me/notification-preferences',
    {
      config: { access: 'portal.access' },
      schema: {
        tags,
        summary: 'Which channels tell me about my complaints (the bell is always on)',
        response: { 200: PreferencesSchema, ...errorResponses },
      },
    },
    async (req) => getPreferences(deps.db, userOf(requirePrincipal(req)), deps.channels),
  );

  r.put(
    '/api/v1/me/notification-preferences',
    {
      config: { access: 'portal.access' },
      schema: {
        tags,
        summary: 'Turn SMS, email or WeChat on or off; set my time zone (SMS quiet hours)',
        body: PreferencesBody,
        response: { 200: PreferencesSchema, ...errorResponses },
      },
    },
    async (req) =>
      savePreferences(
        deps.db,
        userOf(requirePrincipal(req)),
        req.body,
        deps.channels,
        deps.clock.now(),
      ),
  );

  r.get(
    '/api/v1/receipts/:code',
    {
      config: {
        access: 'public',
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Verify a receipt (处理回执) by the code printed on it or in its QR code',
        description:
          'Recomputes the SHA-256 of the facts printed and of the PDF as issued and compares ' +
          'them with the stored hashes. `valid: false` lists what no longer matches.',
        params: ReceiptParams,
        response: { 200: ReceiptCheckSchema, ...errorResponses },
      },
    },
    async (req) => checkReceipt(deps.db, req.params.code),
  );

  r.get(
    '/api/v1/notification-templates',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Every node × channel × language template in force, the switches, the variables',
        response: { 200: TemplatesReply, ...errorResponses },
      },
    },
    async () => ({
      ...(await listTemplates(deps.db)),
      variables: Object.fromEntries(NOTIFY_NODES.map((n) => [n, varsOf(n)])),
    }),
  );

  r.put(
    '/api/v1/notification-templates/:node/:channel/:locale',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        summary:
          'Change a template (admins; audited). Only the node\u2019s {{variables}} may be used',
        params: TemplateParams,
        body: TemplateBody,
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (req) => saveTemplate(deps.db, req.params, req.body, await actor(req), deps.clock.now()),
  );

  r.delete(
    '/api/v1/notification-templates/:node/:channel/:locale',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Go back to the shipped wording (admins; audited)',
        params: TemplateParams,
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (req) => resetTemplate(deps.db, req.params, await actor(req), deps.clock.now()),
  );

  r.post(
    '/api/v1/notification-templates/preview',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Render a template with sample values, or with a real complaint\u2019s',
        body: PreviewBody,
        response: { 200: PreviewReply, ...errorResponses },
      },
    },
    async (req) => previewTemplate(deps.db, req.body),
  );

  r.put(
    '/api/v1/notification-switches/:node/:channel',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Send a node on a channel or not (e.g. the SLA apology; admins; audited)',
        params: SwitchParams,
        body: SwitchBody,
        response: { 200: SwitchSchema, ...errorResponses },
      },
    },
    async (req) =>
      setSwitch(deps.db, req.params, req.body.enabled, await actor(req), deps.clock.now()),
  );

  r.get(
    '/api/v1/outbox',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Messages waiting, sent, suppressed and dead (recipients masked), with counts',
        querystring: OutboxQuery,
        response: { 200: OutboxReply, ...errorResponses },
      },
    },
    async (req) => listOutbox(deps.db, req.query),
  );

  r.post(
    '/api/v1/outbox/:id/retry',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Send a dead letter again with a fresh set of attempts (admins; audited)',
        params: OutboxParams,
        response: { 200: OutboxSchema, ...errorResponses },
      },
    },
    async (req) => retryOutbox(deps.db, req.params.id, await actor(req), deps.clock.now()),
  );
}
