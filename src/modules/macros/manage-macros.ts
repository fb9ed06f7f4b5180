// Creating and changing canned replies: a unique title, a body whose {{variables}} all exist, an
// optional team; each change audited in its own transaction.
import type { Db, Queryable } from '../../server/db/client.js';
import { AppError, fieldError } from '../../server/lib/errors.js';
import type { Clock } from '../../server/lib/clock.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { Macro } from '../../shared/cases.js';
import { findUnknownVariables } from '../../shared/macros.js';
import { recordAudit } from '../audit/index.js';
import { actorOf } from '../complaints/index.js';
import { findMacro, insertMacro, teamIdByCode, updateMacro } from './repository.js';

export interface MacroInput {
  title?: string;
  body?: string;
  teamCode?: string | null;
  enabled?: boolean;
}

interface MacrosDeps {
  db: Db;
  clock: Clock;
}

function checkTitle(title: string): string {
  const t = title.trim();
  if (t === '') throw fieldError('title', 'required');
  return t;
}

function checkBody(body: string): string {
  if (body.trim() === '') throw fieldError('body', 'required');
  const [unknown] = findUnknownVariables(body);
  if (unknown !== undefined) throw fieldError('body', 'unknown_variable', { name: unknown });
  return body;
}

async function teamId(db: Queryable, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const id = await teamIdByCode(db, code);
  if (!id) throw fieldError('teamCode', 'not_found_value');
  return id;
}

/** A unique-index violation on the title is a 409, whichever request got there first. */
function titleTaken(err: unknown): boolean {
  const e = err as {
    code?: string;
    constraint?: string;
    cause?: { code?: string; constraint?: string };
  };
  const pg = e.cause ?? e;
  return pg.code === '23505' && pg.constraint === 'macros_title_key';
}

async function audited(
  deps: MacrosDeps,
  principal: Principal,
  work: (tx: Queryable) => Promise<{ id: string; data: Record<string, unknown>; action: string }>,
): Promise<Macro> {
  try {
    const id = await deps.db.transaction(async (tx) => {
      const actor = await actorOf(tx, principal);
      const done = await work(tx);
      await recordAudit(tx, {
        actor,
        action: done.action,
        targetType: 'macro',
        targetId: done.id,
        data: done.data,
        at: deps.clock.now(),
      });
      return done.id;
    });
    return (await findMacro(deps.db, id))!;
  } catch (err) {
    if (titleTaken(err)) throw new AppError('macro_title_taken');
    throw err;
  }
}

export function createMacro(
  deps: MacrosDeps,
  principal: Principal,
  input: Required<Pick<MacroInput, 'title' | 'body'>> & MacroInput,
): Promise<Macro> {
  const title = checkTitle(input.title);
  const body = checkBody(input.body);
  return audited(deps, principal, async (tx) => {
    const now = deps.clock.now();
    const id = await insertMacro(tx, {
      title,
      body,
      teamId: await teamId(tx, input.teamCode ?? null),
      enabled: input.enabled ?? true,
      createdById: principal.kind === 'user' ? principal.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    return {
      id,
      action: 'macro.create',
      data: { title, teamCode: input.teamCode ?? null, enabled: input.enabled ?? true },
    };
  });
}

export function changeMacro(
  deps: MacrosDeps,
  principal: Principal,
  id: string,
  input: MacroInput,
): Promise<Macro> {
  const title = input.title === undefined ? undefined : checkTitle(input.title);
  const body = input.body === undefined ? undefined : checkBody(input.body);
  return audited(deps, principal, async (tx) => {
    const patch = {
      ...(title !== undefined ? { title } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(input.teamCode !== undefined ? { teamId: await teamId(tx, input.teamCode) } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      updatedAt: deps.clock.now(),
    };
    if (!(await updateMacro(tx, id, patch))) throw new AppError('macro_not_found');
    return {
      id,
      action: 'macro.update',
      // What changed, not the texts themselves (the macro keeps its current text).
      data: {
        changed: Object.keys(input).filter((k) => input[k as keyof MacroInput] !== undefined),
        ...(title !== undefined ? { title } : {}),
        ...(input.teamCode !== undefined ? { teamCode: input.teamCode } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      },
    };
  });
}
