// The progress report (进度报告): what the complainant may see of the case — its public timeline,
// stage, estimate and evidence with hashes — gathered for the PDF. Emailed every 48 h while the
// case is open and downloadable from the portal at any time.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../server/db/client.js';
import { complaintEvents, complaints, evidenceRecords } from '../../server/db/schema.js';
import { maskPiiInText } from '../../server/lib/masking.js';
import {
  STATUS_EXPLANATIONS,
  STATUS_LABELS,
  type ComplaintStatus,
} from '../../shared/complaints.js';
import type { Locale } from '../../shared/errors.js';
import { eventTitle } from './event-labels.js';
import { renderProgressReport } from './pdf/progress-report.js';
import type { ProgressReportData } from './pdf/types.js';

export async function progressReportData(
  db: Queryable,
  complaintId: string,
  locale: Locale,
  timeZone: string,
  now: Date,
): Promise<ProgressReportData> {
  const [c] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!c) throw new Error(`complaint ${complaintId} not found`);
  const en = locale === 'en';
  const pick = (t: { zh: string; en: string }) => (en ? t.en : t.zh);
  const events = await db
    .select()
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.internal, false)))
    .orderBy(asc(complaintEvents.seq));
  const evidence = await db
    .select()
    .from(evidenceRecords)
    .where(eq(evidenceRecords.complaintId, complaintId))
    .orderBy(asc(evidenceRecords.seq));
  const status = c.status as ComplaintStatus;
  return {
    locale,
    timeZone,
    number: c.number,
    categoryName: pick(c.rules.categoryName),
    typeName: pick(c.rules.typeName),
    statusLabel: pick(STATUS_LABELS[status]),
    currentStage: pick(STATUS_EXPLANATIONS[status]),
    filedAt: c.createdAt,
    acceptedAt: c.acceptedAt,
    estimatedCompletion: c.estimatedCompletionAt,
    estimateNote: c.estimatedCompletionAt
      ? null
      : en
        ? 'No estimate can be given yet.'
        : '暂时无法给出预计完成时间。',
    timeline: events.map((e) => ({
      at: e.createdAt,
      title: eventTitle(e.type, e.action, en),
      // Opinions are shown masked, as everywhere else outside the staff reveal.
      detail: e.opinion ? maskPiiInText(e.opinion) : null,
    })),
    evidence: evidence.map((r) => ({
      name: r.name,
      sha256: r.sha256,
      sizeBytes: r.size,
      receivedAt: r.uploadedAt,
    })),
    generatedAt: now,
  };
}

export async function progressReportPdf(
  db: Db,
  complaintId: string,
  locale: Locale,
  timeZone: string,
  now: Date,
): Promise<Buffer> {
  return renderProgressReport(await progressReportData(db, complaintId, locale, timeZone, now));
}
