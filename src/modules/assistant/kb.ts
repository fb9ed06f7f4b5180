// The knowledge base: entries, their change history, import/export. Every write bumps the KB
// revision in the same transaction, so every process's matcher retrains on its next message.
import { and, asc, count, desc, eq, gte, ilike, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../server/db/client.js';
import { kbEntries, kbHistory, kbRevision } from '../../server/db/schema.js';
import { AppError, fieldError, type FieldProblem } from '../../server/lib/errors.js';
import type { KbEntryView, KbImportResult } from '../../shared/assistant.js';
import type { KbEntry } from './nlp/types.js';

export type KbRow = typeof kbEntries.$inferSelect;

export interface KbInput {
  id?: string;
  category: string;
  question: string;
  similar: string[];
  answer: string;
  enabled?: boolean;
}

export interface KbEditor {
  id: string | null;
  name: string | null;
}

export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const EDITABLE = ['category', 'question', 'similar', 'answer', 'enabled'] as const;

export function presentEntry(r: KbRow): KbEntryView {
  return {
    id: r.id,
    category: r.category,
    question: r.question,
    similar: r.similar,
    answer: r.answer,
    enabled: r.enabled,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedByName,
  };
}

/**
 * Trims, drops empty similar questions and ones equal to the question, and reports problems per
 * field (prefixed, e.g. `entries[3].question`, for an import).
 */
export function cleanEntry(
  input: KbInput,
  prefix = '',
): {
  entry: Omit<KbEntry, 'id'> & { id: string | undefined };
  problems: Record<string, FieldProblem>;
} {
  const problems: Record<string, FieldProblem> = {};
  const id = input.id?.trim();
  if (id !== undefined && !ID_RE.test(id)) problems[`${prefix}id`] = { reason: 'invalid_format' };
  const category = input.category.trim();
  const question = input.question.trim();
  const answer = input.answer.trim();
  if (!category) problems[`${prefix}category`] = { reason: 'required' };
  if (!question) problems[`${prefix}question`] = { reason: 'required' };
  if (!answer) problems[`${prefix}answer`] = { reason: 'required' };
  const seen = new Set<string>([question]);
  const similar: string[] = [];
  input.similar.forEach((s, i) => {
    const t = s.trim();
    if (!t) return;
    if (seen.has(t)) {
      // The same wording twice teaches the matcher nothing and hides a typo in the editor.
      if (t !== question) problems[`${prefix}similar[${i}]`] = { reason: 'duplicate_key' };
      return;
    }
    seen.add(t);
    similar.push(t);
  });
  return {
    entry: { id, category, question, similar, answer, enabled: input.enabled ?? true },
    problems,
  };
}

async function bumpRevision(tx: Tx): Promise<void> {
  await tx
    .update(kbRevision)
    .set({ revision: sql`${kbRevision.revision} + 1` })
    .where(eq(kbRevision.id, 1));
}

export async function kbRevisionOf(db: Db): Promise<number> {
  const [r] = await db.select({ revision: kbRevision.revision }).from(kbRevision);
  return r?.revision ?? 0;
}

/** Every enabled and disabled entry, for training (the matcher skips disabled ones). */
export async function allEntries(db: Db): Promise<KbEntry[]> {
  const rows = await db.select().from(kbEntries).orderBy(asc(kbEntries.id));
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    question: r.question,
    similar: r.similar,
    answer: r.answer,
    enabled: r.enabled,
  }));
}

export async function findEntry(db: Db | Tx, id: string): Promise<KbRow | null> {
  const [r] = await db.select().from(kbEntries).where(eq(kbEntries.id, id));
  return r ?? null;
}

export async function listEntries(
  db: Db,
  q: { q?: string; category?: string; enabled?: boolean; page: number; pageSize: number },
) {
  const conds = [];
  if (q.category) conds.push(eq(kbEntries.category, q.category));
  if (q.enabled !== undefined) conds.push(eq(kbEntries.enabled, q.enabled));
  const text = q.q?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(
        ilike(kbEntries.id, like),
        ilike(kbEntries.question, like),
        ilike(kbEntries.answer, like),
        sql`${kbEntries.similar}::text ILIKE ${like}`,
      ),
    );
  }
  const where = conds.length > 0 ? and(...conds) : undefined;
  const [rows, [total], categories] = await Promise.all([
    db
      .select()
      .from(kbEntries)
      .where(where)
      .orderBy(asc(kbEntries.category), asc(kbEntries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(kbEntries).where(where),
    db
      .select({ name: kbEntries.category, count: count() })
      .from(kbEntries)
      .groupBy(kbEntries.category)
      .orderBy(asc(kbEntries.category)),
  ]);
  return { items: rows.map(presentEntry), total: total?.n ?? 0, categories };
}

function diff(before: KbRow | null, after: Record<string, unknown> | null) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of EDITABLE) {
    const from = before ? before[f] : null;
    const to = after ? after[f] : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[f] = { from, to };
  }
  return changes;
}

