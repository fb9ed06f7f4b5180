// Effective wording and switches: an admin's row where there is one, the shipped default where
// not. Saving checks the template against the node's variables, so a typo cannot reach people.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { notificationSwitches, notificationTemplates } from '../../server/db/schema.js';
import { fieldError } from '../../server/lib/errors.js';
import type { Locale } from '../../shared/errors.js';
import {
  channelsOf,
  type NotifyChannel,
  type NotifyNode,
  type SwitchView,
  type TemplateView,
} from '../../shared/notifications.js';
import {
  allTemplateKeys,
  defaultEnabled,
  defaultTemplate,
  type TemplateText,
} from './default-templates.js';
import { templateProblems } from './render.js';

export const TEMPLATE_LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const SUBJECT_MAX = 200;
export const BODY_MAX: Record<NotifyChannel, number> = {
  in_app: 500,
  // Providers split long SMS; 300 characters is five parts at most.
  sms: 300,
  email: 5000,
  wechat: 200,
};

export async function effectiveTemplate(
  db: Queryable,
  node: NotifyNode,
  channel: NotifyChannel,
  locale: Locale,
): Promise<TemplateText> {
  const [row] = await db
    .select()
    .from(notificationTemplates)
    .where(
      and(
        eq(notificationTemplates.node, node),
        eq(notificationTemplates.channel, channel),
        eq(notificationTemplates.locale, locale),
      ),
    );
  return row ? { subject: row.subject, body: row.body } : defaultTemplate(node, channel, locale);
}

/** `${node}:${channel}` → on/off, for every pair a node can use. */
export async function effectiveSwitches(db: Queryable): Promise<Map<string, boolean>> {
  const rows = await db.select().from(notificationSwitches);
  const set = new Map(rows.map((r) => [`${r.node}:${r.channel}`, r.enabled]));
  const out = new Map<string, boolean>();
  for (const { node, channel } of allTemplateKeys()) {
    const k = `${node}:${channel}`;
    out.set(k, set.get(k) ?? defaultEnabled(node, channel));
  }
  return out;
}

export async function listTemplates(db: Queryable): Promise<{
  templates: TemplateView[];
  switches: SwitchView[];
}> {
  const rows = await db.select().from(notificationTemplates);
  const byKey = new Map(rows.map((r) => [`${r.node}:${r.channel}:${r.locale}`, r]));
  const sw = await db.select().from(notificationSwitches);
  const swKey = new Map(sw.map((r) => [`${r.node}:${r.channel}`, r.enabled]));
  const templates: TemplateView[] = [];
  const switches: SwitchView[] = [];
  for (const { node, channel } of allTemplateKeys()) {
    const custom = swKey.get(`${node}:${channel}`);
    switches.push({
      node,
      channel,
      enabled: custom ?? defaultEnabled(node, channel),
      customised: custom !== undefined,
    });
    for (const locale of TEMPLATE_LOCALES) {
      const row = byKey.get(`${node}:${channel}:${locale}`);
      const t = row ?? defaultTemplate(node, channel, locale);
      templates.push({
        node,
        channel,
        locale: locale as 'zh-CN' | 'en',
        subject: t.subject,
        body: t.body,
        customised: !!row,
        updatedBy: row?.updatedBy ?? null,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      });
    }
  }
  return { templates, switches };
}

/** Throws a field error for the first problem; returns the cleaned text. */
export function checkTemplate(
  node: NotifyNode,
  channel: NotifyChannel,
  input: { subject?: string | null; body: string },
): TemplateText {
  if (!channelsOf(node).includes(channel)) throw fieldError('channel', 'invalid_value');
  const body = input.body.trim();
  if (body === '') throw fieldError('body', 'required');
  if (body.length > BODY_MAX[channel])
    throw fieldError('body', 'too_long', { n: BODY_MAX[channel] });
  const needsSubject = channel !== 'sms';
  const subject = input.subject?.trim() || null;
  if (needsSubject && !subject) throw fieldError('subject', 'required');
  if (subject && subject.length > SUBJECT_MAX)
    throw fieldError('subject', 'too_long', { n: SUBJECT_MAX });
  for (const [field, text] of [
    ['subject', subject ?? ''],
    ['body', body],
  ] as const) {
    const p = templateProblems(text, node);
    if (p.unknown.length > 0) throw fieldError(field, 'unknown_variable', { name: p.unknown[0]! });
    if (p.strayBraces) throw fieldError(field, 'stray_braces');
  }
  return { subject: needsSubject ? subject : null, body };
}
