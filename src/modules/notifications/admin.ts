// Admins' side: saving, resetting and previewing templates, switching nodes per channel, and
// the outbox with its dead letters and the "retry" that gives one a fresh set of attempts.
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import {
  complaints,
  notificationSwitches,
  notificationTemplates,
  outbox,
} from '../../server/db/schema.js';
import { AppError } from '../../server/lib/errors.js';
import { maskEmail, maskPhone } from '../../server/lib/masking.js';
import type { Locale } from '../../shared/errors.js';
import {
  channelsOf,
  varsOf,
  type NotifyChannel,
  type NotifyNode,
  type OutboxStatus,
  type OutboxView,
  type SwitchView,
  type TemplateView,
} from '../../shared/notifications.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { defaultTemplate } from './default-templates.js';
import { nodeVars } from './queue.js';
import { emailHtml, renderTemplate } from './render.js';
import { checkTemplate, listTemplates } from './templates.js';
import { fieldError } from '../../server/lib/errors.js';

export { listTemplates };

export async function saveTemplate(
  db: Db,
  key: { node: NotifyNode; channel: NotifyChannel; locale: Locale },
  input: { subject?: string | null; body: string },
  actor: AuditActor,
  now: Date,
): Promise<TemplateView> {
  const t = checkTemplate(key.node, key.channel, input);
  return db.transaction(async (tx) => {
    const set = { subject: t.subject, body: t.body, updatedBy: actor.name, updatedAt: now };
    await tx
      .insert(notificationTemplates)
      .values({ ...key, ...set })
      .onConflictDoUpdate({
        target: [
          notificationTemplates.node,
          notificationTemplates.channel,
          notificationTemplates.locale,
        ],
        set,
      });
    await recordAudit(tx, {
      actor,
      action: 'notification_template.save',
      targetType: 'notification_template',
      targetId: `${key.node}/${key.channel}/${key.locale}`,
      data: { subject: t.subject, body: t.body },
      at: now,
    });
    return {
      ...key,
      locale: key.locale,
      ...t,
      customised: true,
      updatedBy: actor.name,
      updatedAt: now.toISOString(),
    };
  });
}

export async function resetTemplate(
  db: Db,
  key: { node: NotifyNode; channel: NotifyChannel; locale: Locale },
  actor: AuditActor,
  now: Date,
): Promise<TemplateView> {
  if (!channelsOf(key.node).includes(key.channel)) throw fieldError('channel', 'invalid_value');
  await db.transaction(async (tx) => {
    await tx
      .delete(notificationTemplates)
      .where(
        and(
          eq(notificationTemplates.node, key.node),
          eq(notificationTemplates.channel, key.channel),
          eq(notificationTemplates.locale, key.locale),
        ),
      );
    await recordAudit(tx, {
      actor,
      action: 'notification_template.reset',
      targetType: 'notification_template',
      targetId: `${key.node}/${key.channel}/${key.locale}`,
      at: now,
    });
  });
  const t = defaultTemplate(key.node, key.channel, key.locale);
  return { ...key, ...t, customised: false, updatedBy: null, updatedAt: null };
}

export async function setSwitch(
  db: Db,
  key: { node: NotifyNode; channel: NotifyChannel },
  enabled: boolean,
  actor: AuditActor,
  now: Date,
): Promise<SwitchView> {
  if (!channelsOf(key.node).includes(key.channel)) throw fieldError('channel', 'invalid_value');
  await db.transaction(async (tx) => {
    const set = { enabled, updatedBy: actor.name, updatedAt: now };
    await tx
      .insert(notificationSwitches)
      .values({ ...key, ...set })
      .onConflictDoUpdate({
        target: [notificationSwitches.node, notificationSwitches.channel],
        set,
      });
    await recordAudit(tx, {
      actor,
      action: 'notification_switch.set',
      targetType: 'notification_switch',
      targetId: `${key.node}/${key.channel}`,
      data: { enabled },
      at: now,
    });
  });
  // The admin's choice is now stored, even when it matches the shipped default.
  return { ...key, enabled, customised: true };
}

const SAMPLE: Record<string, string> = {
  number: 'TS20251011-000123-7',
  typeName: '丢件',
  statusLabel: '调查中',
  name: '张三',
  link: 'https://redress.example.com/t/…',
  estimate: '2025年10月14日 18:00',
  items: '1. 快递面单照片；2. 商品价值证明',
  note: '请上传清晰的照片',
  outcome: '处理完成',
  opinion: '经核实，快递公司已同意按保价金额赔付。',
  appealUntil: '2025年10月21日 10:00',
  receiptCode: 'K7QM-2D9X-HT4C',
  reason: '赔付金额低于商品实际价值',
  merchantName: '示例旗舰店',
  reply: '您好，已为您安排补发。',
  platform: '12315',
  externalNumber: '1100202510110001',
  clock: 'resolution',
  reportNo: '2',
  stage: '专员正在调查核实。',
  by: '系统分派',
  pressCount: '1',
  files: '2',
  rule: '受理后 48 小时未处理',
};

