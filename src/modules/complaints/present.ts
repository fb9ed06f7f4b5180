// How a complaint is shown: masked personal data everywhere, staff names replaced by their role
// for the complainant, and the actions the viewer may take now.
import { maskEmail, maskIdNumber, maskPhone, maskPiiInText } from '../../server/lib/masking.js';
import {
  OPEN_STATUSES,
  STATUS_EXPLANATIONS,
  STATUS_LABELS,
  type Channel,
  type ComplaintDetail,
  type ComplaintStatus,
  type ComplaintSummary,
  type EvidenceItem,
  type TimelineEvent,
  type TimelineEventType,
} from '../../shared/complaints.js';
import type { Locale } from '../../shared/errors.js';
import { can } from '../../shared/roles.js';
import type { Priority } from '../../shared/catalog.js';
import type { LocalText } from '../../shared/text.js';
import type { TeamHead } from '../../shared/cases.js';
import {
  PRESS_INTERVAL_HOURS,
  type ComplaintSla,
  type ExpressTier,
  type PressState,
} from '../../shared/sla.js';
import { badgeOf } from '../sla/index.js';
import type { Actor } from './actor.js';
import type { CaseParts } from './case-parts.js';
import { availableActions } from './lifecycle.js';
import type { ComplaintRow, EventRow, MaterialRequestRow } from './repository.js';
import { factsOf } from './transition.js';

/**
 * Who is looking: the owner, staff, the merchant the case was passed to, or someone tracking by
 * number + contact without login.
 */
export type Viewer =
  | { kind: 'owner'; actor: Actor }
  | { kind: 'staff'; actor: Actor }
  | { kind: 'merchant'; actor: Actor }
  | { kind: 'tracker' };

/** The queue and handler shown in summaries (staff only). */
export interface SummaryHeads {
  team: TeamHead | null;
  assignee: { id: string; name: string } | null;
  /** Every SLA clock of the case (src/modules/sla), when loaded. */
  sla?: ComplaintSla | null;
}
const NO_HEADS: SummaryHeads = { team: null, assignee: null };

const PRESS_INTERVAL_MS = PRESS_INTERVAL_HOURS * 3600_000;

/** 催办: the owner may press an open case once per 48 h (SPEC). */
export function pressState(row: ComplaintRow, viewer: Pick<Viewer, 'kind'>, now: Date): PressState {
  const next = row.lastPressedAt ? new Date(row.lastPressedAt.getTime() + PRESS_INTERVAL_MS) : null;
  const open = OPEN_STATUSES.includes(row.status as ComplaintStatus);
  return {
    count: row.pressCount,
    lastAt: row.lastPressedAt?.toISOString() ?? null,
    nextAllowedAt: open && next && next > now ? next.toISOString() : null,
    canPress: viewer.kind === 'owner' && open && (!next || next <= now),
  };
}

const ROLE_NAMES: Record<string, LocalText> = {
  agent: { zh: '客服专员', en: 'Agent' },
  expert: { zh: '专家坐席', en: 'Expert' },
  supervisor: { zh: '主管', en: 'Supervisor' },
  admin: { zh: '管理员', en: 'Administrator' },
  merchant: { zh: '商户', en: 'Merchant' },
};
const SYSTEM_NAME: LocalText = { zh: '系统', en: 'System' };
const YOU: LocalText = { zh: '您', en: 'You' };
const COMPLAINANT: LocalText = { zh: '投诉人', en: 'Complainant' };
const HANDLER: LocalText = { zh: '处理专员', en: 'Case handler' };

const pick = (t: LocalText, locale: Locale) => (locale === 'en' ? t.en : t.zh);

function actorName(e: EventRow, viewer: Viewer, locale: Locale): string {
  if (e.actorKind === 'system') return pick(SYSTEM_NAME, locale);
  if (e.actorKind === 'complainant') {
    return viewer.kind === 'staff'
      ? e.actorName
      : pick(viewer.kind === 'owner' ? YOU : COMPLAINANT, locale);
  }
  // A merchant sees its own people by name; everyone else by role.
  if (viewer.kind === 'merchant' && e.actorRole === 'merchant') return e.actorName;
  // Staff see colleagues by name; complainants see the role, not the person.
  if (viewer.kind === 'staff') return e.actorName;
  return pick(ROLE_NAMES[e.actorRole ?? ''] ?? SYSTEM_NAME, locale);
}

