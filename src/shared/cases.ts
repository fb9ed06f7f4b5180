// Case-handling contracts (issue 4, Stage 3): teams and assignment, the agent's tools, merchants,
// external platforms, collective cases, phone calls and the audit log. Shared by the server's
// route schemas and the web app.
import type { Priority } from './catalog.js';
import type { ComplaintStatus } from './complaints.js';
import type { LocalText } from './text.js';

// ---- Teams, people and assignment (src/modules/routing) ----

export interface TeamHead {
  code: string;
  name: LocalText;
}

export interface Team extends TeamHead {
  isExpertSeat: boolean;
  enabled: boolean;
  members: TeamMember[];
  /** Complaints waiting in the queue (no assignee). */
  waiting: number;
  /** Of those, red priority. */
  waitingRed: number;
  /** Open complaints held by members of this team's queue. */
  open: number;
}

export interface TeamMember {
  userId: string;
  name: string;
  role: string;
}

export interface WorkingHours {
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  /** 'HH:MM', China time. */
  start: string;
  end: string;
  /** Round the clock: days/start/end do not apply. */
  alwaysOn: boolean;
}

export interface AgentProfile {
  userId: string;
  name: string;
  role: string;
  teams: TeamHead[];
  capacity: number;
  skills: string[];
  languages: string[];
  hours: WorkingHours;
  absentFrom: string | null;
  absentUntil: string | null;
  /** Open complaints assigned now. */
  load: number;
  /** Whether the assigner would give this person work right now (working, not absent, below capacity). */
  available: boolean;
}

/** Statuses that count against a person's capacity (work in their hands). */
export const LOAD_STATUSES: readonly ComplaintStatus[] = [
  'submitted',
  'accepted',
  'reviewing',
  'investigating',
  'awaiting_materials',
  'appealed',
  'reconsidering',
];

export interface RoutingRule {
  categoryCode: string;
  /** '' = the whole category. */
  typeCode: string;
  teamCode: string;
}

export interface AssignmentRun {
  assigned: number;
  /** Complaints still waiting because nobody can take them. */
  waiting: number;
}

// ---- The agent's tools (src/modules/complaints, src/modules/macros) ----

/** Tags the system sets; staff may add their own short tags too. */
export const SYSTEM_TAGS = {
  urgent: '紧急',
  evidenceAdded: '证据已补充',
  arbitration: '平台仲裁',
  collective: '集体投诉',
  external: '已转外部平台',
  escalated: '已升级',
} as const;
export const TAG_MAX = 12;
export const TAGS_MAX = 10;
export const NOTE_MAX = 2000;
export const REPLY_MAX = 2000;

/** Fields whose clear value a permitted staff member may reveal (audited). */
export const REVEALABLE_FIELDS = ['contact.name', 'contact.phone', 'contact.email'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number] | `fields.${string}`;

export interface RevealResult {
  field: string;
  value: string;
  /** Audit entry id recording this read. */
  auditId: number;
}

/** Variables a macro body may use as {{name}}. */
export const MACRO_VARIABLES = [
  'number',
  'complainant',
  'agent',
  'category',
  'type',
  'status',
  'estimate',
  'today',
] as const;
export type MacroVariable = (typeof MACRO_VARIABLES)[number];

export interface Macro {
  id: string;
  title: string;
  body: string;
  teamCode: string | null;
  enabled: boolean;
  updatedAt: string;
}

// ---- Merchants (src/modules/merchants) ----

export const MERCHANT_TIERS = ['standard', 'gold', 'flagship'] as const;
export type MerchantTier = (typeof MERCHANT_TIERS)[number];
/** Default first-reply deadline per tier, hours (SPEC: merchant first reply < 24 h). */
export const TIER_REPLY_HOURS: Record<MerchantTier, number> = {
  standard: 24,
  gold: 12,
  flagship: 6,
};
/** How long the complainant has to accept or refuse a remedy before it goes to arbitration *(ours)*. */
export const REMEDY_RESPONSE_HOURS = 72;

export const MERCHANT_PHASES = [
  'awaiting_reply',
  'replied',
  'remedy_proposed',
  'remedy_accepted',
  'remedy_refused',
  'arbitration',
  'arbitrated',
] as const;
export type MerchantPhase = (typeof MERCHANT_PHASES)[number];

