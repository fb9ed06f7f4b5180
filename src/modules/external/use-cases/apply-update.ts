// One status update from an external platform, by API or as one CSV row: recorded on the
// complaint's timeline (by whoever sent it) and on its external case; a return or a result from
// the platform the case is currently with hands it back to its handler.
import { AppError, fieldError } from '../../../server/lib/errors.js';
import {
  EXTERNAL_STATUS_LABELS,
  type ExternalCase,
  type ExternalStatus,
} from '../../../shared/cases.js';
import {
  appendEvent,
  applyTransition,
  lockComplaint,
  SYSTEM_ACTOR,
  updateComplaint,
  type Actor,
} from '../../complaints/index.js';
import type { ExternalDeps } from '../deps.js';
import {
  findExternalCase,
  findPlatform,
  isCurrentTransfer,
  lockExternalCase,
  presentCase,
  setExternalStatus,
  type PlatformRow,
} from '../repository.js';

/** Statuses after which the platform is done with the case and it comes back to us. */
export const HAND_BACK: readonly ExternalStatus[] = ['returned', 'resolved', 'closed'];

export interface UpdateInput {
  /** A platform code. */
  platform: string;
  externalNumber: string;
  status: ExternalStatus;
  note: string | null;
  /** When the platform says it happened; now when not given. */
  at: Date | null;
}

export interface Applied {
  number: string;
  externalCase: ExternalCase;
  /** False when the same status and note were already on record (a repeated update). */
  changed: boolean;
  handedBack: boolean;
}

function handBackOpinion(p: PlatformRow, status: ExternalStatus, note: string | null): string {
  const head = `${p.name.zh}反馈：${EXTERNAL_STATUS_LABELS[status].zh}`;
  return note ? `${head}。${note}` : `${head}，案件转回本平台继续处理`;
}

/**
 * Applies the update in its own transaction. The caller runs hooks.queueChanged() afterwards
 * when `handedBack` (the handler's load grows again). Idempotent: the same status and note again
 * change nothing; an update older than the one on record goes on the timeline only.
 */
export async function applyExternalUpdate(
  deps: Pick<ExternalDeps, 'db' | 'clock'>,
  actor: Actor,
  input: UpdateInput,
): Promise<Applied> {
  const now = deps.clock.now();
  const at = input.at ?? now;
  if (at > now) throw fieldError('at', 'future_date');
  const platform = await findPlatform(deps.db, input.platform);
  if (!platform) throw new AppError('platform_unknown');
  const found = await findExternalCase(deps.db, platform.code, input.externalNumber);
  if (!found) throw new AppError('external_case_not_found');

  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, found.complaintId);
    const current = await lockExternalCase(tx, found.id);
    const same =
      current.status === input.status &&
      (current.statusNote ?? null) === input.note &&
      (input.at === null || current.statusAt.getTime() === at.getTime());
    if (same) {
      return {
        number: row.number,
        externalCase: presentCase(current, platform),
        changed: false,
        handedBack: false,
      };
    }
    // Updates can arrive out of order (a CSV of last week's statuses): only a newer one replaces
    // the status the platform last reported; an older one is still kept on the timeline. Our own
    // record made at transfer or import (statusAt = createdAt) gives way to any report.
    const reported = current.statusAt.getTime() !== current.createdAt.getTime();
    const newer = !reported || at >= current.statusAt;
    const saved = newer
      ? await setExternalStatus(tx, current.id, {
          status: input.status,
          statusNote: input.note,
          statusAt: at,
        })
      : current;
    const bumped = await updateComplaint(tx, row.id, {}, now);
    await appendEvent(tx, row.id, {
      type: 'external_update',
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      opinion: input.note,
      data: {
        platform: platform.code,
        platformName: platform.name,
        externalNumber: current.externalNumber,
        direction: current.direction,
        status: input.status,
        at: at.toISOString(),
        ...(newer ? {} : { outdated: true }),
      },
      createdAt: now,
    });
    const handBack =
      newer &&
      HAND_BACK.includes(input.status) &&
      current.direction === 'outbound' &&
      bumped.status === 'transferred' &&
      (await isCurrentTransfer(tx, row.id, current));
    if (handBack) {
      await applyTransition(tx, bumped, {
        action: 'return_from_transfer',
        actor: SYSTEM_ACTOR,
        now,
        opinion: handBackOpinion(platform, input.status, input.note),
        data: {
          platform: platform.code,
          externalNumber: current.externalNumber,
          status: input.status,
        },
      });
    }
    return {
      number: row.number,
      externalCase: presentCase(saved, platform),
      changed: true,
      handedBack: handBack,
    };
  });
}