function maskData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string') out[k] = maskPiiInText(v);
    else if (Array.isArray(v))
      out[k] = v.map((x) => (typeof x === 'string' ? maskPiiInText(x) : x));
    else out[k] = v;
  }
  return out;
}

export function presentEvent(e: EventRow, viewer: Viewer, locale: Locale): TimelineEvent {
  return {
    seq: e.seq,
    type: e.type as TimelineEventType,
    at: e.createdAt.toISOString(),
    actor: {
      kind: e.actorKind as TimelineEvent['actor']['kind'],
      role: e.actorRole,
      name: actorName(e, viewer, locale),
    },
    fromStatus: (e.fromStatus as ComplaintStatus | null) ?? null,
    toStatus: (e.toStatus as ComplaintStatus | null) ?? null,
    action: (e.action as TimelineEvent['action']) ?? null,
    opinion: e.opinion ? maskPiiInText(e.opinion) : null,
    data: maskData(e.data),
  };
}

function maskField(kind: string | undefined, value: string): string {
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'id_number') return maskIdNumber(value);
  if (kind === 'email') return maskEmail(value);
  return maskPiiInText(value);
}

export function presentSummary(
  row: ComplaintRow,
  viewer: Pick<Viewer, 'kind'>,
  heads: SummaryHeads = NO_HEADS,
): ComplaintSummary {
  const staff = viewer.kind === 'staff';
  return {
    number: row.number,
    status: row.status as ComplaintStatus,
    statusLabel: STATUS_LABELS[row.status as ComplaintStatus],
    categoryCode: row.categoryCode,
    categoryName: row.rules.categoryName,
    typeCode: row.typeCode,
    typeName: row.rules.typeName,
    priority: row.priority as Priority,
    channel: row.channel as Channel,
    description: maskPiiInText(row.description),
    complainantName: staff ? row.contact.name : null,
    flags: staff ? row.flags : [],
    tags: staff || viewer.kind === 'merchant' ? row.tags : [],
    version: row.version,
    team: staff ? heads.team : null,
    assignee: staff ? heads.assignee : null,
    sla: staff ? badgeOf(heads.sla ?? undefined) : null,
    expressTier: staff ? ((row.expressTier as ExpressTier | null) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Whether the viewer may upload evidence to the complaint now. */
export function mayUpload(row: ComplaintRow, viewer: Viewer, now: Date): boolean {
  const status = row.status as ComplaintStatus;
  if (viewer.kind === 'tracker' || viewer.kind === 'merchant') return false;
  if (viewer.kind === 'staff') {
    return (
      viewer.actor.appRole !== null &&
      can(viewer.actor.appRole, 'complaints.work') &&
      status !== 'closed' &&
      status !== 'rejected'
    );
  }
  if (OPEN_STATUSES.includes(status)) return true;
  // New evidence for an appeal: after the result, within the window, before appealing.
  return (
    status === 'resolved' &&
    row.appealedAt === null &&
    !!row.appealDeadline &&
    now <= row.appealDeadline
  );
}

export function mayRate(row: ComplaintRow, viewer: Viewer): boolean {
  return (
    viewer.kind === 'owner' &&
    row.rating === null &&
    (row.status === 'resolved' || row.status === 'closed')
  );
}

export interface DetailParts {
  row: ComplaintRow;
  events: EventRow[];
  evidence: EvidenceItem[];
  request: MaterialRequestRow | undefined;
  parts: CaseParts;
}

export function presentDetail(
  p: DetailParts,
  viewer: Viewer,
  locale: Locale,
  now: Date,
): ComplaintDetail {
  const { row } = p;
  const status = row.status as ComplaintStatus;
  const kinds = new Map(row.rules.requiredFields.map((f) => [f.key, f.kind]));
  // An agent or expert may not act on a case someone else holds (not_assignee), so no buttons.
  const heldByOther =
    viewer.kind === 'staff' &&
    (viewer.actor.appRole === 'agent' || viewer.actor.appRole === 'expert') &&
    viewer.actor.kind === 'staff' &&
    row.assigneeId !== null &&
    row.assigneeId !== viewer.actor.userId;
  const actions =
    viewer.kind === 'tracker' || viewer.kind === 'merchant' || heldByOther
      ? []
      : availableActions(factsOf(row, viewer.actor), viewer.actor, now);
  const staff = viewer.kind === 'staff';
  return {
    ...presentSummary(row, viewer, p.parts),
    demand: maskPiiInText(row.demand),
    fields: Object.fromEntries(
      Object.entries(row.fields).map(([k, v]) => [k, maskField(kinds.get(k), v)]),
    ),
    contact: {
      name: row.contact.name,
      phone: row.contact.phone ? maskPhone(row.contact.phone) : null,
      email: row.contact.email ? maskEmail(row.contact.email) : null,
    },
    rules: row.rules,
    stage: { label: STATUS_LABELS[status], explanation: STATUS_EXPLANATIONS[status] },
    latestOpinion:
      row.latestOpinion && row.latestOpinionAt
        ? {
            text: maskPiiInText(row.latestOpinion),
            at: row.latestOpinionAt.toISOString(),
            by: viewer.kind === 'staff' ? (row.latestOpinionBy ?? '') : pick(HANDLER, locale),
          }
        : null,
    estimatedCompletion: row.estimatedCompletionAt
      ? { at: row.estimatedCompletionAt.toISOString(), basis: 'sla' }
      : null,
    openMaterialRequest:
      p.request && status === 'awaiting_materials'
        ? {
            id: p.request.id,
            items: p.request.items.map(maskPiiInText),
            note: p.request.note ? maskPiiInText(p.request.note) : null,
            requestedAt: p.request.createdAt.toISOString(),
            requestedBy:
              viewer.kind === 'staff' ? p.request.requestedByName : pick(ROLE_NAMES.agent!, locale),
            fulfilledAt: p.request.fulfilledAt?.toISOString() ?? null,
          }
        : null,
    appeal: {
      deadline: row.appealDeadline?.toISOString() ?? null,
      canAppeal: actions.includes('appeal'),
      appealedAt: row.appealedAt?.toISOString() ?? null,
    },
    rating:
      row.rating !== null && row.ratedAt
        ? {
            score: row.rating,
            comment: row.ratingComment ? maskPiiInText(row.ratingComment) : null,
            at: row.ratedAt.toISOString(),
          }
        : null,
    canRate: mayRate(row, viewer),
    repeatCount: row.repeatCount,
    timeline: p.events.map((e) => presentEvent(e, viewer, locale)),
    evidence: p.evidence,
    allowedActions: actions,
    canUploadEvidence: mayUpload(row, viewer, now),
    language: row.language,
    merchant: p.parts.merchant
      ? {
          ...p.parts.merchant,
          remedies: p.parts.merchant.remedies.map((r) => ({
            ...r,
            note: maskPiiInText(r.note),
            responseNote: r.responseNote ? maskPiiInText(r.responseNote) : null,
            proposedBy: staff ? r.proposedBy : pick(ROLE_NAMES.merchant!, locale),
          })),
        }
      : null,
    externalCases: p.parts.externalCases.map((c) => ({
      ...c,
      statusNote: c.statusNote ? maskPiiInText(c.statusNote) : null,
    })),
    collective: p.parts.collective,
    links: staff ? p.parts.links : [],
    resolutionMethod: (row.resolutionMethod as ComplaintDetail['resolutionMethod']) ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    slaClocks: staff ? (p.parts.sla ?? null) : null,
    press: pressState(row, viewer, now),
    assistTeams: staff ? p.parts.assistTeams : [],
  };
}
