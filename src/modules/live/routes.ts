import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type pg from 'pg';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal, type Principal } from '../../server/plugins/auth.js';
import { can } from '../../shared/roles.js';
import { findUserById } from '../accounts/index.js';
import { LIVE_CHANNEL } from '../complaints/index.js';
import { NOTIFY_CHANNEL } from '../notifications/index.js';
import { LiveHub, type Audience, type Stream } from './hub.js';

/** Browsers wait this long before reconnecting a dropped stream. */
const RETRY_MS = 3000;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/**
 * A stream ends after this long and the browser reconnects, which checks the session again: a
 * logged-out or disabled account stops hearing changes within this time.
 */
const MAX_STREAM_MS = 15 * 60_000;
/** A client this far behind is dropped (it reconnects and refetches) rather than buffered. */
const MAX_BUFFERED_BYTES = 1 << 20;

async function audienceOf(db: Db, principal: Principal): Promise<Audience> {
  if (can(principal.role, 'complaints.read')) return { kind: 'all' };
  if (principal.kind === 'user' && principal.role === 'complainant') {
    return { kind: 'complainant', userId: principal.userId };
  }
  if (principal.kind === 'user' && principal.role === 'merchant') {
    const user = await findUserById(db, principal.userId);
    if (user?.merchantId) return { kind: 'merchant', merchantId: user.merchantId };
  }
  throw new AppError('forbidden');
}

/**
 * Serves one server-sent event stream on the hub: `retry`, then the stream's events as they
 * come, a heartbeat comment, and an end after MAX_STREAM_MS (the browser reconnects, which
 * checks the session again). Used by /api/v1/live and the assistant's conversation streams.
 */
export async function openStream(
  req: FastifyRequest,
  reply: FastifyReply,
  hub: LiveHub,
  spec: {
    audience: Audience | null;
    userId?: string;
    events: (
      write: (event: string, data: unknown) => void,
    ) => Pick<Stream, 'send' | 'bell' | 'chat'>;
  },
): Promise<FastifyReply> {
  try {
    await hub.ready();
  } catch (err) {
    req.log.warn({ err }, 'live updates unavailable');
    throw new AppError('db_unavailable');
  }
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
  });
  const write = (chunk: string) => {
    if (res.destroyed || res.writableEnded) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) return end();
    res.write(chunk);
  };
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    clearTimeout(expiry);
    remove();
    if (!res.writableEnded) res.end();
  };
  const handlers = spec.events((event, data) =>
    write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
  );
  const remove = hub.add({
    audience: spec.audience,
    userId: spec.userId,
    send: handlers.send ?? (() => undefined),
    bell: handlers.bell,
    chat: handlers.chat,
    end,
  });
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
  const expiry = setTimeout(end, MAX_STREAM_MS);
  heartbeat.unref();
  expiry.unref();
  res.on('close', end);
  write(`retry: ${RETRY_MS}\n\n`);
  return reply;
}

export async function liveRoutes(
  app: FastifyInstance,
  deps: { db: Db; pool: pg.Pool; chatChannel?: string },
): Promise<LiveHub> {
  const hub = new LiveHub(
    deps.pool,
    LIVE_CHANNEL,
    app.log,
    NOTIFY_CHANNEL,
    deps.chatChannel ?? null,
  );
  // Open streams would keep the server from closing: end them first, then drop the LISTEN.
  app.addHook('preClose', async () => hub.endStreams());
  app.addHook('onClose', async () => hub.close());

  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/live',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['live'],
        summary: 'Live updates: a server-sent event stream of complaint changes',
        description:
          'text/event-stream. First `retry: 3000`, then `event: change` with data ' +
          '{"number","version","type"} whenever a complaint the caller may see changes, and a ' +
          'comment line every 25 s; `event: notification` with {"id"} when the caller\u2019s ' +
          'bell gets a new in-app notification. Staff who read complaints hear every change; a complainant ' +
          'only their own complaints\u2019 public changes; a merchant only public changes of ' +
          'cases passed to it. The stream ends now and then (at most every 15 minutes, or when ' +
          'the server loses its database listener); reconnect and refetch.',
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      const audience = await audienceOf(deps.db, principal);
      return openStream(req, reply, hub, {
        audience,
        userId: principal.kind === 'user' ? principal.userId : undefined,
        events: (write) => ({
          send: (change) => write('change', change),
          bell: (notice) => write('notification', notice),
        }),
      });
    },
  );
  return hub;
}
