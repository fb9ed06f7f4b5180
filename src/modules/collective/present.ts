// How a collective case is shown to staff: its summary (the same one every member's complaint
// view carries) and its members, with complainants' names masked.
import type { Queryable } from '../../server/db/client.js';
import { AppError } from '../../server/lib/errors.js';
import type { Priority } from '../../shared/catalog.js';
import type { CollectiveCase } from '../../shared/cases.js';
import { STATUS_LABELS, type ComplaintStatus } from '../../shared/complaints.js';
import { collectiveSummary } from '../complaints/index.js';
import { findCollective, memberRows } from './repository.js';
import { maskName } from './rules.js';

export async function presentCase(db: Queryable, id: string): Promise<CollectiveCase> {
  const summary = await collectiveSummary(db, id);
  if (!summary) throw new AppError('collective_not_found');
  const members = await memberRows(db, id);
  return {
    ...summary,
    members: members.map((m) => ({
      number: m.number,
      status: m.status as ComplaintStatus,
      statusLabel: STATUS_LABELS[m.status as ComplaintStatus],
      priority: m.priority as Priority,
      complainantName: maskName(m.contact.name),
    })),
  };
}

/** The case named in a path (id or JT number), or 404. */
export async function collectiveOr404(db: Queryable, idOrNumber: string) {
  const row = await findCollective(db, idOrNumber);
  if (!row) throw new AppError('collective_not_found');
  return row;
}
