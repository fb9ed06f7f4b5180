// Complaint contracts shared by the server's route schemas and the web app (SPEC "Lifecycle",
// "Intake and evidence", "Notifications and tracking").
import type {
  CollectiveSummary,
  ExternalCase,
  LinkedComplaint,
  MerchantPhase,
  Remedy,
  ResolutionMethod,
  TeamHead,
} from './cases.js';
import type { Priority, RequiredEvidence, RequiredField, SlaSpec } from './catalog.js';
import type { ComplaintSla, ExpressTier, PressState, SlaBadge } from './sla.js';
import type { LocalText } from './text.js';

export const COMPLAINT_STATUSES = [
  'submitted',
  'accepted',
  'reviewing',
  'investigating',
  'awaiting_materials',
  'transferred',
  'resolved',
  'appealed',
  'reconsidering',
  'rejected',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** States in which the case is still being worked (the duplicate check and "open" filters). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'submitted',
  'accepted',
  'reviewing',
  'investigating',
  'awaiting_materials',
  'transferred',
  'appealed',
  'reconsidering',
];

/** Plain-words name of each stage, as the complainant sees it. */
export const STATUS_LABELS: Record<ComplaintStatus, LocalText> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  reviewing: { zh: '审核中', en: 'Under review' },
  investigating: { zh: '调查中', en: 'Being investigated' },
  awaiting_materials: { zh: '待补充材料', en: 'Waiting for your materials' },
  transferred: { zh: '已转办', en: 'Transferred' },
  resolved: { zh: '处理完成', en: 'Resolved' },
  appealed: { zh: '申诉中', en: 'Appeal filed' },
  reconsidering: { zh: '复议中', en: 'Under reconsideration' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  closed: { zh: '已结案', en: 'Closed' },
};

/** What each stage means for the complainant, in one sentence. */
export const STATUS_EXPLANATIONS: Record<ComplaintStatus, LocalText> = {
  submitted: {
    zh: '您的投诉已提交，正在等待受理。',
    en: 'Your complaint has been submitted and is waiting to be accepted.',
  },
  accepted: {
    zh: '您的投诉已受理，将由专员审核。',
    en: 'Your complaint has been accepted and will be reviewed by an agent.',
  },
  reviewing: {
    zh: '专员正在审核您提交的信息和证据。',
    en: 'An agent is reviewing the information and evidence you provided.',
  },
  investigating: {
    zh: '专员正在调查核实，必要时会联系相关方。',
    en: 'An agent is investigating and may contact the parties involved.',
  },
  awaiting_materials: {
    zh: '需要您补充材料，补充后将继续处理（等待期间处理时限暂停）。',
    en: 'We need more materials from you; work continues once you supply them.',
  },
  transferred: {
    zh: '已转交相关部门或平台处理。',
    en: 'Passed to the responsible team or platform.',
  },
  resolved: {
    zh: '已给出处理意见。如有异议，可在 7 天内申诉。',
    en: 'A decision has been made. You may appeal within 7 days.',
  },
  appealed: {
    zh: '您的申诉已提交，将由另一位专员复议。',
    en: 'Your appeal has been filed and will be reconsidered by a different agent.',
  },
  reconsidering: {
    zh: '另一位专员正在复议。',
    en: 'A different agent is reconsidering the decision.',
  },
  rejected: {
    zh: '该投诉不予受理，原因见处理意见。',
    en: 'The complaint was not accepted; see the reason.',
  },
  closed: { zh: '投诉已结案。', en: 'The complaint is closed.' },
};

