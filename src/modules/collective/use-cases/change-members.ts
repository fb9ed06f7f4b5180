// Joining complaints to a collective case and taking one out. A case needs two complaints: when
// a leave leaves one, the case closes and releases that last complaint too.
import { AppError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import type { CollectiveCase } from '../../../shared/cases.js';
import { actorOf, findComplaintByNumber } from '../../complaints/index.js';
import type { CollectiveDeps } from '../deps.js';
import {
  alreadyIn,
  findAll,
  join,
  lockAll,
  notFound,
  parseNumberAs,
  parseNumbers,
  release,
} from '../members.js';
import { collectiveOr404, presentCase } from '../present.js';
import {
  collectiveNumberOf,
  lockCollective,
  memberIds,
  updateCollective,
  type CollectiveRow,
} from '../repository.js';
import { MAX_MEMBERS, staysOpen } from '../rules.js';

export function assertOpen(c: CollectiveRow): void {
  if (c.status !== 'open') throw new AppError('collective_closed');
}

export async function joinCollective(
  deps: CollectiveDeps,
  principal: Principal,
  idOrNumber: string,
  body: { numbers: string[] },
): Promise<CollectiveCase> {
  const numbers = parseNumbers(body.numbers);
  const c = await collectiveOr404(deps.db, idOrNumber);
  const actor = await actorOf(deps.db, principal);
  const found = await findAll(deps.db, numbers);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const k = await lockCollective(tx, c.id);
    assertOpen(k);
    const members = await memberIds(tx, k.id);
    const locked = await lockAll(
      tx,
      found.map((r) => r.id),
    );
    const joining = [...locked.values()].filter((r) => r.collectiveId !== k.id);
    for (const row of joining) {
      if (row.collectiveId) {
        throw alreadyIn(row.number, await collectiveNumberOf(tx, row.collectiveId));
      }
    }
    if (members.length + joining.length > MAX_MEMBERS) {
      throw new AppError('validation_failed', {
        numbers: { reason: 'too_many_items', params: { n: MAX_MEMBERS - members.length } },
      });
    }
    for (const row of joining) await join(tx, row, k, actor, now);
    if (joining.length > 0) await updateCollective(tx, k.id, {}, now);
  });
  return presentCase(deps.db, c.id);
}

export async function leaveCollective(
  deps: CollectiveDeps,
  principal: Principal,
  idOrNumber: string,
  numberInput: string,
): Promise<CollectiveCase> {
  const number = parseNumberAs(numberInput, 'number');
  const c = await collectiveOr404(deps.db, idOrNumber);
  const row = await findComplaintByNumber(deps.db, number);
  if (!row) throw notFound(number);
  const actor = await actorOf(deps.db, principal);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const k = await lockCollective(tx, c.id);
    const members = await memberIds(tx, k.id);
    if (!members.includes(row.id)) {
      throw new AppError('complaint_not_found', undefined, undefined, {
        zh: `投诉 ${number} 不在集体投诉 ${k.number} 中`,
        en: `Complaint ${number} is not part of collective case ${k.number}`,
      });
    }
    const remaining = members.filter((id) => id !== row.id);
    const closes = !staysOpen(remaining.length);
    const locked = await lockAll(tx, closes ? members : [row.id]);
    await release(tx, locked.get(row.id)!, k, actor, now, 'left');
    if (closes) {
      for (const id of remaining) await release(tx, locked.get(id)!, k, actor, now, 'closed');
    }
    await updateCollective(tx, k.id, closes ? { status: 'closed' } : {}, now);
  });
  return presentCase(deps.db, c.id);
}
