// Progress on a collective case: kept on the case (every member's complaint view shows it as
// `collective.progress`) and appended as a public 'collective_update' event to every member's
// timeline, so each complainant sees it where they follow their own complaint.
import { fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { CollectiveCase } from '../../../shared/cases.js';
import { actorOf, appendEvent, updateComplaint } from '../../complaints/index.js';
import type { CollectiveDeps } from '../deps.js';
import { by, lockAll } from '../members.js';
import { collectiveOr404, presentCase } from '../present.js';
import { lockCollective, memberIds, updateCollective } from '../repository.js';
import { assertOpen } from './change-members.js';

export async function postProgress(
  deps: CollectiveDeps,
  principal: Principal,
  idOrNumber: string,
  body: { text: string },
): Promise<CollectiveCase> {
  const text = body.text.trim();
  if (!text) throw fieldError('text', 'required');
  const c = await collectiveOr404(deps.db, idOrNumber);
  const actor = await actorOf(deps.db, principal);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const k = await lockCollective(tx, c.id);
    assertOpen(k);
    await updateCollective(tx, k.id, { progress: text, progressAt: now }, now);
    const locked = await lockAll(tx, await memberIds(tx, k.id));
    for (const row of locked.values()) {
      await updateComplaint(tx, row.id, {}, now);
      await appendEvent(tx, row.id, {
        type: 'collective_update',
        data: { collective: k.number, text },
        ...by(actor, now),
      });
    }
  });
  return presentCase(deps.db, c.id);
}
