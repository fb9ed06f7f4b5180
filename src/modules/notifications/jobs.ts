// Background work of the notifications module: delivering the outbox, the 48-hourly progress
// reports, and drawing receipts. Each handler is idempotent (see the notes on each).
import { eq, lte } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import {
  complaints,
  notificationPreferences,
  outbox,
  progressReportSchedule,
  users,
} from '../../server/db/schema.js';
import type { Clock } from '../../server/lib/clock.js';
import type { JobDefinition } from '../../server/jobs/runner.js';
import {
  OPEN_STATUSES,
  STATUS_EXPLANATIONS,
  STATUS_LABELS,
  type ComplaintStatus,
} from '../../shared/complaints.js';
import type { Locale } from '../../shared/errors.js';
import type { Channels } from './channels/index.js';
import { dispatchOutbox } from './dispatch.js';
import { formatWhen, REPORT_INTERVAL_MS } from './queue.js';
import { ensureReceipt } from './receipts.js';
import { effectiveSwitches } from './templates.js';

export interface NotificationsJobDeps {
  db: Db;
  clock: Clock;
  channels: Channels;
  publicUrl: string;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Queues the progress reports that fell due. A due row is claimed (SKIP LOCKED) and moved on
 * 48 h from now in the same transaction as the outbox insert, whose key includes the report
 * number: running twice cannot queue a report twice. After downtime one report goes out, not
 * one per missed period.
 */
export async function queueProgressReports(
  deps: { db: Db; clock: Clock },
  limit = 200,
): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({
        complaintId: progressReportSchedule.complaintId,
        sent: progressReportSchedule.sent,
      })
      .from(progressReportSchedule)
      .where(lte(progressReportSchedule.nextAt, now))
      .orderBy(progressReportSchedule.nextAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const switches = await effectiveSwitches(tx);
    const on = switches.get('progress_report:email') ?? false;
    let queued = 0;
    for (const d of due) {
      const [c] = await tx.select().from(complaints).where(eq(complaints.id, d.complaintId));
      const open = c && (OPEN_STATUSES as readonly string[]).includes(c.status);
      if (!c || !open) {
        await tx
          .delete(progressReportSchedule)
          .where(eq(progressReportSchedule.complaintId, d.complaintId));
        continue;
      }
      const reportNo = d.sent + 1;
      await tx
        .update(progressReportSchedule)
        .set({ nextAt: new Date(now.getTime() + REPORT_INTERVAL_MS), sent: reportNo })
        .where(eq(progressReportSchedule.complaintId, d.complaintId));
      const [p] = await tx
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, c.complainantId));
      if (!on || !c.contact.email || p?.email === false) continue;
      const [u] = await tx
        .select({ locale: users.locale })
        .from(users)
        .where(eq(users.id, c.complainantId));
      const locale: Locale = u?.locale === 'en' ? 'en' : 'zh-CN';
      const timeZone = p?.timeZone ?? 'Asia/Shanghai';
      const en = locale === 'en';
      const status = c.status as ComplaintStatus;
      const vars = {
        number: c.number,
        typeName: en ? c.rules.typeName.en : c.rules.typeName.zh,
        statusLabel: en ? STATUS_LABELS[status].en : STATUS_LABELS[status].zh,
        name: c.contact.name,
        reportNo: String(reportNo),
        estimate: formatWhen(c.estimatedCompletionAt, locale, timeZone),
        stage: en ? STATUS_EXPLANATIONS[status].en : STATUS_EXPLANATIONS[status].zh,
      };
      const r = await tx
        .insert(outbox)
        .values({
          idempotencyKey: `${c.id}:progress_report:${reportNo}:email`,
          node: 'progress_report',
          channel: 'email',
          complaintId: c.id,
          userId: c.complainantId,
          recipient: c.contact.email,
          locale,
          timeZone,
          priority: c.priority,
          vars,
          nextAttemptAt: now,
          createdAt: now,
        })
        .onConflictDoNothing({ target: outbox.idempotencyKey })
        .returning({ id: outbox.id });
      queued += r.length;
    }
    return queued;
  });
}

export function notificationsJobs(deps: NotificationsJobDeps): JobDefinition[] {
  return [
    {
      name: 'notifications.dispatch',
      // Every 3 s; a pass claims what is due under SKIP LOCKED, so workers share the outbox.
      everySeconds: 3,
      lockSeconds: 600,
      async handler(_payload, ctx) {
        for (let round = 0; round < 20; round++) {
          const r = await dispatchOutbox(deps, { limit: 20 });
          if (r.claimed > 0) ctx.log.info(r, 'notifications delivered');
          if (r.claimed < 20) break;
        }
      },
    },
    {
      name: 'notifications.progress_reports',
      everySeconds: 60,
      async handler(_payload, ctx) {
        const n = await queueProgressReports(deps);
        if (n > 0) ctx.log.info({ queued: n }, 'progress reports queued');
      },
    },
    {
      name: 'notifications.issue_receipt',
      // One receipt per complaint and cycle (unique index); a second run finds the first.
      async handler(payload: { complaintId: string; cycle: number }) {
        await ensureReceipt(deps, payload.complaintId, payload.cycle);
      },
    },
  ];
}
