import { AppError, fieldError } from '../../../server/lib/errors.js';
import { SYSTEM_TAGS } from '../../../shared/cases.js';
import { OPEN_STATUSES, type ComplaintStatus } from '../../../shared/complaints.js';
import type { ComplaintsDeps } from '../deps.js';
import { appendEvent, updateComplaint } from '../repository.js';
import { withTags } from '../tags.js';
import { findExpertSeat, findTeamCode } from '../work-repository.js';
import { actOnComplaint, type ActCaller } from './act-on-complaint.js';

/**
 * Escalation (升级) to the expert seat: red priority, tagged 紧急 and 已升级, back in a queue
 * (no assignee) so the assigner gives it to an expert once this change commits.
 */
export function escalateComplaint(
  deps: ComplaintsDeps,
  caller: ActCaller,
  input: { reason: string },
) {
  const reason = input.reason.trim();
  if (reason === '') throw fieldError('reason', 'required');
  return actOnComplaint(deps, caller, async ({ tx, row, actor, now }) => {
    if (!OPEN_STATUSES.includes(row.status as ComplaintStatus)) {
      throw new AppError('transition_not_allowed');
    }
    const seat = await findExpertSeat(tx);
    if (!seat) throw new AppError('team_not_found');
    // Already with the experts: there is no higher seat to send it to.
    if (row.teamId === seat.id) throw new AppError('transition_not_allowed');
    const fromTeam = await findTeamCode(tx, row.teamId);
    await updateComplaint(
      tx,
      row.id,
      {
        teamId: seat.id,
        assigneeId: null,
        assignedAt: null,
        escalatedAt: now,
        priority: 'red',
        tags: withTags(row.tags, SYSTEM_TAGS.urgent, SYSTEM_TAGS.escalated),
      },
      now,
    );
    await appendEvent(tx, row.id, {
      type: 'escalated',
      // The reason is the handler's judgement of the case: staff only.
      internal: true,
      actorKind: actor.kind,
      actorId: actor.key,
      actorRole: actor.appRole,
      actorName: actor.name,
      data: { reason, fromTeam, toTeam: seat.code },
      createdAt: now,
    });
  });
}
