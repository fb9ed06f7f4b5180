// Admin: the configurable list of external platforms (12315, 12345, 12305, 黑猫投诉, …). Codes
// are fixed once created (cases refer to them); disabling stops new transfers, not updates.
import type { Db } from '../../../server/db/client.js';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { ExternalPlatform } from '../../../shared/cases.js';
import type { LocalText } from '../../../shared/text.js';
import { auditActorOf, recordAudit } from '../../audit/index.js';
import { findPlatform, insertPlatform, presentPlatform, updatePlatform } from '../repository.js';

interface Ctx {
  db: Db;
  principal: Principal;
  now: Date;
}

function cleanName(name: LocalText): LocalText {
  const zh = name.zh.normalize('NFKC').trim();
  const en = name.en.normalize('NFKC').trim();
  if (!zh) throw fieldError('name.zh', 'required');
  if (!en) throw fieldError('name.en', 'required');
  return { zh, en };
}

export async function createPlatform(
  ctx: Ctx,
  body: { code: string; name: LocalText },
): Promise<ExternalPlatform> {
  const name = cleanName(body.name);
  const actor = await auditActorOf(ctx.db, ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const row = await insertPlatform(tx, { code: body.code, name });
    if (!row) throw new AppError('conflict', { code: { reason: 'taken' } });
    await recordAudit(tx, {
      actor,
      action: 'external_platform.create',
      targetType: 'external_platform',
      targetId: row.code,
      data: { name },
      at: ctx.now,
    });
    return presentPlatform(row);
  });
}

export async function changePlatform(
  ctx: Ctx,
  code: string,
  body: { name?: LocalText; enabled?: boolean },
): Promise<ExternalPlatform> {
  const patch = {
    ...(body.name ? { name: cleanName(body.name) } : {}),
    ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
  };
  const actor = await auditActorOf(ctx.db, ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const before = await findPlatform(tx, code);
    if (!before) throw new AppError('platform_unknown');
    const row = await updatePlatform(tx, code, patch);
    await recordAudit(tx, {
      actor,
      action: 'external_platform.update',
      targetType: 'external_platform',
      targetId: code,
      data: { before: { name: before.name, enabled: before.enabled }, after: patch },
      at: ctx.now,
    });
    return presentPlatform(row);
  });
}
