import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../server/config.js';
import { errorResponses, NoContent } from '../../server/lib/api-schemas.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal, SESSION_COOKIE } from '../../server/plugins/auth.js';
import type { Role } from '../../shared/roles.js';
import type { AccountsDeps } from './deps.js';
import type { OtpSender } from './otp-sender.js';
import { permissionsOf, presentUser, presentUserListItem } from './present.js';
import { deleteSession, findUserById, listTokens, listUsers, type UserRow } from './repository.js';
import {
  CreateTokenBody,
  CreateUserBody,
  IdParams,
  LoginBody,
  OtpRequestBody,
  OtpRequestReply,
  OtpVerifyBody,
  SessionSchema,
  TokenSchema,
  UserListItem,
  UserListQuery,
} from './schema.js';
import { createApiToken, presentToken, revokeApiToken } from './use-cases/api-tokens.js';
import { createUser } from './use-cases/create-user.js';
import { loginWithPassword } from './use-cases/login-with-password.js';
import { requestOtp } from './use-cases/request-otp.js';
import type { StartedSession } from './use-cases/start-session.js';
import { verifyOtp } from './use-cases/verify-otp.js';

export interface AccountsRouteDeps extends AccountsDeps {
  config: Pick<
    Config,
    'sessionTtlHours' | 'otpTtlSeconds' | 'cookieSecure' | 'loginRateLimitPerMinute'
  >;
  otpSender: OtpSender | null;
}

function sessionBody(s: { user: UserRow; csrfToken: string }) {
  return {
    user: presentUser(s.user),
    csrfToken: s.csrfToken,
    permissions: permissionsOf(s.user.role as Role),
  };
}

export async function accountsRoutes(app: FastifyInstance, deps: AccountsRouteDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = deps;
  const loginLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  /** What every login use-case needs from the request besides its body. */
  const sessionOptions = (req: FastifyRequest) => ({
    userAgent: req.headers['user-agent'] ?? null,
    ttlHours: config.sessionTtlHours,
  });
  /** Sets the httpOnly session cookie and answers with the session (user, permissions, CSRF). */
  const respondWithSession = (reply: FastifyReply, s: StartedSession) => {
    reply.setCookie(SESSION_COOKIE, s.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: '/',
      expires: s.expiresAt,
    });
    return sessionBody(s);
  };

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', csrf: false, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Staff login with email and password (sets the session cookie)',
        body: LoginBody,
        response: { 200: SessionSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      return respondWithSession(
        reply,
        await loginWithPassword({ ...req.body, ...sessionOptions(req) }, deps),
      );
    },
  );

  r.post(
    '/api/v1/auth/otp/request',
    {
      config: { access: 'public', csrf: false, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time login code to a complainant\u2019s phone or email',
        body: OtpRequestBody,
        response: { 200: OtpRequestReply, ...errorResponses },
      },
    },
    async (req) =>
      requestOtp(
        { target: req.body.target, locale: req.locale, ttlSeconds: config.otpTtlSeconds },
        { ...deps, sender: deps.otpSender, log: req.log },
      ),
  );

  r.post(
    '/api/v1/auth/otp/verify',
    {
      config: { access: 'public', csrf: false, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Complainant login with the one-time code (creates the account on first login)',
        body: OtpVerifyBody,
        response: { 200: SessionSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      return respondWithSession(
        reply,
        await verifyOtp({ ...req.body, ...sessionOptions(req) }, deps),
      );
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'End the browser session',
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req);
      if (p.kind === 'user') await deleteSession(deps.db, p.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user, their permissions and CSRF token',
        response: { 200: SessionSchema, ...errorResponses },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      if (p.kind !== 'user') throw new AppError('forbidden');
      const user = await findUserById(deps.db, p.userId);
      if (!user) throw new AppError('session_expired');
      return sessionBody({ user, csrfToken: p.csrfToken });
    },
  );

  r.get(
    '/api/v1/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags: ['users'],
        summary: 'List accounts',
        querystring: UserListQuery,
        response: {
          200: Type.Object({ items: Type.Array(UserListItem), total: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { rows, total } = await listUsers(deps.db, {
        role: req.query.role,
        q: req.query.q?.trim() || undefined,
        page: req.query.page,
        pageSize: req.query.pageSize,
      });
      return { items: rows.map(presentUserListItem), total };
    },
  );

  r.post(
    '/api/v1/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account',
        body: CreateUserBody,
        response: { 201: UserListItem, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = await createUser(req.body, deps);
      req.log.info({ userId: user.id, role: user.role }, 'user created');
      return reply.status(201).send(presentUserListItem(user));
    },
  );

  // GET /api/v1/merchants (the merchants a merchant account can belong to) is served by the
  // merchants module, with tiers and shops.

  r.get(
    '/api/v1/tokens',
    {
      config: { access: 'tokens.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: (await listTokens(deps.db)).map(presentToken) }),
  );

  r.post(
    '/api/v1/tokens',
    {
      config: { access: 'tokens.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the plaintext is in this response only',
        body: CreateTokenBody,
        response: {
          201: Type.Object({ token: Type.String(), item: TokenSchema }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req);
      const { token, row } = await createApiToken(
        {
          name: req.body.name,
          role: req.body.role,
          createdBy: p.kind === 'user' ? p.userId : null,
        },
        deps,
      );
      req.log.info({ tokenId: row.id, role: row.role }, 'api token created');
      return reply.status(201).send({ token, item: presentToken(row) });
    },
  );

  r.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: 'tokens.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await revokeApiToken({ id: req.params.id }, deps);
      return reply.status(204).send(null);
    },
  );
}
