import { AppError } from '../../../server/lib/errors.js';
import { isStaffRole } from '../../../shared/roles.js';
import { normaliseEmail } from '../contacts.js';
import type { AccountsDeps } from '../deps.js';
import { verifyPassword } from '../passwords.js';
import { findUserByEmail } from '../repository.js';
import { startSession, type StartedSession } from './start-session.js';

/** Staff log in with email and password; complainants use one-time codes instead. */
export async function loginWithPassword(
  opts: { email: string; password: string; userAgent: string | null; ttlHours: number },
  deps: AccountsDeps,
): Promise<StartedSession> {
  const email = normaliseEmail(opts.email);
  const user = email ? await findUserByEmail(deps.db, email) : undefined;
  const candidate = user && isStaffRole(user.role) ? user : undefined;
  const ok = await verifyPassword(candidate?.passwordHash ?? null, opts.password);
  if (!candidate || !ok) throw new AppError('invalid_credentials');
  if (candidate.status !== 'active') throw new AppError('account_disabled');
  return startSession(
    { user: candidate, userAgent: opts.userAgent, ttlHours: opts.ttlHours },
    deps,
  );
}