/** The next free id of the form kb-0001 (ids people did not choose). */
async function nextId(tx: Tx): Promise<string> {
  const r = await tx.execute<{ n: number | null }>(
    sql`SELECT max((substring(id from '^kb-(\\d+)$'))::int) AS n FROM kb_entries`,
  );
  const n = Number(r.rows[0]?.n ?? 0) + 1;
  return `kb-${String(n).padStart(4, '0')}`;
}

export async function createEntry(
  db: Db,
  input: KbInput,
  editor: KbEditor,
  now: Date,
): Promise<KbEntryView> {
  const { entry, problems } = cleanEntry(input);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  return db.transaction(async (tx) => {
    const id = entry.id ?? (await nextId(tx));
    const values = {
      ...entry,
      similar: [...entry.similar],
      id,
      updatedById: editor.id,
      updatedByName: editor.name,
    };
    const [row] = await tx
      .insert(kbEntries)
      .values({ ...values, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('kb_entry_exists', { id: { reason: 'duplicate_key' } });
    await tx.insert(kbHistory).values({
      entryId: id,
      action: 'create',
      changes: diff(null, row),
      actorId: editor.id,
      actorName: editor.name,
      at: now,
    });
    await bumpRevision(tx);
    return presentEntry(row);
  });
}

export async function updateEntry(
  db: Db,
  id: string,
  input: KbInput & { version: number },
  editor: KbEditor,
  now: Date,
): Promise<KbEntryView> {
  const { entry, problems } = cleanEntry({ ...input, id });
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(kbEntries).where(eq(kbEntries.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== input.version) throw new AppError('kb_version_conflict');
    const after = {
      category: entry.category,
      question: entry.question,
      similar: [...entry.similar],
      answer: entry.answer,
      enabled: entry.enabled,
    };
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0) return presentEntry(before);
    const [row] = await tx
      .update(kbEntries)
      .set({
        ...after,
        version: before.version + 1,
        updatedAt: now,
        updatedById: editor.id,
        updatedByName: editor.name,
      })
      .where(eq(kbEntries.id, id))
      .returning();
    await tx.insert(kbHistory).values({
      entryId: id,
      action: 'update',
      changes,
      actorId: editor.id,
      actorName: editor.name,
      at: now,
    });
    await bumpRevision(tx);
    return presentEntry(row!);
  });
}

export async function deleteEntry(db: Db, id: string, editor: KbEditor, now: Date) {
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(kbEntries).where(eq(kbEntries.id, id)).returning();
    if (!before) throw new AppError('not_found');
    await tx.insert(kbHistory).values({
      entryId: id,
      action: 'delete',
      changes: diff(before, null),
      actorId: editor.id,
      actorName: editor.name,
      at: now,
    });
    await bumpRevision(tx);
  });
}

export async function entryHistory(db: Db, id: string) {
  const rows = await db
    .select()
    .from(kbHistory)
    .where(eq(kbHistory.entryId, id))
    .orderBy(desc(kbHistory.at), desc(kbHistory.id))
    .limit(200);
  return {
    items: rows.map((h) => ({
      id: h.id,
      action: h.action,
      by: h.actorName,
      at: h.at.toISOString(),
      changes: h.changes,
    })),
  };
}

/** The latest changes across the KB and how many were made in the last 30 days. */
export async function recentChanges(db: Db, limit: number, now: Date) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [rows, [month]] = await Promise.all([
    db
      .select({ h: kbHistory, question: kbEntries.question })
      .from(kbHistory)
      .leftJoin(kbEntries, eq(kbEntries.id, kbHistory.entryId))
      .orderBy(desc(kbHistory.at), desc(kbHistory.id))
      .limit(limit),
    db.select({ n: count() }).from(kbHistory).where(gte(kbHistory.at, since)),
  ]);
  return {
    items: rows.map(({ h, question }) => ({
      entryId: h.entryId,
      question:
        question ?? (typeof h.changes.question?.from === 'string' ? h.changes.question.from : ''),
      action: h.action,
      by: h.actorName,
      at: h.at.toISOString(),
    })),
    lastMonth: month?.n ?? 0,
  };
}

export type ImportResult = KbImportResult;

const IMPORT_CHUNK = 500;