export const REMEDY_KINDS = ['refund', 'reship', 'compensation'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export const REMEDY_STATUSES = ['proposed', 'accepted', 'refused', 'expired'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];

export interface Merchant {
  id: string;
  name: string;
  tier: MerchantTier;
  replyHours: number;
  shops: { id: string; name: string }[];
}

export interface Remedy {
  id: string;
  kind: RemedyKind;
  /** Yuan, two decimals as a string ("12.50"); null for a reship. */
  amount: string | null;
  note: string;
  proposedAt: string;
  proposedBy: string;
  respondBy: string;
  status: RemedyStatus;
  respondedAt: string | null;
  responseNote: string | null;
}

export type ResolutionMethod = 'service' | 'merchant' | 'arbitration';

// ---- External platforms (src/modules/external) ----

export interface ExternalPlatform {
  code: string;
  name: LocalText;
  enabled: boolean;
}

/** Statuses an external platform reports; `returned`, `resolved` and `closed` hand the case back. */
export const EXTERNAL_STATUSES = [
  'transferred',
  'accepted',
  'processing',
  'resolved',
  'closed',
  'returned',
] as const;
export type ExternalStatus = (typeof EXTERNAL_STATUSES)[number];
export const EXTERNAL_STATUS_LABELS: Record<ExternalStatus, LocalText> = {
  transferred: { zh: '已转送', en: 'Sent' },
  accepted: { zh: '对方已受理', en: 'Accepted there' },
  processing: { zh: '对方处理中', en: 'Being handled there' },
  resolved: { zh: '对方已办结', en: 'Resolved there' },
  closed: { zh: '对方已关闭', en: 'Closed there' },
  returned: { zh: '已退回', en: 'Returned' },
};

export interface ExternalCase {
  platform: ExternalPlatform;
  direction: 'outbound' | 'inbound';
  externalNumber: string;
  status: ExternalStatus;
  statusLabel: LocalText;
  statusNote: string | null;
  statusAt: string;
}

export interface ExternalUpdateResult {
  /** 1-based CSV data row (header excluded), or 1 for a single API update. */
  row: number;
  ok: boolean;
  number: string | null;
  error: { code: string; message: string; field?: string } | null;
}

export interface ExternalImportReport {
  total: number;
  applied: number;
  failed: number;
  results: ExternalUpdateResult[];
}

// ---- Links and collective cases (src/modules/collective) ----

export interface LinkedComplaint {
  number: string;
  status: ComplaintStatus;
  statusLabel: LocalText;
  note: string | null;
}

export interface CollectiveSummary {
  id: string;
  number: string;
  title: string;
  status: 'open' | 'closed';
  memberCount: number;
  merchantName: string | null;
  progress: string | null;
  progressAt: string | null;
  createdAt: string;
}

export interface CollectiveCase extends CollectiveSummary {
  members: {
    number: string;
    status: ComplaintStatus;
    statusLabel: LocalText;
    priority: Priority;
    /** Masked. */
    complainantName: string;
  }[];
}

/** The answer to a split: the original case (closed if one complaint was left) and the new one. */
export interface CollectiveSplit {
  original: CollectiveCase;
  /** Null when a single complaint was split off: it is released instead (a case needs two). */
  created: CollectiveCase | null;
}

// ---- Phone calls (src/modules/calls) ----

export interface Call {
  id: string;
  /** Masked. */
  phone: string;
  direction: 'inbound' | 'outbound';
  startedAt: string;
  endedAt: string | null;
  verified: boolean;
  verificationMethod: 'sms_code' | 'complaint_number' | null;
  /** Verification attempts left on this call (5 per call). */
  verifyAttemptsLeft: number;
  /** Whether a person with this phone is known (true/false only until verified). */
  callerKnown: boolean;
  /** The caller's complaints, only once verified; empty before. */
  complaints: {
    number: string;
    status: ComplaintStatus;
    statusLabel: LocalText;
    typeName: LocalText;
    createdAt: string;
  }[];
  /** Numbers of the complaints attached to this call (filed or worked during it). */
  attached: string[];
  note: string | null;
}

// ---- Audit log (src/modules/audit) ----

export interface AuditEntry {
  id: number;
  at: string;
  actor: { kind: string; id: string | null; role: string | null; name: string };
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
}

// ---- Live updates (GET /api/v1/live, server-sent events) ----

/** One `change` event on the live stream: something about this complaint changed. */
export interface LiveChange {
  number: string;
  version: number;
  /** The timeline event type that caused it. */
  type: string;
}
