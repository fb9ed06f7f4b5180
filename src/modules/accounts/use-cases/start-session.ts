import { randomToken, sha256Hex } from '../../../server/lib/crypto.js';
import type { AccountsDeps } from '../deps.js';
import { insertSession, type UserRow } from '../repository.js';

export interface StartedSession {
  user: UserRow;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(
  opts: { user: UserRow; userAgent: string | null; ttlHours: number },
  deps: AccountsDeps,
): Promise<StartedSession> {
  const now = deps.clock.now();
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + opts.ttlHours * 3600_000);
  await insertSession(deps.db, {
    id: sha256Hex(sessionToken),
    userId: opts.user.id,
    csrfToken,
    expiresAt,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    now,
  });
  return { user: opts.user, sessionToken, csrfToken, expiresAt };
}
