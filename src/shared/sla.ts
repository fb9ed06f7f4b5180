// Contracts of Stage 4 (SLA clocks, business calendars, escalation), shared by server and web.
// The maths lives in src/modules/sla/calendar (pure); this file is only shapes and constants.
import type { Priority } from './catalog.js';
import type { LocalText } from './text.js';

/** `hours` are wall-clock hours (24×7); the other two count on the policy's business calendar. */
export const SLA_UNITS = ['hours', 'working_hours', 'working_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export interface SlaDuration {
  value: number;
  unit: SlaUnit;
}

/** Local wall-clock times "HH:mm"; `end` may be "24:00". start < end. */
export interface WorkingInterval {
  start: string;
  end: string;
}

export const DAY_KINDS = ['holiday', 'workday'] as const;
/** holiday: no work on a day that would be a working day; workday: 调休 make-up working day. */
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDay {
  /** YYYY-MM-DD in the calendar's time zone. */
  date: string;
  kind: DayKind;
  /** e.g. 国庆节, 国庆节调休上班 */
  name: string;
}

/** A year the calendar knows; a year without one of these is refused, never guessed. */
export interface CalendarYear {
  year: number;
  /** Where the dates come from, e.g. the State Council notice's title and date. */
  source: string;
  days: CalendarDay[];
}

export interface BusinessCalendar {
  code: string;
  name: LocalText;
  /** IANA zone, e.g. Asia/Shanghai, America/New_York. */
  timeZone: string;
  /** Working intervals per ISO weekday, Monday first (index 0 = Monday … 6 = Sunday). */
  week: WorkingInterval[][];
  /** Hours worked on a 调休 make-up day (a weekend day turned working day). */
  makeUpHours: WorkingInterval[];
  years: CalendarYear[];
}

export interface CalendarSummary {
  code: string;
  name: LocalText;
  timeZone: string;
  week: WorkingInterval[][];
  makeUpHours: WorkingInterval[];
  years: { year: number; source: string; holidays: number; workdays: number }[];
  updatedAt: string;
}

/** The calendar that ships with China's statutory holidays and 调休 (2024–2026). */
export const CN_CALENDAR = 'cn-mainland';

/** Extra working days for complaints from a region (cross-border), matched on the country field. */
export interface RegionExtra {
  code: string;
  name: LocalText;
  /** Country/region names as complainants type them (中文 and English), matched case-insensitively. */
  countries: string[];
  extraWorkingDays: number;
}

export interface SlaPolicy {
  categoryCode: string;
  /** '' = the default for every type of the category without its own policy. */
  typeCode: string;
  calendarCode: string;
  firstResponse: SlaDuration | null;
  resolution: SlaDuration | null;
  hardMax: SlaDuration | null;
  /** Fraction of the target after which the clock warns (0.75 = at 75 % of the time). */
  warnFraction: number;
  regionExtras: RegionExtra[];
  /** A repeat complaint (the same person re-filing the same issue) is expedited to this target. */
  repeatTarget: SlaDuration | null;
  /**
   * default: derived from the catalogue's seed figures; custom: saved by an admin for this row;
   * category: a type without its own row, following the default an admin saved for its category.
   */
  source: 'default' | 'category' | 'custom';
  updatedAt: string | null;
}

