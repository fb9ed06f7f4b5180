// The outbox's write side: complaints' recordEvent calls queueNotifications in the transaction
// that records the event, so a message exists exactly when the change it reports committed.
// In-app entries are written here directly (the database is their channel, so this is their
// delivery, and the bell hears of them on COMMIT); SMS, email and WeChat wait in the outbox
// for workers (dispatch.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Tx } from '../../server/db/client.js';
import {
  complaints,
  merchants,
  notificationPreferences,
  notifications,
  outbox,
  progressReportSchedule,
  users,
} from '../../server/db/schema.js';
import { STATUS_LABELS, type ComplaintStatus } from '../../shared/complaints.js';
import type { Locale } from '../../shared/errors.js';
import type { NotifyChannel, NotifyNode } from '../../shared/notifications.js';
import { channelsOf } from '../../shared/notifications.js';
import type { LocalText } from '../../shared/text.js';
import { planNodes, receiptCycle, reportScheduleChange, type NotifyEvent } from './plan.js';
import { renderTemplate } from './render.js';
import { effectiveSwitches, effectiveTemplate } from './templates.js';

/** The channel the bell listens on: {"userId","id"} after COMMIT. */
export const NOTIFY_CHANNEL = 'redress_notifications';
export const REPORT_INTERVAL_MS = 48 * 3600_000;

export function formatWhen(at: Date | null, locale: Locale, timeZone: string): string {
  if (!at) return locale === 'en' ? 'to be confirmed' : '待定';
  const d = DateTime.fromJSDate(at, { zone: timeZone });
  const zone = d.isValid ? d : DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' });
  return locale === 'en'
    ? `${zone.setLocale('en').toFormat('d LLL yyyy, HH:mm')} (${zone.toFormat("'GMT'Z")})`
    : zone.toFormat('yyyy年M月d日 HH:mm');
}

const pick = (t: LocalText, locale: Locale) => (locale === 'en' ? t.en : t.zh);

type ComplaintFacts = Pick<
  typeof complaints.$inferSelect,
  | 'id'
  | 'number'
  | 'status'
  | 'rules'
  | 'priority'
  | 'contact'
  | 'complainantId'
  | 'assigneeId'
  | 'estimatedCompletionAt'
  | 'appealDeadline'
  | 'pressCount'
>;

/** What the node says, from the event and the complaint as the transaction sees it. */
export function nodeVars(
  node: NotifyNode,
  c: ComplaintFacts,
  ev: NotifyEvent,
  locale: Locale,
  timeZone: string,
): Record<string, string> {
  const when = (d: Date | null) => formatWhen(d, locale, timeZone);
  const d = ev.data;
  const none = locale === 'en' ? 'none' : '无';
  const vars: Record<string, string> = {
    number: c.number,
    typeName: c.rules?.typeName ? pick(c.rules.typeName, locale) : '',
    statusLabel: pick(STATUS_LABELS[c.status as ComplaintStatus], locale),
    name: c.contact.name,
    estimate: when(c.estimatedCompletionAt),
  };
  const outcome =
    ev.action === 'reject'
      ? locale === 'en'
        ? 'not accepted'
        : '不予支持'
      : locale === 'en'
        ? 'resolved'
        : '处理完成';
  switch (node) {
    case 'materials_requested':
      vars.items = Array.isArray(d.items)
        ? (d.items as string[]).map((i, n) => `${n + 1}. ${i}`).join(locale === 'en' ? '; ' : '；')
        : '';
      vars.note = typeof d.note === 'string' ? d.note : none;
      break;
    case 'result':
    case 'appeal_decided':
      vars.outcome = outcome;
      vars.opinion = ev.opinion ?? none;
      vars.appealUntil = when(c.appealDeadline);
      // Filled in at delivery, once the receipt is issued.
      vars.receiptCode = '';
      break;
    case 'appeal_accepted':
    case 'staff_appealed':
      vars.reason = ev.opinion ?? none;
      break;
    case 'merchant_reply':
      vars.merchantName = typeof d.merchantName === 'string' ? d.merchantName : '';
      vars.reply = ev.opinion ?? '';
      break;
    case 'external_transfer': {
      const name = d.platformName as LocalText | string | undefined;
      vars.platform = typeof name === 'string' ? name : name ? pick(name, locale) : '';
      vars.externalNumber = typeof d.externalNumber === 'string' ? d.externalNumber : none;
      break;
    }
    case 'sla_apology':
      vars.clock = String(d.clock ?? '');
      break;
    case 'staff_assigned':
      vars.by = ev.type === 'assigned' ? (locale === 'en' ? 'the router' : '系统分派') : '';
      break;
    case 'staff_pressed':
      vars.pressCount = String(d.count ?? c.pressCount);
      break;
    case 'staff_materials_supplied':
      vars.files = String(d.files ?? 0);
      break;
    case 'staff_escalation_alert': {
      const rn = d.ruleName as LocalText | string | undefined;
      vars.rule = typeof rn === 'string' ? rn : rn ? pick(rn, locale) : String(d.rule ?? '');
      break;
    }
    default:
      break;
  }
  return vars;
}

interface Recipient {
  userId: string | null;
  locale: Locale;
  timeZone: string;
  /** Per channel: the address, or null when this person cannot be reached there. */
  address: Partial<Record<NotifyChannel, string>>;
}

