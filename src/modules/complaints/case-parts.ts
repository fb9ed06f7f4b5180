// The Stage 3 facts shown with a complaint: its queue and handler, the merchant side and its
// remedies, external platform cases, the collective case and related complaints. Read here (the
// tables are the platform's one schema) so one complaint view shows everything about the case.
import { asc, count, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import {
  collectiveCases,
  complaintAssistTeams,
  complaintLinks,
  complaints,
  externalCases,
  externalPlatforms,
  merchantRemedies,
  merchants,
  shops,
  teams,
  users,
} from '../../server/db/schema.js';
import {
  EXTERNAL_STATUS_LABELS,
  type CollectiveSummary,
  type ExternalCase,
  type ExternalStatus,
  type LinkedComplaint,
  type MerchantPhase,
  type RemedyKind,
  type RemedyStatus,
  type TeamHead,
} from '../../shared/cases.js';
import type { ComplaintSla } from '../../shared/sla.js';
import { clocksOf } from '../sla/index.js';
import {
  STATUS_LABELS,
  type ComplaintDetail,
  type ComplaintStatus,
} from '../../shared/complaints.js';
import type { ComplaintRow } from './repository.js';

/** The case facts of a complaint view, before masking for the viewer. */
export type CaseParts = Pick<
  ComplaintDetail,
  'team' | 'assignee' | 'merchant' | 'externalCases' | 'collective' | 'links' | 'assistTeams'
> & { sla: ComplaintSla | null };

/** Fen (分) as yuan with two decimals. */
export function fenToYuan(fen: number | null): string | null {
  return fen === null ? null : (fen / 100).toFixed(2);
}

async function teamAndAssignee(db: Queryable, row: ComplaintRow) {
  const [team] = row.teamId
    ? await db
        .select({ code: teams.code, name: teams.name })
        .from(teams)
        .where(eq(teams.id, row.teamId))
    : [];
  const [assignee] = row.assigneeId
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.id, row.assigneeId))
    : [];
  return { team: team ?? null, assignee: assignee ?? null };
}

async function merchantSide(db: Queryable, row: ComplaintRow): Promise<CaseParts['merchant']> {
  if (!row.merchantId) return null;
  const [m] = await db.select().from(merchants).where(eq(merchants.id, row.merchantId));
  if (!m) return null;
  const [shop] = row.shopId
    ? await db.select({ name: shops.name }).from(shops).where(eq(shops.id, row.shopId))
    : [];
  const remedies = await db
    .select()
    .from(merchantRemedies)
    .where(eq(merchantRemedies.complaintId, row.id))
    .orderBy(asc(merchantRemedies.proposedAt));
  return {
    id: m.id,
    name: m.name,
    shop: shop?.name ?? null,
    phase: (row.merchantPhase as MerchantPhase | null) ?? null,
    replyDueAt: row.merchantReplyDueAt?.toISOString() ?? null,
    firstReplyAt: row.merchantFirstReplyAt?.toISOString() ?? null,
    remedies: remedies.map((r) => ({
      id: r.id,
      kind: r.kind as RemedyKind,
      amount: fenToYuan(r.amountFen),
      note: r.note,
      proposedAt: r.proposedAt.toISOString(),
      proposedBy: r.proposedByName,
      respondBy: r.respondBy.toISOString(),
      status: r.status as RemedyStatus,
      respondedAt: r.respondedAt?.toISOString() ?? null,
      responseNote: r.responseNote,
    })),
  };
}

async function external(db: Queryable, row: ComplaintRow): Promise<ExternalCase[]> {
  const rows = await db
    .select({ c: externalCases, p: externalPlatforms })
    .from(externalCases)
    .innerJoin(externalPlatforms, eq(externalPlatforms.code, externalCases.platformCode))
    .where(eq(externalCases.complaintId, row.id))
    .orderBy(asc(externalCases.createdAt));
  return rows.map(({ c, p }) => presentExternalCase(c, p));
}

/** An external platform case as every view shows it (the external module's answers too). */
export function presentExternalCase(
  c: typeof externalCases.$inferSelect,
  p: typeof externalPlatforms.$inferSelect,
): ExternalCase {
  return {
    platform: { code: p.code, name: p.name, enabled: p.enabled },
    direction: c.direction as ExternalCase['direction'],
    externalNumber: c.externalNumber,
    status: c.status as ExternalStatus,
    statusLabel: EXTERNAL_STATUS_LABELS[c.status as ExternalStatus],
    statusNote: c.statusNote,
    statusAt: c.statusAt.toISOString(),
  };
}

export async function collectiveSummary(
  db: Queryable,
  collectiveId: string,
): Promise<CollectiveSummary | null> {
  const [c] = await db
    .select({ c: collectiveCases, merchantName: merchants.name })
    .from(collectiveCases)
    .leftJoin(merchants, eq(merchants.id, collectiveCases.merchantId))
    .where(eq(collectiveCases.id, collectiveId));
  if (!c) return null;
  const [n] = await db
    .select({ n: count() })
    .from(complaints)
    .where(eq(complaints.collectiveId, collectiveId));
  return {
    id: c.c.id,
    number: c.c.number,
    title: c.c.title,
    status: c.c.status as CollectiveSummary['status'],
    memberCount: n?.n ?? 0,
    merchantName: c.merchantName,
    progress: c.c.progress,
    progressAt: c.c.progressAt?.toISOString() ?? null,
    createdAt: c.c.createdAt.toISOString(),
  };
}

async function links(db: Queryable, row: ComplaintRow): Promise<LinkedComplaint[]> {
  const pairs = await db
    .select()
    .from(complaintLinks)
    .where(or(eq(complaintLinks.complaintA, row.id), eq(complaintLinks.complaintB, row.id)));
  if (pairs.length === 0) return [];
  const other = new Map(
    pairs.map((p) => [p.complaintA === row.id ? p.complaintB : p.complaintA, p.note]),
  );
  const rows = await db
    .select({ id: complaints.id, number: complaints.number, status: complaints.status })
    .from(complaints)
    .where(inArray(complaints.id, [...other.keys()]))
    .orderBy(asc(complaints.number));
  return rows.map((r) => ({
    number: r.number,
    status: r.status as ComplaintStatus,
    statusLabel: STATUS_LABELS[r.status as ComplaintStatus],
    note: other.get(r.id) ?? null,
  }));
}

async function assistTeamsOf(db: Queryable, row: ComplaintRow): Promise<TeamHead[]> {
  return db
    .select({ code: teams.code, name: teams.name })
    .from(complaintAssistTeams)
    .innerJoin(teams, eq(teams.id, complaintAssistTeams.teamId))
    .where(eq(complaintAssistTeams.complaintId, row.id))
    .orderBy(asc(complaintAssistTeams.addedAt));
}

export async function loadCaseParts(
  db: Queryable,
  row: ComplaintRow,
  now: Date,
): Promise<CaseParts> {
  const [ta, merchant, ext, collective, linked, assistTeams, sla] = await Promise.all([
    teamAndAssignee(db, row),
    merchantSide(db, row),
    external(db, row),
    row.collectiveId ? collectiveSummary(db, row.collectiveId) : Promise.resolve(null),
    links(db, row),
    assistTeamsOf(db, row),
    clocksOf(db, [row.id], now),
  ]);
  return {
    ...ta,
    merchant,
    externalCases: ext,
    collective,
    links: linked,
    assistTeams,
    sla: sla.get(row.id) ?? null,
  };
}
