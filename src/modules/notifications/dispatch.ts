// The outbox's read side. A worker claims due messages with FOR UPDATE SKIP LOCKED and a lease
// (status 'sending', locked_until), commits the claim, sends, then marks the row — guarded by
// its own worker id, so a worker whose lease ran out cannot overwrite the one that took over.
// A worker killed mid-send leaves the row 'sending'; when the lease ends the row is due again
// and goes out under the same idempotency key (the email's Message-ID, the SMS session context).
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { outbox } from '../../server/db/schema.js';
import type { Clock } from '../../server/lib/clock.js';
import { maskPiiInText } from '../../server/lib/masking.js';
import type { Locale } from '../../shared/errors.js';
import type { NotifyChannel, NotifyNode } from '../../shared/notifications.js';
import type { Channels } from './channels/index.js';
import { ChannelError } from './channels/types.js';
import { linkKey, trackingLink } from './links.js';
import { backoffMs, quietHoursEnd } from './policy.js';
import { emailHtml, renderTemplate } from './render.js';
import { effectiveTemplate } from './templates.js';
import { progressReportPdf } from './progress-report.js';
import { ensureReceipt } from './receipts.js';

export interface DispatchDeps {
  db: Db;
  clock: Clock;
  channels: Channels;
  publicUrl: string;
  log?: { warn(obj: object, msg: string): void };
  workerId?: string;
  /** How long a claim lasts; a send must finish (or time out) well within it. */
  leaseMs?: number;
  random?: () => number;
  /** Tests: called after the provider accepted a message and before it is marked sent. */
  afterSend?: (id: number) => Promise<void>;
}

type OutboxRow = typeof outbox.$inferSelect;

export interface DispatchResult {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
  deferred: number;
  suppressed: number;
}

const DEFAULT_LEASE_MS = 120_000;

