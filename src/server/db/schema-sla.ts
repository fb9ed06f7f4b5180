// Stage 4 tables: business calendars, SLA policies, clocks (stored due times, DESIGN.md rule 6),
// escalation rules as data, the firings that make them idempotent, supervisors' alerts and the
// second teams asked to assist (跨部门协查).
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalText } from '../../shared/text.js';
import type {
  EscalationAction,
  EscalationCondition,
  EscalationMatch,
  RegionExtra,
  SlaDuration,
  WorkingInterval,
} from '../../shared/sla.js';
import { complaints, teams, users } from './schema.js';

const tstz = (name: string) => timestamp(name, { withTimezone: true });

export const businessCalendars = pgTable('business_calendars', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalText>().notNull(),
  timeZone: text('time_zone').notNull(),
  /** Monday-first working intervals per weekday. */
  week: jsonb('week').$type<WorkingInterval[][]>().notNull(),
  makeUpHours: jsonb('make_up_hours').$type<WorkingInterval[]>().notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** A year the calendar has official data for; a year without a row is refused, not guessed. */
export const calendarYears = pgTable(
  'calendar_years',
  {
    calendarCode: text('calendar_code')
      .notNull()
      .references(() => businessCalendars.code, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    source: text('source').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.calendarCode, t.year] })],
);

/** Exceptions to the week: statutory holidays and 调休 make-up working days. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    calendarCode: text('calendar_code')
      .notNull()
      .references(() => businessCalendars.code, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.calendarCode, t.day] }),
    check('calendar_days_kind_check', sql`${t.kind} in ('holiday','workday')`),
  ],
);

/** An admin's SLA policy for a type ('' = the category's default); absent = catalogue defaults. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    categoryCode: text('category_code').notNull(),
    typeCode: text('type_code').notNull().default(''),
    calendarCode: text('calendar_code')
      .notNull()
      .references(() => businessCalendars.code),
    firstResponse: jsonb('first_response').$type<SlaDuration | null>(),
    resolution: jsonb('resolution').$type<SlaDuration | null>(),
    hardMax: jsonb('hard_max').$type<SlaDuration | null>(),
    warnFraction: real('warn_fraction').notNull().default(0.75),
    regionExtras: jsonb('region_extras').$type<RegionExtra[]>().notNull().default([]),
    repeatTarget: jsonb('repeat_target').$type<SlaDuration | null>(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.categoryCode, t.typeCode] }),
    check('sla_policies_warn_check', sql`${t.warnFraction} > 0 and ${t.warnFraction} < 1`),
  ],
);

/** Escalation rules: condition → actions, edited by admins (issue 5 §4). */
export const escalationRules = pgTable(
  'escalation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalText>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    position: integer('position').notNull().default(0),
    match: jsonb('match').$type<EscalationMatch>().notNull().default({}),
    condition: jsonb('condition').$type<EscalationCondition>().notNull(),
    actions: jsonb('actions').$type<EscalationAction[]>().notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('escalation_rules_code_key').on(t.code)],
);

/**
 * A clock: an SLA target (first_response, resolution, hard_max) or an elapsed-time escalation
 * rule's timer (kind 'rule'). Stored as due times; `next_fire_at` is the next instant the sweeper
 * must look at it (warning or due), null when nothing is pending — the partial index makes a
 * sweep cost what is due, not what is open.
 */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    ruleId: uuid('rule_id').references(() => escalationRules.id, { onDelete: 'cascade' }),
    /** 0 for the first round; an appeal starts round 1 of the resolution clocks. */
    cycle: integer('cycle').notNull().default(0),
    /** null = wall-clock hours (24×7). */
    calendarCode: text('calendar_code').references(() => businessCalendars.code),
    target: jsonb('target').$type<SlaDuration>().notNull(),
    /** The target as working (or wall) milliseconds on the clock's measure. */
    budgetMs: bigint('budget_ms', { mode: 'number' }).notNull(),
    warnFraction: real('warn_fraction'),
    /** Whether awaiting_materials / an external transfer stops this clock. */
    pausable: boolean('pausable').notNull().default(true),
    state: text('state').notNull(),
    startedAt: tstz('started_at').notNull(),
    /** Start of the current running stretch; null while paused or stopped. */
    runningSince: tstz('running_since'),
    /** Measured time used before `running_since`. */
    consumedMs: bigint('consumed_ms', { mode: 'number' }).notNull().default(0),
    pausedAt: tstz('paused_at'),
    warnAt: tstz('warn_at'),
    dueAt: tstz('due_at'),
    nextFireAt: tstz('next_fire_at'),
    warnedAt: tstz('warned_at'),
    breachedAt: tstz('breached_at'),
    metAt: tstz('met_at'),
    /** Why the clock has no due time, e.g. 'calendar_year_missing:2027' (said loudly, never guessed). */
    problem: text('problem'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('sla_clocks_next_fire_idx')
      .on(t.nextFireAt)
      .where(sql`${t.nextFireAt} is not null`),
    index('sla_clocks_complaint_idx').on(t.complaintId),
    uniqueIndex('sla_clocks_identity_key').on(
      t.complaintId,
      t.kind,
      t.cycle,
      sql`coalesce(${t.ruleId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check(
      'sla_clocks_kind_check',
      sql`${t.kind} in ('first_response','resolution','hard_max','rule')`,
    ),
    check(
      'sla_clocks_state_check',
      sql`${t.state} in ('running','paused','warning','breached','met','cancelled')`,
    ),
  ],
);

/** A rule applied to a clock: the primary key is what makes a rule fire once, however many sweepers. */
export const escalationFirings = pgTable(
  'escalation_firings',
  {
    clockId: bigint('clock_id', { mode: 'number' })
      .notNull()
      .references(() => slaClocks.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => escalationRules.id, { onDelete: 'cascade' }),
    /** 'warning' or 'breached' for SLA clocks; 'due' for rule timers. */
    event: text('event').notNull(),
    firedAt: tstz('fired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clockId, t.ruleId, t.event] })],
);

/** 升级提醒 for supervisors (e.g. no progress for 3 working days). */
export const escalationAlerts = pgTable(
  'escalation_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id').references(() => escalationRules.id, { onDelete: 'set null' }),
    ruleCode: text('rule_code').notNull(),
    ruleName: jsonb('rule_name').$type<LocalText>().notNull(),
    createdAt: tstz('created_at').notNull(),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  },
  (t) => [
    index('escalation_alerts_open_idx')
      .on(t.createdAt)
      .where(sql`${t.acknowledgedAt} is null`),
    index('escalation_alerts_complaint_idx').on(t.complaintId),
  ],
);

/** A second team asked to help with a case (跨部门协查); its members may see it and add notes. */
export const complaintAssistTeams = pgTable(
  'complaint_assist_teams',
  {
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: tstz('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.complaintId, t.teamId] }),
    index('complaint_assist_teams_team_idx').on(t.teamId),
  ],
);