export async function previewTemplate(
  db: Db,
  input: {
    node: NotifyNode;
    channel: NotifyChannel;
    locale: Locale;
    subject?: string | null;
    body: string;
    number?: string;
  },
) {
  const t = checkTemplate(input.node, input.channel, input);
  const vars: Record<string, string> = {};
  for (const v of varsOf(input.node)) vars[v] = SAMPLE[v] ?? v;
  if (input.number) {
    const [c] = await db
      .select()
      .from(complaints)
      .where(eq(complaints.number, input.number.trim()));
    if (!c) throw fieldError('number', 'not_found_value');
    // The complaint's own values replace the samples; a value it does not have (a complaint
    // with no materials request has no items) keeps its sample, so the preview still reads.
    const real = nodeVars(
      input.node,
      c,
      {
        seq: 0,
        type: 'preview',
        action: null,
        fromStatus: null,
        toStatus: null,
        internal: false,
        opinion: c.latestOpinion,
        data: {},
        at: new Date(),
      },
      input.locale,
      'Asia/Shanghai',
    );
    for (const [k, v] of Object.entries(real)) if (v !== '') vars[k] = v;
  }
  const subject = t.subject === null ? null : renderTemplate(t.subject, vars);
  const body = renderTemplate(t.body, vars);
  const html =
    input.channel === 'email'
      ? emailHtml({
          title: subject ?? '',
          text: body,
          link: vars.link ?? null,
          buttonLabel: input.locale === 'en' ? 'Follow your complaint' : '查看处理进度',
          footer: '',
        })
      : null;
  return { subject, body, html, vars };
}

function maskRecipient(channel: string, to: string): string {
  if (channel === 'sms') return maskPhone(to);
  if (channel === 'email') return maskEmail(to);
  if (channel === 'wechat') return `${to.slice(0, 4)}…`;
  return 'in-app';
}

export async function listOutbox(
  db: Db,
  q: { status?: OutboxStatus; channel?: NotifyChannel; number?: string; limit?: number },
): Promise<{ items: OutboxView[]; counts: Record<string, number> }> {
  const where: SQL[] = [];
  if (q.status) where.push(eq(outbox.status, q.status));
  if (q.channel) where.push(eq(outbox.channel, q.channel));
  if (q.number) where.push(eq(complaints.number, q.number.trim()));
  const rows = await db
    .select({ o: outbox, number: complaints.number })
    .from(outbox)
    .leftJoin(complaints, eq(complaints.id, outbox.complaintId))
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(q.limit ?? 50);
  const countRows = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .groupBy(outbox.status);
  return {
    items: rows.map(({ o, number }) => presentOutbox(o, number)),
    counts: Object.fromEntries(countRows.map((r) => [r.status, r.n])),
  };
}

export function presentOutbox(o: typeof outbox.$inferSelect, number: string | null): OutboxView {
  return {
    id: o.id,
    node: o.node as NotifyNode,
    channel: o.channel as NotifyChannel,
    complaintNumber: number,
    recipient: maskRecipient(o.channel, o.recipient),
    status: o.status as OutboxStatus,
    attempts: o.attempts,
    maxAttempts: o.maxAttempts,
    nextAttemptAt: o.nextAttemptAt.toISOString(),
    lastError: o.lastError,
    deferredReason: o.deferredReason,
    createdAt: o.createdAt.toISOString(),
    sentAt: o.sentAt?.toISOString() ?? null,
  };
}

/** A dead letter goes back in the queue with a fresh set of attempts (audited). */
export async function retryOutbox(
  db: Db,
  id: number,
  actor: AuditActor,
  now: Date,
): Promise<OutboxView> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, id)).for('update');
    if (!row) throw new AppError('outbox_not_found');
    if (row.status !== 'dead' && row.status !== 'suppressed') {
      throw new AppError('outbox_not_retryable');
    }
    const [updated] = await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, deferredReason: null })
      .where(eq(outbox.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'outbox.retry',
      targetType: 'outbox',
      targetId: String(id),
      data: { node: row.node, channel: row.channel, lastError: row.lastError },
      at: now,
    });
    const [c] = row.complaintId
      ? await tx
          .select({ number: complaints.number })
          .from(complaints)
          .where(eq(complaints.id, row.complaintId))
      : [];
    return presentOutbox(updated!, c?.number ?? null);
  });
}
