// Splitting a collective case: the named members move to a new case. Each side must keep at
// least one complaint; a side left with a single complaint is not a collective case, so that
// complaint is released (a single moved one joins no new case; a single one staying closes the
// original).
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { CollectiveCase, CollectiveSplit } from '../../../shared/cases.js';
import { actorOf } from '../../complaints/index.js';
import type { CollectiveDeps } from '../deps.js';
import { findAll, join, lockAll, parseNumbers, release } from '../members.js';
import { collectiveOr404, presentCase } from '../present.js';
import {
  insertCollective,
  lockCollective,
  memberIds,
  nextCollectiveSequence,
  updateCollective,
} from '../repository.js';
import { chinaDay, formatCollectiveNumber, planSplit } from '../rules.js';
import { assertOpen } from './change-members.js';

export async function splitCollective(
  deps: CollectiveDeps,
  principal: Principal,
  idOrNumber: string,
  body: { numbers: string[]; title: string },
): Promise<CollectiveSplit> {
  const title = body.title.trim();
  if (!title) throw fieldError('title', 'required');
  const numbers = parseNumbers(body.numbers);
  const c = await collectiveOr404(deps.db, idOrNumber);
  const actor = await actorOf(deps.db, principal);
  const moving = await findAll(deps.db, numbers);
  const now = deps.clock.now();
  const createdId = await deps.db.transaction(async (tx) => {
    const k = await lockCollective(tx, c.id);
    assertOpen(k);
    const members = await memberIds(tx, k.id);
    moving.forEach((row, i) => {
      if (!members.includes(row.id)) {
        throw new AppError('validation_failed', { [`numbers.${i}`]: { reason: 'not_a_member' } });
      }
    });
    if (moving.length >= members.length) throw fieldError('numbers', 'split_side_empty');
    const plan = planSplit(members.length, moving.length);
    const locked = await lockAll(tx, members);
    const moved = new Set(moving.map((r) => r.id));

    let created: { id: string; number: string } | null = null;
    if (plan.createsCase) {
      const day = chinaDay(now);
      created = await insertCollective(tx, {
        number: formatCollectiveNumber(day, await nextCollectiveSequence(tx, day)),
        title,
        merchantId: k.merchantId,
        status: 'open',
        createdById: actor.key,
        createdByName: actor.name,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const id of members) {
      const row = locked.get(id)!;
      if (moved.has(id)) {
        await release(tx, row, k, actor, now, 'split', created ? { to: created.number } : {});
        if (created) await join(tx, row, created, actor, now, { from: k.number });
      } else if (plan.closesOriginal) {
        await release(tx, row, k, actor, now, 'closed');
      }
    }
    await updateCollective(tx, k.id, plan.closesOriginal ? { status: 'closed' } : {}, now);
    return created?.id ?? null;
  });
  const original: CollectiveCase = await presentCase(deps.db, c.id);
  return { original, created: createdId ? await presentCase(deps.db, createdId) : null };
}
