// buildApp(): plugins, then modules; returns a ready Fastify instance and never listens, so
// tests use app.inject() and `serve` / `worker` share one construction (DESIGN.md rule 1).
import { AssistantEngine, assistantRoutes, CHAT_CHANNEL } from '../modules/assistant/index.js';
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  accountsRoutes,
  authResolver,
  logOtpSender,
  type OtpSender,
} from '../modules/accounts/index.js';
import { auditRoutes } from '../modules/audit/index.js';
import { callsRoutes } from '../modules/calls/index.js';
import { catalogRoutes } from '../modules/catalog/index.js';
import { collectiveRoutes } from '../modules/collective/index.js';
import { complaintsRoutes, evidenceAccess } from '../modules/complaints/index.js';
import { EvidenceStore, evidenceRoutes } from '../modules/evidence/index.js';
import { externalRoutes } from '../modules/external/index.js';
import { liveRoutes } from '../modules/live/index.js';
import { macrosRoutes } from '../modules/macros/index.js';
import { merchantsRoutes } from '../modules/merchants/index.js';
import { routingHooks, routingRoutes } from '../modules/routing/index.js';
import { slaRoutes } from '../modules/sla/index.js';
import { escalationRoutes } from '../modules/escalation/index.js';
import {
  buildChannels,
  channelOtpSender,
  notificationsRoutes,
  type Channels,
} from '../modules/notifications/index.js';
import { systemRoutes } from '../modules/system/index.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { systemClock, type Clock } from './lib/clock.js';
import { AppError } from './lib/errors.js';
import { loggerOptions, type Logger } from './lib/logger.js';
import { VERSION } from './lib/version.js';
import authPlugin from './plugins/auth.js';
import errorsPlugin from './plugins/errors.js';
import swaggerPlugin from './plugins/swagger.js';
import webPlugin from './plugins/web.js';

export interface AppDeps {
  config: Config;
  database: Pick<Database, 'db' | 'pool' | 'kind'>;
  clock?: Clock;
  /** Overrides the configured one-time-code sender (tests capture codes this way). */
  otpSender?: OtpSender | null;
  /** An existing logger (the CLI's); otherwise one is made from the config. */
  logger?: Logger;
  /** Overrides the configured SMS/email/WeChat providers (tests). */
  channels?: Channels;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  // Fastify's generic return type depends on the logger option; plugins and modules are typed
  // against the default instance, so we widen it once here.
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: loggerOptions(config.logLevel) }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // Let requests in flight finish on close, but do not wait for idle keep-alive sockets.
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(errorsPlugin);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', undefined, { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) }),
  });
  await app.register(swaggerPlugin, { version: VERSION });

  const db = database.db;
  await app.register(authPlugin, { resolver: authResolver({ db, clock }) });

  const channels = deps.channels ?? buildChannels(config, app.log);
  const otpSender =
    deps.otpSender !== undefined
      ? deps.otpSender
      : config.nodeEnv === 'production'
        ? channelOtpSender(channels) // production never logs codes
        : logOtpSender(app.log);

  await app.register(async (scope) => {
    await systemRoutes(scope, {
      db,
      pool: database.pool,
      dbKind: database.kind,
      version: VERSION,
      startedAt: clock.now(),
    });
    await accountsRoutes(scope, { db, clock, config, otpSender });
    await catalogRoutes(scope, { db });
    // After a case change commits, the router assigns whatever waits (see lib/case-hooks.ts).
    const hooks = routingHooks({ db, clock, log: app.log });
    const complaintsDeps = { db, clock, config, hooks };
    await complaintsRoutes(scope, complaintsDeps);
    await evidenceRoutes(scope, {
      db,
      clock,
      store: await EvidenceStore.open(config.evidenceDir),
      access: evidenceAccess(complaintsDeps),
    });
    await auditRoutes(scope, { db });
    await routingRoutes(scope, { db, clock, log: app.log, hooks });
    await macrosRoutes(scope, { db, clock });
    await merchantsRoutes(scope, { db, clock, hooks });
    await externalRoutes(scope, { db, clock, hooks, config });
    await collectiveRoutes(scope, { db, clock, hooks });
    await callsRoutes(scope, { db, clock, otpSender });
    const hub = await liveRoutes(scope, { db, pool: database.pool, chatChannel: CHAT_CHANNEL });
    await slaRoutes(scope, { db, clock });
    await escalationRoutes(scope, { db, clock });
    await notificationsRoutes(scope, {
      db,
      clock,
      channels,
    });
    await assistantRoutes(scope, {
      db,
      clock,
      engine: new AssistantEngine(db),
      complaints: complaintsDeps,
      hub,
    });
  });

  await app.register(webPlugin, { webDir: config.webDir });
  await app.ready();
  return app;
}