export const CLOCK_KINDS = ['first_response', 'resolution', 'hard_max'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_STATES = [
  'running',
  'paused',
  'warning',
  'breached',
  'met',
  'cancelled',
] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** Colour shown for a clock: green on track, yellow warning, red breached, grey paused/stopped. */
export type ClockColour = 'green' | 'yellow' | 'red' | 'grey';

export const CLOCK_COLOUR: Record<ClockState, ClockColour> = {
  running: 'green',
  warning: 'yellow',
  breached: 'red',
  paused: 'grey',
  met: 'grey',
  cancelled: 'grey',
};

export interface ClockView {
  kind: ClockKind;
  state: ClockState;
  colour: ClockColour;
  target: SlaDuration;
  calendarCode: string | null;
  startedAt: string;
  dueAt: string | null;
  warnAt: string | null;
  /** Working (or wall, for `hours`) milliseconds left; negative = overdue by that much. */
  remainingMs: number | null;
  pausedSince: string | null;
  metAt: string | null;
  breachedAt: string | null;
  /** Why there is no due time, e.g. 'calendar_year_missing:2027' (the calendar lacks that year). */
  problem: string | null;
}

/** The headline clock (the first one not yet met) plus all of them. */
export interface ComplaintSla {
  state: ClockState | null;
  colour: ClockColour | null;
  headline: ClockView | null;
  clocks: ClockView[];
}

/** What lists show per row. */
export interface SlaBadge {
  kind: ClockKind;
  state: ClockState;
  colour: ClockColour;
  dueAt: string | null;
  remainingMs: number | null;
}

export interface SlaPreviewRequest {
  calendar: string;
  start: string;
  add: { workingDays?: number; workingHours?: number; hours?: number };
}

export interface SlaPreviewResponse {
  due: string;
  calendar: string;
  timeZone: string;
  /** Non-working days the span crossed (holidays and weekends), and make-up days it counted. */
  skipped: { date: string; name: string }[];
  counted: { date: string; name: string }[];
}

// ---- escalation rules (data, not code paths) ----

export const EXPRESS_TIERS = [1, 2, 3] as const;
export type ExpressTier = (typeof EXPRESS_TIERS)[number];
export const EXPRESS_TIER_LABELS: Record<ExpressTier, LocalText> = {
  1: { zh: '一级投诉（末端网点）', en: 'Tier 1 (local outlet)' },
  2: { zh: '二级投诉（省级分公司）', en: 'Tier 2 (provincial branch)' },
  3: { zh: '三级投诉（抄送邮政管理部门）', en: 'Tier 3 (postal regulator copied)' },
};

export interface EscalationMatch {
  categories?: string[];
  types?: string[];
  priorities?: Priority[];
}

export type EscalationCondition =
  | {
      trigger: 'elapsed';
      /** accepted: since acceptance; last_progress: since the last staff action on the case. */
      since: 'accepted' | 'last_progress';
      after: SlaDuration;
      /** Stop waiting once staff have first responded (the "untreated" rule). */
      untilTreated: boolean;
    }
  | { trigger: 'clock'; clock: ClockKind; state: 'warning' | 'breached' };

export const ESCALATION_ACTIONS = [
  'escalate_to_expert',
  'set_priority',
  'add_tag',
  'alert_supervisors',
  'set_express_tier',
  'copy_regulator',
] as const;
export type EscalationActionKind = (typeof ESCALATION_ACTIONS)[number];

export type EscalationAction =
  | { do: 'escalate_to_expert' }
  | { do: 'set_priority'; priority: Priority }
  | { do: 'add_tag'; tag: string }
  /** Supervisors get an alert (升级提醒); they may add a second team (跨部门协查). */
  | { do: 'alert_supervisors' }
  | { do: 'set_express_tier'; tier: ExpressTier }
  | { do: 'copy_regulator' };

export interface EscalationRule {
  id: string;
  code: string;
  name: LocalText;
  enabled: boolean;
  position: number;
  match: EscalationMatch;
  condition: EscalationCondition;
  actions: EscalationAction[];
  updatedAt: string;
}

export interface EscalationAlert {
  id: number;
  complaintNumber: string;
  ruleCode: string;
  ruleName: LocalText;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  assistTeams: { code: string; name: LocalText }[];
}

/** The complainant may press (催办) at most once per this many hours (SPEC). */
export const PRESS_INTERVAL_HOURS = 48;
/** A repeat complaint's expedited resolution target (SPEC express: 二次投诉48小时加急). */
export const REPEAT_TARGET_HOURS = 48;
export const DEFAULT_WARN_FRACTION = 0.75;

// ---- API shapes of the SLA admin pages, alerts and 催办 ----

/** One row of the policies page: the policy in force for a type (or a category's default). */
export interface SlaPolicyRow extends SlaPolicy {
  categoryName: LocalText;
  /** null for a category default row (typeCode ''). */
  typeName: LocalText | null;
}

export interface SlaPolicyList {
  policies: SlaPolicyRow[];
}

/** PUT /api/v1/sla/policies: saves an admin policy (applies to complaints accepted from now on). */
export interface SlaPolicyInput {
  categoryCode: string;
  typeCode: string;
  calendarCode: string;
  firstResponse: SlaDuration | null;
  resolution: SlaDuration | null;
  hardMax: SlaDuration | null;
  warnFraction: number;
  regionExtras: RegionExtra[];
  repeatTarget: SlaDuration | null;
}

/** POST/PUT /api/v1/escalation/rules body. */
export interface EscalationRuleInput {
  code: string;
  name: LocalText;
  enabled: boolean;
  position: number;
  match: EscalationMatch;
  condition: EscalationCondition;
  actions: EscalationAction[];
}

export interface EscalationRuleList {
  rules: EscalationRule[];
}

export interface EscalationAlertList {
  alerts: EscalationAlert[];
}

/** The complainant's 催办 state on a complaint (portal), and the answer to POST …/press. */
export interface PressState {
  count: number;
  lastAt: string | null;
  /** When the next press is allowed; null when allowed now (or never: the case is finished). */
  nextAllowedAt: string | null;
  canPress: boolean;
}
