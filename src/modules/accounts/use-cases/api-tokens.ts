import { randomToken, sha256Hex } from '../../../server/lib/crypto.js';
import { AppError } from '../../../server/lib/errors.js';
import type { StaffRole } from '../../../shared/roles.js';
import type { AccountsDeps } from '../deps.js';
import { insertToken, revokeToken, type TokenRow } from '../repository.js';

export const TOKEN_PREFIX = 'rdr_';

export function presentToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    role: t.role as StaffRole,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a bearer token for an integration. The plaintext is returned once and never stored. */
export async function createApiToken(
  opts: { name: string; role: StaffRole; createdBy: string | null },
  deps: AccountsDeps,
): Promise<{ token: string; row: TokenRow }> {
  const token = randomToken(TOKEN_PREFIX);
  const row = await insertToken(deps.db, {
    name: opts.name.trim(),
    role: opts.role,
    tokenHash: sha256Hex(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    createdBy: opts.createdBy,
  });
  return { token, row };
}

export async function revokeApiToken(opts: { id: string }, deps: AccountsDeps): Promise<void> {
  if (!(await revokeToken(deps.db, opts.id, deps.clock.now()))) throw new AppError('not_found');
}
