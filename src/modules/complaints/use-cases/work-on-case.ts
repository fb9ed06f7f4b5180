// The agent's everyday tools on a complaint: internal notes, replies to the complainant and
// tags. Each is a change like any other: it claims a waiting case, honours the version, bumps
// it, and lands on the timeline (which audits it and tells live viewers).
import { fieldError } from '../../../server/lib/errors.js';
import type { ComplaintsDeps } from '../deps.js';
import { appendEvent, updateComplaint } from '../repository.js';
import { normaliseTags } from '../tags.js';
import { macroExists } from '../work-repository.js';
import { actOnComplaint, type ActCaller, type ActContext } from './act-on-complaint.js';

function required(field: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw fieldError(field, 'required');
  return trimmed;
}

const by = ({ actor }: ActContext) => ({
  actorKind: actor.kind,
  actorId: actor.key,
  actorRole: actor.appRole,
  actorName: actor.name,
});

/** An internal note: staff only, never shown to the complainant or the merchant. */
export function addNote(deps: ComplaintsDeps, caller: ActCaller, input: { text: string }) {
  const text = required('text', input.text);
  return actOnComplaint(deps, caller, async (ctx) => {
    await updateComplaint(ctx.tx, ctx.row.id, {}, ctx.now);
    await appendEvent(ctx.tx, ctx.row.id, {
      type: 'note',
      internal: true,
      ...by(ctx),
      data: { text },
      createdAt: ctx.now,
    });
  });
}

/** A message to the complainant, who sees it signed by the staff role, not the name. */
export function replyToComplainant(
  deps: ComplaintsDeps,
  caller: ActCaller,
  input: { text: string; macroId?: string },
) {
  const text = required('text', input.text);
  return actOnComplaint(deps, caller, async (ctx) => {
    if (input.macroId && !(await macroExists(ctx.tx, input.macroId))) {
      throw fieldError('macroId', 'not_found_value');
    }
    await updateComplaint(ctx.tx, ctx.row.id, {}, ctx.now);
    await appendEvent(ctx.tx, ctx.row.id, {
      type: 'reply',
      ...by(ctx),
      data: { text, ...(input.macroId ? { macroId: input.macroId } : {}) },
      createdAt: ctx.now,
    });
  });
}

/** Replaces the tags; the timeline records what was added and removed (nothing if the same). */
export function setTags(deps: ComplaintsDeps, caller: ActCaller, input: { tags: string[] }) {
  const tags = normaliseTags(input.tags);
  return actOnComplaint(deps, caller, async (ctx) => {
    const added = tags.filter((t) => !ctx.row.tags.includes(t));
    const removed = ctx.row.tags.filter((t) => !tags.includes(t));
    if (added.length === 0 && removed.length === 0) return;
    await updateComplaint(ctx.tx, ctx.row.id, { tags }, ctx.now);
    await appendEvent(ctx.tx, ctx.row.id, {
      type: 'tags_changed',
      // Tags are a staff tool: complainants never see them.
      internal: true,
      ...by(ctx),
      data: { added, removed },
      createdAt: ctx.now,
    });
  });
}
