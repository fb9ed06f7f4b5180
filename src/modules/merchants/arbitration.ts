// Platform arbitration (平台仲裁): when the merchant stays silent past its first-reply deadline or
// its remedy is refused or left unanswered, the platform takes the case back and an expert decides.
import type { Tx } from '../../server/db/client.js';
import { SYSTEM_TAGS } from '../../shared/cases.js';
import {
  applyTransition,
  SYSTEM_ACTOR,
  updateComplaint,
  type ComplaintRow,
} from '../complaints/index.js';
import { expertSeatId } from './repository.js';

export type ArbitrationReason = 'merchant_overdue' | 'remedy_refused' | 'remedy_expired';

const OPINIONS: Record<ArbitrationReason, string> = {
  merchant_overdue: '商户未在期限内首次回复，案件转平台仲裁，由专家坐席处理',
  remedy_refused: '投诉人未接受商户方案，案件转平台仲裁，由专家坐席处理',
  remedy_expired: '投诉人未在期限内答复商户方案，案件转平台仲裁，由专家坐席处理',
};

export function withTag(tags: string[], tag: string): string[] {
  return tags.includes(tag) ? tags : [...tags, tag];
}

/**
 * Takes the case back from the merchant (system return_from_transfer → investigating) into the
 * expert seat's queue with nobody assigned; the caller runs hooks.queueChanged() after COMMIT so
 * the assigner gives it to an expert. The caller's transaction holds the complaint's lock.
 */
export async function sendToArbitration(
  tx: Tx,
  row: ComplaintRow,
  reason: ArbitrationReason,
  now: Date,
): Promise<ComplaintRow> {
  const seat = await expertSeatId(tx);
  // The merchant fields change first so the timeline event's live notice already carries them.
  const queued = await updateComplaint(
    tx,
    row.id,
    {
      teamId: seat ?? row.teamId,
      assigneeId: null,
      assignedAt: null,
      merchantPhase: 'arbitration',
      tags: withTag(row.tags, SYSTEM_TAGS.arbitration),
    },
    now,
  );
  return applyTransition(tx, queued, {
    action: 'return_from_transfer',
    actor: SYSTEM_ACTOR,
    now,
    opinion: OPINIONS[reason],
    eventType: 'arbitration',
    data: { reason },
  });
}