async function complainantRecipient(tx: Tx, c: ComplaintFacts): Promise<Recipient> {
  const [u] = await tx
    .select({ locale: users.locale, status: users.status })
    .from(users)
    .where(eq(users.id, c.complainantId));
  const [p] = await tx
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, c.complainantId));
  const address: Recipient['address'] = { in_app: c.complainantId };
  if (c.contact.phone && (p?.sms ?? true)) address.sms = c.contact.phone;
  if (c.contact.email && (p?.email ?? true)) address.email = c.contact.email;
  if (p?.wechatOpenId && p.wechat) address.wechat = p.wechatOpenId;
  return {
    userId: c.complainantId,
    locale: u?.locale === 'en' ? 'en' : 'zh-CN',
    timeZone: p?.timeZone ?? 'Asia/Shanghai',
    address,
  };
}

async function staffRecipients(tx: Tx, c: ComplaintFacts, audience: string): Promise<Recipient[]> {
  let ids: { id: string; locale: string }[] = [];
  if (audience === 'assignee' && c.assigneeId) {
    ids = await tx
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, c.assigneeId), eq(users.status, 'active')));
  } else if (audience === 'supervisors') {
    ids = await tx
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(inArray(users.role, ['supervisor']), eq(users.status, 'active')));
  }
  return ids.map((u) => ({
    userId: u.id,
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
    timeZone: 'Asia/Shanghai',
    address: { in_app: u.id },
  }));
}

export async function queueNotifications(
  tx: Tx,
  complaintId: string,
  ev: NotifyEvent,
): Promise<void> {
  const planned = planNodes(ev);
  const schedule = reportScheduleChange(ev);
  const cycle = receiptCycle(ev);
  if (planned.length === 0 && schedule === null && cycle === null) return;

  if (schedule === 'start') {
    const nextAt = new Date(ev.at.getTime() + REPORT_INTERVAL_MS);
    await tx
      .insert(progressReportSchedule)
      .values({ complaintId, nextAt })
      .onConflictDoUpdate({ target: progressReportSchedule.complaintId, set: { nextAt } });
  } else if (schedule === 'stop') {
    await tx
      .delete(progressReportSchedule)
      .where(eq(progressReportSchedule.complaintId, complaintId));
  }
  if (cycle !== null) {
    // The PDF is drawn outside the transaction; the job is idempotent (one receipt per cycle).
    await tx.execute(sql`
      INSERT INTO jobs (name, payload, dedupe_key, max_attempts)
      VALUES ('notifications.issue_receipt',
              ${JSON.stringify({ complaintId, cycle })}::jsonb,
              ${`receipt:${complaintId}:${cycle}`}, 5)
      ON CONFLICT (dedupe_key) WHERE status IN ('pending','running') DO NOTHING`);
  }
  if (planned.length === 0) return;

  const [c] = await tx.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!c) return;
  const switches = await effectiveSwitches(tx);
  if (ev.type === 'merchant_reply' && c.merchantId && typeof ev.data.merchantName !== 'string') {
    const [m] = await tx
      .select({ name: merchants.name })
      .from(merchants)
      .where(eq(merchants.id, c.merchantId));
    ev = { ...ev, data: { ...ev.data, merchantName: m?.name ?? '' } };
  }
  for (const p of planned) {
    const recipients =
      p.audience === 'complainant'
        ? [await complainantRecipient(tx, c)]
        : await staffRecipients(tx, c, p.audience);
    for (const r of recipients) {
      const vars = nodeVars(p.node, c, ev, r.locale, r.timeZone);
      for (const channel of channelsOf(p.node)) {
        const to = r.address[channel];
        if (!to || !switches.get(`${p.node}:${channel}`)) continue;
        const who = p.audience === 'complainant' ? '' : `:${r.userId}`;
        const key = `${complaintId}:${p.node}:${p.occurrence}:${channel}${who}`;
        if (channel === 'in_app') {
          await writeInApp(tx, {
            key,
            node: p.node,
            userId: to,
            c,
            vars,
            locale: r.locale,
            staff: p.audience !== 'complainant',
            at: ev.at,
          });
          continue;
        }
        await tx
          .insert(outbox)
          .values({
            idempotencyKey: key,
            node: p.node,
            channel,
            complaintId,
            userId: r.userId,
            recipient: to,
            locale: r.locale,
            timeZone: r.timeZone,
            priority: c.priority,
            vars,
            nextAttemptAt: ev.at,
            createdAt: ev.at,
          })
          .onConflictDoNothing({ target: outbox.idempotencyKey });
      }
    }
  }
}

async function writeInApp(
  tx: Tx,
  m: {
    key: string;
    node: NotifyNode;
    userId: string;
    c: ComplaintFacts;
    vars: Record<string, string>;
    locale: Locale;
    staff: boolean;
    at: Date;
  },
): Promise<void> {
  const link = m.staff ? `/console/complaints/${m.c.number}` : `/complaints/${m.c.number}`;
  const t = await effectiveTemplate(tx, m.node, 'in_app', m.locale);
  const vars = { ...m.vars, link };
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: m.userId,
      dedupeKey: m.key,
      node: m.node,
      complaintNumber: m.c.number,
      title: renderTemplate(t.subject ?? '', vars),
      body: renderTemplate(t.body, vars),
      link,
      createdAt: m.at,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  if (row) {
    await tx.execute(
      sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify({ userId: m.userId, id: row.id })})`,
    );
  }
}
