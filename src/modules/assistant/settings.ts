// The assistant's settings (handoff thresholds, which team takes which topic) and its soothing
// script library (安抚话术). Both are edited by supervisors and admins; defaults ship in code.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { assistantScripts, assistantSettings, teams } from '../../server/db/schema.js';
import { AppError, type FieldProblem } from '../../server/lib/errors.js';
import type { AssistantSettings, Script } from '../../shared/assistant.js';
import { EMOTIONS, type Emotion } from './nlp/types.js';

export type { AssistantSettings, Script };

export const DEFAULT_SETTINGS: AssistantSettings = {
  handoffThreshold: 1.5,
  unresolvedTurns: 3,
  defaultTeam: 'general',
  categoryTeams: {
    微信支付: 'payment',
    微信账号: 'account_security',
    快递物流: 'express',
    电商购物: 'merchant_disputes',
  },
};

export async function loadSettings(db: Db): Promise<AssistantSettings> {
  const [row] = await db.select().from(assistantSettings).where(eq(assistantSettings.id, 1));
  return { ...DEFAULT_SETTINGS, ...(row?.settings as Partial<AssistantSettings> | undefined) };
}

export async function saveSettings(db: Db, input: AssistantSettings, now: Date) {
  const problems: Record<string, FieldProblem> = {};
  const enabled = new Set(
    (await db.select({ code: teams.code }).from(teams).where(eq(teams.enabled, true))).map(
      (t) => t.code,
    ),
  );
  if (!enabled.has(input.defaultTeam)) problems.defaultTeam = { reason: 'unknown_team' };
  for (const [category, team] of Object.entries(input.categoryTeams)) {
    if (!enabled.has(team)) problems[`categoryTeams.${category}`] = { reason: 'unknown_team' };
  }
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  await db
    .insert(assistantSettings)
    .values({ id: 1, settings: { ...input }, updatedAt: now })
    .onConflictDoUpdate({
      target: assistantSettings.id,
      set: { settings: { ...input }, updatedAt: now },
    });
  return loadSettings(db);
}

export async function loadScripts(db: Db): Promise<Script[]> {
  const rows = await db
    .select()
    .from(assistantScripts)
    .orderBy(asc(assistantScripts.sortOrder), asc(assistantScripts.id));
  return rows.map((r) => ({
    id: r.id,
    emotion: r.emotion as Emotion,
    locale: r.locale === 'en' ? 'en' : 'zh-CN',
    text: r.text,
  }));
}

/** Replaces the whole library (the editor saves the list it shows). */
export async function saveScripts(db: Db, items: Script[]): Promise<Script[]> {
  const problems: Record<string, FieldProblem> = {};
  const ids = new Set<string>();
  items.forEach((s, i) => {
    if (ids.has(s.id)) problems[`items[${i}].id`] = { reason: 'duplicate_key' };
    ids.add(s.id);
    if (!s.text.trim()) problems[`items[${i}].text`] = { reason: 'required' };
    if (!(EMOTIONS as readonly string[]).includes(s.emotion))
      problems[`items[${i}].emotion`] = { reason: 'invalid_value' };
  });
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  await db.transaction(async (tx) => {
    await tx.delete(assistantScripts);
    if (items.length > 0) {
      await tx
        .insert(assistantScripts)
        .values(items.map((s, i) => ({ ...s, text: s.text.trim(), sortOrder: i })));
    }
  });
  return loadScripts(db);
}
