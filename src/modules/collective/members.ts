// Shared steps of every collective change: resolve the numbers named in a request, lock
// complaints in id order (so two changes over overlapping complaints cannot deadlock), and move
// one complaint into or out of a case with its tag and a public timeline event.
import { inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import { complaints } from '../../server/db/schema.js';
import { AppError } from '../../server/lib/errors.js';
import { SYSTEM_TAGS } from '../../shared/cases.js';
import {
  appendEvent,
  lockComplaint,
  parseNumber,
  updateComplaint,
  type Actor,
  type ComplaintRow,
} from '../complaints/index.js';
import type { CollectiveRow } from './repository.js';

const TAG = SYSTEM_TAGS.collective;

/** The actor columns of a timeline event. */
export function by(actor: Actor, now: Date) {
  return {
    actorKind: actor.kind,
    actorId: actor.key,
    actorRole: actor.appRole,
    actorName: actor.name,
    createdAt: now,
  };
}

/** A well-formed complaint number, or a 400 naming `field` and the rule it breaks. */
export function parseNumberAs(input: string, field: string): string {
  try {
    return parseNumber(input);
  } catch (e) {
    if (e instanceof AppError && e.fields?.number) {
      throw new AppError('validation_failed', { [field]: e.fields.number });
    }
    throw e;
  }
}

/** Well-formed, distinct numbers, or a 400 naming the item (`numbers.2`) and the rule it breaks. */
export function parseNumbers(inputs: string[], field = 'numbers'): string[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const number = parseNumberAs(input, `${field}.${i}`);
    if (seen.has(number)) {
      throw new AppError('validation_failed', { [`${field}.${i}`]: { reason: 'duplicate_key' } });
    }
    seen.add(number);
    return number;
  });
}

export function notFound(number: string): AppError {
  return new AppError('complaint_not_found', undefined, undefined, {
    zh: `找不到投诉 ${number}`,
    en: `There is no complaint ${number}`,
  });
}

/** The complaints with these numbers (in the order given), or 404 naming the first missing one. */
export async function findAll(db: Queryable, numbers: string[]): Promise<ComplaintRow[]> {
  const rows = numbers.length
    ? await db.select().from(complaints).where(inArray(complaints.number, numbers))
    : [];
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return numbers.map((n) => {
    const row = byNumber.get(n);
    if (!row) throw notFound(n);
    return row;
  });
}

/** Locks the complaints in id order and answers their fresh rows, keyed by id. */
export async function lockAll(tx: Tx, ids: string[]): Promise<Map<string, ComplaintRow>> {
  const out = new Map<string, ComplaintRow>();
  for (const id of [...new Set(ids)].sort()) out.set(id, await lockComplaint(tx, id));
  return out;
}

export function alreadyIn(number: string, collectiveNumber: string): AppError {
  return new AppError('already_in_collective', undefined, undefined, {
    zh: `投诉 ${number} 已属于集体投诉 ${collectiveNumber}，请先将其移出`,
    en: `Complaint ${number} already belongs to collective case ${collectiveNumber}; take it out first`,
  });
}

export async function join(
  tx: Tx,
  row: ComplaintRow,
  c: Pick<CollectiveRow, 'id' | 'number'>,
  actor: Actor,
  now: Date,
  data: Record<string, unknown> = {},
): Promise<void> {
  const tags = row.tags.includes(TAG) ? row.tags : [...row.tags, TAG];
  await updateComplaint(tx, row.id, { collectiveId: c.id, tags }, now);
  await appendEvent(tx, row.id, {
    type: 'collective_joined',
    data: { collective: c.number, ...data },
    ...by(actor, now),
  });
}

/** Why a complaint left: taken out, moved by a split, or its case closed around it. */
export type LeaveReason = 'left' | 'split' | 'closed';

export async function release(
  tx: Tx,
  row: ComplaintRow,
  c: Pick<CollectiveRow, 'number'>,
  actor: Actor,
  now: Date,
  reason: LeaveReason,
  data: Record<string, unknown> = {},
): Promise<void> {
  await updateComplaint(
    tx,
    row.id,
    { collectiveId: null, tags: row.tags.filter((t) => t !== TAG) },
    now,
  );
  await appendEvent(tx, row.id, {
    type: 'collective_left',
    data: { collective: c.number, reason, ...data },
    ...by(actor, now),
  });
}
