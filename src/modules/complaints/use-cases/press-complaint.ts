import { AppError } from '../../../server/lib/errors.js';
import type { PressState } from '../../../shared/sla.js';
import type { ComplaintsDeps } from '../deps.js';
import { pressState } from '../present.js';
import { appendEvent, updateComplaint } from '../repository.js';
import { actOnComplaint, type ActCaller } from './act-on-complaint.js';

function chinaTime(d: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

/**
 * 催办: the complainant asks for the case to be hurried, at most once per 48 h (SPEC). The press
 * is on the timeline for the agent (and the complainant) and counted on the case.
 */
export async function pressComplaint(deps: ComplaintsDeps, caller: ActCaller): Promise<PressState> {
  const detail = await actOnComplaint(
    deps,
    caller,
    async ({ tx, row, actor, isOwner, now }) => {
      if (!isOwner) throw new AppError('forbidden');
      const state = pressState(row, { kind: 'owner' }, now);
      if (!state.canPress) {
        if (!state.nextAllowedAt) throw new AppError('transition_not_allowed');
        const next = new Date(state.nextAllowedAt);
        throw new AppError('press_too_soon', undefined, undefined, {
          zh: `下次可催办时间：${chinaTime(next)}（北京时间）`,
          en: `You can press again after ${chinaTime(next)} (Beijing time)`,
        });
      }
      const count = row.pressCount + 1;
      await updateComplaint(tx, row.id, { pressCount: count, lastPressedAt: now }, now);
      await appendEvent(tx, row.id, {
        type: 'pressed',
        actorKind: actor.kind,
        actorId: actor.key,
        actorRole: actor.appRole,
        actorName: actor.name,
        data: { count },
        createdAt: now,
      });
    },
    // The owner presses their own case; nobody's assignment or version is involved.
    async () => undefined,
  );
  return detail.press;
}
