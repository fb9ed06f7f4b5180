// Merging complaints into a collective case (集体投诉): a JT number, the 集体投诉 tag and a
// public 'collective_joined' event on every member. A complaint already in another case stops
// the whole request with nothing changed.
import { fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { CollectiveCase } from '../../../shared/cases.js';
import { actorOf, type ComplaintRow } from '../../complaints/index.js';
import type { CollectiveDeps } from '../deps.js';
import { alreadyIn, findAll, join, lockAll, parseNumbers } from '../members.js';
import { presentCase } from '../present.js';
import {
  collectiveNumberOf,
  insertCollective,
  merchantExists,
  nextCollectiveSequence,
} from '../repository.js';
import { chinaDay, formatCollectiveNumber } from '../rules.js';

/** The merchant every member complaint names, if they all name the same one. */
function commonMerchant(rows: ComplaintRow[]): string | null {
  const ids = new Set(rows.map((r) => r.merchantId));
  const [only] = [...ids];
  return ids.size === 1 && only ? only : null;
}

export async function createCollective(
  deps: CollectiveDeps,
  principal: Principal,
  body: { title: string; numbers: string[]; merchantId?: string },
): Promise<CollectiveCase> {
  const title = body.title.trim();
  if (!title) throw fieldError('title', 'required');
  const numbers = parseNumbers(body.numbers);
  if (body.merchantId && !(await merchantExists(deps.db, body.merchantId))) {
    throw fieldError('merchantId', 'merchant_not_found');
  }
  const actor = await actorOf(deps.db, principal);
  const found = await findAll(deps.db, numbers);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const locked = await lockAll(
      tx,
      found.map((r) => r.id),
    );
    for (const row of found) {
      const current = locked.get(row.id)!;
      if (current.collectiveId) {
        throw alreadyIn(current.number, await collectiveNumberOf(tx, current.collectiveId));
      }
    }
    const day = chinaDay(now);
    const c = await insertCollective(tx, {
      number: formatCollectiveNumber(day, await nextCollectiveSequence(tx, day)),
      title,
      merchantId: body.merchantId ?? commonMerchant([...locked.values()]),
      status: 'open',
      createdById: actor.key,
      createdByName: actor.name,
      createdAt: now,
      updatedAt: now,
    });
    for (const row of locked.values()) await join(tx, row, c, actor, now);
    return c.id;
  });
  return presentCase(deps.db, id);
}
