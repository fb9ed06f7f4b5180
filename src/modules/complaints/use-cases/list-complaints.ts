import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import {
  COMPLAINT_STATUSES,
  HISTORY_DEFAULT_DAYS,
  HISTORY_MAX_DAYS,
  type ComplaintList,
  type ComplaintStatus,
} from '../../../shared/complaints.js';
import { can } from '../../../shared/roles.js';
import type { ComplaintsDeps } from '../deps.js';
import { presentSummary } from '../present.js';
import { listComplaints, type ComplaintFilter } from '../repository.js';
import type { ListQuery } from '../schema.js';
import { findTeamByCode, summaryHeads } from '../work-repository.js';

const DAY = 24 * 3600_000;

function parseStatuses(input: string | undefined): ComplaintStatus[] | undefined {
  if (!input) return undefined;
  const parts = input
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of parts) {
    if (!(COMPLAINT_STATUSES as readonly string[]).includes(p))
      throw fieldError('status', 'invalid_value');
  }
  return parts as ComplaintStatus[];
}

/** The queue filters only staff may use (a complainant's are ignored: they see no queues). */
async function staffFilters(
  deps: Pick<ComplaintsDeps, 'db'>,
  principal: Principal,
  q: ListQuery,
): Promise<Partial<ComplaintFilter>> {
  const f: Partial<ComplaintFilter> = {
    flagged: q.flagged,
    tag: q.tag?.trim() || undefined,
    externalNumber: q.externalNumber?.trim() || undefined,
    collectiveId: q.collective,
    sort: q.sort,
  };
  if (q.assignee === 'none') f.assigneeId = null;
  else if (q.assignee === 'me') {
    // A token is nobody: it has no cases of its own to ask for.
    if (principal.kind !== 'user') throw fieldError('assignee', 'invalid_value');
    f.assigneeId = principal.userId;
  } else if (q.assignee) f.assigneeId = q.assignee.toLowerCase();
  if (q.team) {
    const team = await findTeamByCode(deps.db, q.team);
    if (!team) throw fieldError('team', 'not_found_value');
    f.teamId = team.id;
  }
  return f;
}

/**
 * "My complaints" for a complainant (the last 90 days by default, at most 180 back, as the
 * portal keeps them); every complaint for staff who may read them, with queue filters (whose
 * handler, which team, a tag, an external case number, a collective case) and urgency order.
 */
export async function listComplaintsFor(
  deps: Pick<ComplaintsDeps, 'db' | 'clock'>,
  principal: Principal | null,
  q: ListQuery,
): Promise<ComplaintList> {
  if (!principal) throw new AppError('unauthenticated');
  const isComplainant = principal.kind === 'user' && principal.role === 'complainant';
  if (!isComplainant && !can(principal.role, 'complaints.read')) throw new AppError('forbidden');
  const now = deps.clock.now();
  let from = q.from ? new Date(q.from) : undefined;
  let to = q.to ? new Date(q.to) : undefined;
  if (from && to && from > to) throw fieldError('from', 'out_of_range');
  if (isComplainant) {
    to ??= now;
    from ??= new Date(to.getTime() - HISTORY_DEFAULT_DAYS * DAY);
    if (from.getTime() < now.getTime() - HISTORY_MAX_DAYS * DAY - 60_000) {
      throw fieldError('from', 'range_too_long', { n: HISTORY_MAX_DAYS });
    }
  }
  // A summary depends only on whether staff or the owner is looking.
  const viewer = { kind: isComplainant ? ('owner' as const) : ('staff' as const) };
  const { rows, total } = await listComplaints(deps.db, {
    complainantId: isComplainant ? principal.userId : undefined,
    categoryCode: q.category,
    typeCode: q.type,
    statuses: parseStatuses(q.status),
    from,
    to,
    numberLike: q.q?.toUpperCase(),
    ...(isComplainant ? {} : await staffFilters(deps, principal, q)),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  // Team and handler for the whole page at once (staff only; complainants see neither).
  const heads = isComplainant ? new Map() : await summaryHeads(deps.db, rows, deps.clock.now());
  return {
    items: rows.map((r) => presentSummary(r, viewer, heads.get(r.id))),
    total,
    page: q.page,
    pageSize: q.pageSize,
    from: from?.toISOString() ?? null,
    to: to?.toISOString() ?? null,
  };
}