function rowOf(r: Record<string, unknown>): OutboxRow {
  const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: Number(r.id),
    idempotencyKey: r.idempotency_key as string,
    node: r.node as string,
    channel: r.channel as string,
    complaintId: (r.complaint_id as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    recipient: r.recipient as string,
    locale: r.locale as string,
    timeZone: r.time_zone as string,
    priority: r.priority as string,
    vars: r.vars as Record<string, string>,
    status: r.status as string,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    nextAttemptAt: d(r.next_attempt_at)!,
    lockedUntil: d(r.locked_until),
    lockedBy: (r.locked_by as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    deferredReason: (r.deferred_reason as string | null) ?? null,
    providerMessageId: (r.provider_message_id as string | null) ?? null,
    createdAt: d(r.created_at)!,
    sentAt: d(r.sent_at),
  };
}

/** Claims up to `limit` due messages for this worker (committed before anything is sent). */
export async function claimOutbox(
  db: Db,
  now: Date,
  workerId: string,
  leaseMs: number,
  limit: number,
): Promise<OutboxRow[]> {
  // A lease that ran out means its worker died or hung: the message is due again.
  await db.execute(sql`
    UPDATE outbox SET status = 'pending', locked_by = NULL, locked_until = NULL,
           next_attempt_at = LEAST(next_attempt_at, ${now})
    WHERE status = 'sending' AND locked_until < ${now}`);
  const r = await db.execute(sql`
    UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_by = ${workerId},
           locked_until = ${new Date(now.getTime() + leaseMs)}
    WHERE id IN (
      SELECT id FROM outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`);
  return (r.rows as Record<string, unknown>[]).map(rowOf).sort((a, b) => a.id - b.id);
}

async function finish(
  db: Db,
  id: number,
  workerId: string,
  set: {
    status: string;
    nextAttemptAt?: Date;
    lastError?: string | null;
    deferredReason?: string | null;
    sentAt?: Date;
    providerMessageId?: string | null;
    undoAttempt?: boolean;
  },
): Promise<void> {
  await db.execute(sql`
    UPDATE outbox SET status = ${set.status},
      next_attempt_at = coalesce(${set.nextAttemptAt ?? null}::timestamptz, next_attempt_at),
      last_error = ${set.lastError ?? null},
      deferred_reason = ${set.deferredReason ?? null},
      sent_at = coalesce(${set.sentAt ?? null}::timestamptz, sent_at),
      provider_message_id = coalesce(${set.providerMessageId ?? null}, provider_message_id),
      attempts = attempts - ${set.undoAttempt ? 1 : 0},
      locked_by = NULL, locked_until = NULL
    WHERE id = ${id} AND locked_by = ${workerId}`);
}

const BUTTON: Record<Locale, string> = { 'zh-CN': '查看处理进度', en: 'Follow your complaint' };
const FOOTER: Record<Locale, string> = {
  'zh-CN': '这是 Redress 投诉受理平台的服务通知，请勿直接回复。链接 90 天内有效。',
  en: 'A service message from the Redress complaint service; please do not reply. Links last 90 days.',
};

type Outcome = { sent: true; providerMessageId: string | null } | { sent: false; reason: string };

const suppress = (reason: string): Outcome => ({ sent: false, reason });
const done = (providerMessageId: string | null): Outcome => ({ sent: true, providerMessageId });

async function deliver(deps: DispatchDeps, row: OutboxRow, now: Date): Promise<Outcome> {
  const node = row.node as NotifyNode;
  const channel = row.channel as NotifyChannel;
  const locale: Locale = row.locale === 'en' ? 'en' : 'zh-CN';
  const vars = { ...row.vars };
  const key = await linkKey(deps.db);
  vars.link = trackingLink(deps.publicUrl, key, vars.number ?? '', now);
  const attachments: { filename: string; content: Buffer; contentType: string }[] = [];
  if ((node === 'result' || node === 'appeal_decided') && row.complaintId) {
    const receipt = await ensureReceipt(
      { db: deps.db, clock: deps.clock, publicUrl: deps.publicUrl },
      row.complaintId,
      node === 'result' ? 0 : 1,
    );
    vars.receiptCode = receipt.code;
    if (channel === 'email') {
      attachments.push({
        filename: `receipt-${vars.number}.pdf`,
        content: receipt.pdf,
        contentType: 'application/pdf',
      });
    }
  }
  if (node === 'progress_report' && row.complaintId && channel === 'email') {
    const pdf = await progressReportPdf(deps.db, row.complaintId, locale, row.timeZone, now);
    attachments.push({
      filename: `progress-${vars.number}-${vars.reportNo ?? '1'}.pdf`,
      content: pdf,
      contentType: 'application/pdf',
    });
  }
  const t = await effectiveTemplate(deps.db, node, channel, locale);
  const body = renderTemplate(t.body, vars);
  const subject = renderTemplate(t.subject ?? '', vars);
  const c = deps.channels;
  switch (channel) {
    case 'sms': {
      if (!c.sms) return suppress('no SMS provider configured (SMS_PROVIDER)');
      const r = await c.sms.send({
        to: row.recipient,
        node,
        text: body,
        vars,
        idempotencyKey: row.idempotencyKey,
      });
      return done(r.providerMessageId);
    }
    case 'email': {
      if (!c.email) return suppress('no SMTP server configured (SMTP_URL)');
      const html = emailHtml({
        title: subject,
        text: body,
        link: vars.link,
        buttonLabel: BUTTON[locale],
        footer: FOOTER[locale],
      });
      const r = await c.email.send({
        to: row.recipient,
        subject,
        text: `${body}\n\n--\n${FOOTER[locale]}`,
        html,
        attachments,
        idempotencyKey: row.idempotencyKey,
      });
      return done(r.providerMessageId);
    }
    case 'wechat': {
      if (!c.wechat) return suppress('WeChat is not configured (WECHAT_APP_ID)');
      const r = await c.wechat.send({
        openId: row.recipient,
        node,
        page: vars.link,
        vars: { ...vars, summary: body },
        idempotencyKey: row.idempotencyKey,
      });
      return done(r.providerMessageId);
    }
    default:
      return suppress(`channel ${channel} is delivered in the transaction, not here`);
  }
}

/** One pass: claim what is due, deliver it, record each outcome. */
export async function dispatchOutbox(
  deps: DispatchDeps,
  opts: { limit?: number } = {},
): Promise<DispatchResult> {
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}`;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const random = deps.random ?? Math.random;
  const result: DispatchResult = {
    claimed: 0,
    sent: 0,
    retrying: 0,
    dead: 0,
    deferred: 0,
    suppressed: 0,
  };
  const rows = await claimOutbox(deps.db, deps.clock.now(), workerId, leaseMs, opts.limit ?? 20);
  result.claimed = rows.length;
  for (const row of rows) {
    const now = deps.clock.now();
    if (row.channel === 'sms' && row.priority !== 'red') {
      const until = quietHoursEnd(now, row.timeZone);
      if (until) {
        await finish(deps.db, row.id, workerId, {
          status: 'pending',
          nextAttemptAt: until,
          deferredReason: 'quiet_hours',
          undoAttempt: true,
        });
        result.deferred++;
        continue;
      }
    }
    try {
      const outcome = await deliver(deps, row, now);
      if (!outcome.sent) {
        await finish(deps.db, row.id, workerId, {
          status: 'suppressed',
          lastError: outcome.reason,
        });
        result.suppressed++;
        continue;
      }
      await deps.afterSend?.(row.id);
      await finish(deps.db, row.id, workerId, {
        status: 'sent',
        sentAt: deps.clock.now(),
        providerMessageId: outcome.providerMessageId,
      });
      result.sent++;
    } catch (err) {
      const retryable = err instanceof ChannelError ? err.retryable : true;
      const message = maskPiiInText(err instanceof Error ? err.message : String(err)).slice(0, 500);
      const final = !retryable || row.attempts >= row.maxAttempts;
      deps.log?.warn(
        { outboxId: row.id, channel: row.channel, attempt: row.attempts, final, error: message },
        'notification delivery failed',
      );
      await finish(deps.db, row.id, workerId, {
        status: final ? 'dead' : 'pending',
        nextAttemptAt: new Date(deps.clock.now().getTime() + backoffMs(row.attempts, random)),
        lastError: message,
      });
      if (final) result.dead++;
      else result.retrying++;
    }
  }
  return result;
}
