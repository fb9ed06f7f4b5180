import type { AuthResolver, Principal } from '../../../server/plugins/auth.js';
import { sha256Hex } from '../../../server/lib/crypto.js';
import type { Role, StaffRole } from '../../../shared/roles.js';
import type { AccountsDeps } from '../deps.js';
import { findActiveToken, findSession, touchSession, touchToken } from '../repository.js';
import { TOKEN_PREFIX } from './api-tokens.js';

const TOUCH_EVERY_MS = 5 * 60_000;

/** Turns a session cookie or a bearer token into the caller, for the auth plugin. */
export function authResolver(deps: AccountsDeps): AuthResolver {
  return {
    async fromSession(cookieValue) {
      if (cookieValue.length > 100) return { problem: 'session_expired' };
      const id = sha256Hex(cookieValue);
      const found = await findSession(deps.db, id);
      const now = deps.clock.now();
      if (!found || found.session.expiresAt <= now || found.user.status !== 'active') {
        return { problem: 'session_expired' };
      }
      if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await touchSession(deps.db, id, now);
      }
      const principal: Principal = {
        kind: 'user',
        userId: found.user.id,
        role: found.user.role as Role,
        sessionId: id,
        csrfToken: found.session.csrfToken,
      };
      return { principal };
    },
    async fromBearer(token) {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
      const row = await findActiveToken(deps.db, sha256Hex(token));
      if (!row) return null;
      const now = deps.clock.now();
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await touchToken(deps.db, row.id, now);
      }
      return { kind: 'token', tokenId: row.id, role: row.role as StaffRole, name: row.name };
    },
  };
}