export const CHANNELS = [
  'web',
  'assistant',
  'wechat',
  'email',
  'phone',
  'api',
  'merchant_api',
  'external',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Actions of the lifecycle state machine (src/modules/complaints/lifecycle.ts). */
export const COMPLAINT_ACTIONS = [
  'accept',
  'review',
  'investigate',
  'request_materials',
  'supply_materials',
  'transfer',
  'return_from_transfer',
  'resolve',
  'reject',
  'appeal',
  'start_reconsideration',
  'close',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** Actions staff make through POST /complaints/{number}/transitions. */
export const STAFF_TRANSITIONS = [
  'review',
  'investigate',
  'transfer',
  'return_from_transfer',
  'resolve',
  'reject',
  'start_reconsideration',
  'close',
] as const satisfies readonly ComplaintAction[];
export type StaffTransition = (typeof STAFF_TRANSITIONS)[number];

/** Limits from SPEC "Intake and evidence". */
export const DESCRIPTION_MAX = 200;
export const DEMAND_MAX = 100;
export const OPINION_MAX = 1000;
export const APPEAL_WINDOW_DAYS = 7;
export const MAX_FILES_PER_SUBMISSION = 3;
export const HISTORY_DEFAULT_DAYS = 90;
export const HISTORY_MAX_DAYS = 180;

export type ActorKind = 'complainant' | 'staff' | 'token' | 'system';

export interface Actor {
  kind: ActorKind;
  /** Role at the time (complainant, agent, …); null for the system. */
  role: string | null;
  /** Display name: staff names, "您"/the complainant's masked name, or 系统. */
  name: string;
}

export type TimelineEventType =
  | 'filed'
  | 'transition'
  | 'materials_requested'
  | 'materials_supplied'
  | 'evidence_added'
  | 'repeat_filing'
  | 'rated'
  | 'flagged'
  // Stage 3: case handling.
  | 'assigned'
  | 'reassigned'
  | 'escalated'
  | 'note'
  | 'reply'
  | 'tags_changed'
  | 'pii_revealed'
  | 'merchant_transfer'
  | 'merchant_reply'
  | 'remedy_proposed'
  | 'remedy_accepted'
  | 'remedy_refused'
  | 'arbitration'
  | 'external_transfer'
  | 'external_update'
  | 'linked'
  | 'unlinked'
  | 'collective_joined'
  | 'collective_left'
  | 'collective_update'
  | 'call'
  // Stage 4: SLA clocks and escalation.
  | 'pressed'
  | 'sla_warning'
  | 'sla_breached'
  | 'supervisors_alerted'
  | 'express_tier'
  | 'regulator_copied'
  | 'assist_team_added';

export interface TimelineEvent {
  seq: number;
  type: TimelineEventType;
  at: string;
  actor: Actor;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  action: ComplaintAction | null;
  /** The handling opinion or reason given with the event (masked). */
  opinion: string | null;
  /** Event-specific facts, e.g. {"items":[…]} for a materials request, {"files":3}. */
  data: Record<string, unknown>;
}

export interface EvidenceItem {
  seq: number;
  sha256: string;
  size: number;
  mime: string;
  kind: 'image' | 'document' | 'video';
  name: string;
  durationSeconds: number | null;
  /** The checklist item it answers, when the uploader said. */
  evidenceKey: string | null;
  uploadedAt: string;
  uploadedBy: 'complainant' | 'staff' | 'token';
  /** Hash of this record in the complaint's chain (hex). */
  recordHash: string;
  /** Download path under /api/v1. */
  url: string;
}

export interface EvidenceVerification {
  valid: boolean;
  records: number;
  /** Seq of the first record whose file or record hash does not match; null when valid. */
  firstBadRecord: number | null;
  /** Why it is bad: 'file_missing' | 'file_changed' | 'record_changed' | 'chain_broken'. */
  problem: string | null;
  checkedAt: string;
}

export interface MaterialRequest {
  id: string;
  items: string[];
  note: string | null;
  requestedAt: string;
  requestedBy: string;
  fulfilledAt: string | null;
}

/** The rules a complaint was filed under, kept even if the catalogue changes later. */
export interface RulesSnapshot {
  categoryCode: string;
  categoryName: LocalText;
  typeCode: string;
  typeName: LocalText;
  priority: Priority;
  requiredFields: RequiredField[];
  requiredEvidence: RequiredEvidence[];
  sla: SlaSpec;
}

export interface ComplaintSummary {
  number: string;
  status: ComplaintStatus;
  statusLabel: LocalText;
  categoryCode: string;
  categoryName: LocalText;
  typeCode: string;
  typeName: LocalText;
  priority: Priority;
  channel: Channel;
  /** Masked. */
  description: string;
  /** Masked complainant name (staff views only; null for complainants). */
  complainantName: string | null;
  flags: string[];
  /** Labels such as 紧急, 证据已补充 (staff and merchant views; [] for complainants). */
  tags: string[];
  /** Optimistic version: send it back with a change; an older one is refused with 409. */
  version: number;
  /** The queue and the person working it (staff views; null for complainants and merchants). */
  team: TeamHead | null;
  assignee: { id: string; name: string } | null;
  /** The headline SLA clock: colour and remaining working time (staff views; null otherwise). */
  sla: SlaBadge | null;
  /** Express complaints' tier 1 → 2 → 3 (staff views; null for other categories). */
  expressTier: ExpressTier | null;
  createdAt: string;
  updatedAt: string;
}

export interface ComplaintDetail extends ComplaintSummary {
  demand: string;
  /** Type-specific field values (masked where they are personal data). */
  fields: Record<string, string>;
  contact: { name: string; phone: string | null; email: string | null };
  rules: RulesSnapshot;
  stage: { label: LocalText; explanation: LocalText };
  latestOpinion: { text: string; at: string; by: string } | null;
  /** The resolution clock's due time on the business calendar (while paused: if work resumed now). */
  estimatedCompletion: { at: string; basis: 'sla' } | null;
  openMaterialRequest: MaterialRequest | null;
  appeal: {
    /** End of the 7-day appeal window, when resolved. */
    deadline: string | null;
    canAppeal: boolean;
    appealedAt: string | null;
  };
  rating: { score: number; comment: string | null; at: string } | null;
  canRate: boolean;
  /** How many times the person re-filed this while it was open (each linked here, not new). */
  repeatCount: number;
  timeline: TimelineEvent[];
  evidence: EvidenceItem[];
  /** What the caller may do now (drives the buttons in portal and console). */
  allowedActions: ComplaintAction[];
  /** Whether the caller may upload evidence now. */
  canUploadEvidence: boolean;
  language: string;
  /** The merchant the case was passed to, its phase, deadline and remedies (null if none). */
  merchant: {
    id: string;
    name: string;
    shop: string | null;
    phase: MerchantPhase | null;
    replyDueAt: string | null;
    firstReplyAt: string | null;
    remedies: Remedy[];
  } | null;
  /** Where the case is on external platforms (12315 …); the complainant sees these too. */
  externalCases: ExternalCase[];
  collective: CollectiveSummary | null;
  /** Related complaints (staff views only). */
  links: LinkedComplaint[];
  resolutionMethod: ResolutionMethod | null;
  escalatedAt: string | null;
  /** Every SLA clock of the case (staff views; null for complainants and merchants). */
  slaClocks: ComplaintSla | null;
  /** 催办: how often the complainant pressed, and whether they may again (once per 48 h). */
  press: PressState;
  /** Second teams asked to assist (跨部门协查; staff views, [] otherwise). */
  assistTeams: TeamHead[];
}

export interface ComplaintList {
  items: ComplaintSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** The time window applied, so the UI can say "last 90 days"; null when unbounded (staff). */
  from: string | null;
  to: string | null;
}

export interface FilingResult {
  complaint: ComplaintDetail;
  /** True when this filing was linked to an open complaint instead of creating a new one. */
  linkedToExisting: boolean;
  /** Shown to the person when linkedToExisting (localised). */
  notice: string | null;
}

export interface TypeSuggestion {
  categoryCode: string;
  typeCode: string;
  categoryName: LocalText;
  typeName: LocalText;
  score: number;
}