/**
 * Imports entries in one transaction: all or nothing. merge: the file's entries are created or
 * updated, the others stay; replace: entries not in the file are removed. Each entry that
 * changes gets a history row (action import), so the KB's history stays whole.
 */
export async function importEntries(
  db: Db,
  mode: 'merge' | 'replace',
  inputs: KbInput[],
  editor: KbEditor,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const problems: Record<string, FieldProblem> = {};
  const seen = new Set<string>();
  const entries: (Omit<KbEntry, 'id'> & { id: string })[] = [];
  inputs.forEach((input, i) => {
    const prefix = `entries[${i}].`;
    if (!input.id?.trim()) problems[`${prefix}id`] = { reason: 'required' };
    const { entry, problems: p } = cleanEntry(input, prefix);
    Object.assign(problems, p);
    if (entry.id) {
      if (seen.has(entry.id)) problems[`${prefix}id`] = { reason: 'duplicate_key' };
      seen.add(entry.id);
      entries.push({ ...entry, id: entry.id });
    }
  });
  if (Object.keys(problems).length > 0) {
    // The first problems are enough to fix a file; thousands would drown the message.
    const first = Object.fromEntries(Object.entries(problems).slice(0, 20));
    throw new AppError('validation_failed', first);
  }
  return db.transaction(async (tx) => {
    const result: ImportResult = { created: 0, updated: 0, removed: 0, unchanged: 0, total: 0 };
    for (let i = 0; i < entries.length; i += IMPORT_CHUNK) {
      const chunk = entries.slice(i, i + IMPORT_CHUNK);
      const existing = await tx
        .select()
        .from(kbEntries)
        .where(
          inArray(
            kbEntries.id,
            chunk.map((e) => e.id),
          ),
        )
        .for('update');
      const byId = new Map(existing.map((r) => [r.id, r]));
      const history: (typeof kbHistory.$inferInsert)[] = [];
      const writes: (typeof kbEntries.$inferInsert)[] = [];
      for (const e of chunk) {
        const before = byId.get(e.id) ?? null;
        const changes = diff(before, e);
        if (before && Object.keys(changes).length === 0) {
          result.unchanged += 1;
          continue;
        }
        if (before) result.updated += 1;
        else result.created += 1;
        writes.push({
          ...e,
          similar: [...e.similar],
          version: (before?.version ?? 0) + 1,
          createdAt: before?.createdAt ?? now,
          updatedAt: now,
          updatedById: editor.id,
          updatedByName: editor.name,
        });
        history.push({
          entryId: e.id,
          action: 'import',
          changes,
          actorId: editor.id,
          actorName: editor.name,
          at: now,
        });
      }
      if (writes.length > 0) {
        await tx
          .insert(kbEntries)
          .values(writes)
          .onConflictDoUpdate({
            target: kbEntries.id,
            set: {
              category: sql`excluded.category`,
              question: sql`excluded.question`,
              similar: sql`excluded.similar`,
              answer: sql`excluded.answer`,
              enabled: sql`excluded.enabled`,
              version: sql`excluded.version`,
              updatedAt: sql`excluded.updated_at`,
              updatedById: sql`excluded.updated_by_id`,
              updatedByName: sql`excluded.updated_by_name`,
            },
          });
        await tx.insert(kbHistory).values(history);
      }
      onProgress?.(Math.min(i + IMPORT_CHUNK, entries.length), entries.length);
    }
    if (mode === 'replace') {
      const keep = entries.map((e) => e.id);
      const removed = await tx
        .delete(kbEntries)
        .where(keep.length > 0 ? notInArray(kbEntries.id, keep) : undefined)
        .returning();
      result.removed = removed.length;
      for (let i = 0; i < removed.length; i += IMPORT_CHUNK) {
        await tx.insert(kbHistory).values(
          removed.slice(i, i + IMPORT_CHUNK).map((r) => ({
            entryId: r.id,
            action: 'delete',
            changes: diff(r, null),
            actorId: editor.id,
            actorName: editor.name,
            at: now,
          })),
        );
      }
    }
    await bumpRevision(tx);
    const [total] = await tx.select({ n: count() }).from(kbEntries);
    result.total = total?.n ?? 0;
    return result;
  });
}

export async function exportEntries(db: Db) {
  const rows = await db.select().from(kbEntries).orderBy(asc(kbEntries.id));
  return {
    entries: rows.map((r) => ({
      id: r.id,
      category: r.category,
      question: r.question,
      similar: r.similar,
      answer: r.answer,
      enabled: r.enabled,
    })),
  };
}

export function assertId(id: string): void {
  if (!ID_RE.test(id)) throw fieldError('id', 'invalid_format');
}
