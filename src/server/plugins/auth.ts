// Who is calling, and may they? Every /api route must declare `config.access`; a route that
// forgets is refused at start-up, so no endpoint can ship unguarded.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode } from '../../shared/errors.js';
import {
  can,
  PERMISSIONS,
  type Permission,
  type Role,
  type StaffRole,
} from '../../shared/roles.js';
import { AppError } from '../lib/errors.js';

export const SESSION_COOKIE = 'redress_session';
export const CSRF_HEADER = 'x-csrf-token';

export type Principal =
  | { kind: 'user'; userId: string; role: Role; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; role: StaffRole; name: string };

/** `public`: anyone; `authenticated`: any logged-in caller; otherwise the named permission. */
export type Access = Permission | 'public' | 'authenticated';

export type SessionLookup = { principal: Principal } | { problem: 'session_expired' } | null;

export interface AuthResolver {
  fromSession(cookieValue: string): Promise<SessionLookup>;
  fromBearer(token: string): Promise<Principal | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Set false on routes that create a session (login), which cannot carry a CSRF token yet. */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthOptions {
  resolver: AuthResolver;
}

/** The caller, or 401: for use-cases reached through `authenticated` routes. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  await app.register(cookie);
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    if (access !== 'public' && access !== 'authenticated' && !PERMISSIONS.includes(access)) {
      throw new Error(`route ${route.url} names unknown permission ${access}`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    let problem: ErrorCode | null = null;

    const authz = request.headers.authorization;
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const principal = m?.[1] ? await opts.resolver.fromBearer(m[1]) : null;
      // A bad token is an error even on public routes: the caller meant to authenticate.
      if (!principal)
        throw new AppError('invalid_token', undefined, { 'www-authenticate': 'Bearer' });
      request.principal = principal;
    } else {
      const raw = request.cookies[SESSION_COOKIE];
      if (raw) {
        const found = await opts.resolver.fromSession(raw);
        if (found && 'principal' in found) request.principal = found.principal;
        else problem = 'session_expired';
      }
    }

    const p = request.principal;
    if (
      p?.kind === 'user' &&
      UNSAFE.has(request.method) &&
      request.routeOptions.config?.csrf !== false
    ) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== p.csrfToken) throw new AppError('csrf_invalid');
    }

    if (!access || access === 'public') return;
    if (!p) throw new AppError(problem ?? 'unauthenticated');
    if (access === 'authenticated') return;
    if (!can(p.role, access)) throw new AppError('forbidden');
  });
}

export default fp(authPlugin, { name: 'redress-auth', dependencies: ['redress-errors'] });
