// A person who files again about an incident already open is linked to that complaint instead of
// opening a second case (SPEC: users re-file when anxious).
import type { Tx } from '../../../server/db/client.js';
import type { RequiredField } from '../../../shared/catalog.js';
import type { Channel } from '../../../shared/complaints.js';
import type { Actor } from '../actor.js';
import { IDENTIFYING_KINDS } from '../field-rules.js';
import { appendEvent, lockComplaint, openComplaintsOf, updateComplaint } from '../repository.js';
import { descriptionSimilarity, NEAR_IDENTICAL } from '../similarity.js';

export interface RepeatCandidate {
  complainantId: string;
  typeCode: string;
  description: string;
  fields: Record<string, string>;
  identifying: readonly RequiredField[];
  actor: Actor;
  channel: Channel;
  now: Date;
}

/** The open complaint this filing repeats, after recording the repeat on it; null if none. */
export async function linkRepeatFiling(tx: Tx, c: RepeatCandidate): Promise<string | null> {
  const keys = c.identifying.filter((f) => IDENTIFYING_KINDS.includes(f.kind)).map((f) => f.key);
  const open = await openComplaintsOf(tx, c.complainantId, c.typeCode);
  const same = open.find((row) => {
    const named = keys.filter((k) => c.fields[k] !== undefined && row.fields[k] !== undefined);
    // Two filings naming different 运单号/order numbers are two incidents, however alike the text.
    if (named.length > 0) return named.some((k) => row.fields[k] === c.fields[k]);
    return descriptionSimilarity(row.description, c.description) >= NEAR_IDENTICAL;
  });
  if (!same) return null;
  const row = await lockComplaint(tx, same.id);
  await updateComplaint(tx, row.id, { repeatCount: row.repeatCount + 1 }, c.now);
  await appendEvent(tx, row.id, {
    type: 'repeat_filing',
    actorKind: c.actor.kind,
    actorId: c.actor.key,
    actorRole: c.actor.appRole,
    actorName: c.actor.name,
    data: { channel: c.channel, description: c.description },
    createdAt: c.now,
  });
  return row.id;
}
