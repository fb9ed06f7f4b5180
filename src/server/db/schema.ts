// The one database schema. `npm run db:generate` turns changes here into a new versioned SQL
// migration under ./migrations; landed migrations are never edited (DESIGN.md rule 11).
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalText } from '../../shared/text.js';
import type { RequiredEvidence, RequiredField, SlaSpec } from '../../shared/catalog.js';
import type { RulesSnapshot } from '../../shared/complaints.js';
import type { SlaPolicy } from '../../shared/sla.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const merchants = pgTable(
  'merchants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    /** Merchant tier (src/shared/cases.ts MERCHANT_TIERS); sets the default first-reply deadline. */
    tier: text('tier').notNull().default('standard'),
    /** Hours the merchant has for its first reply to a complaint passed to it (< 24 by default). */
    replyHours: integer('reply_hours').notNull().default(24),
    createdAt: createdAt(),
  },
  (t) => [
    check('merchants_tier_check', sql`${t.tier} in ('standard','gold','flagship')`),
    check('merchants_reply_hours_check', sql`${t.replyHours} between 1 and 168`),
  ],
);

/** A merchant's shops (店铺): complaints name the shop; the merchant sees complaints against its shops. */
export const shops = pgTable(
  'shops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('shops_name_key').on(t.name), index('shops_merchant_idx').on(t.merchantId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    /** Lower-cased. */
    email: text('email'),
    /** Digits only, mainland mobile. */
    phone: text('phone'),
    passwordHash: text('password_hash'),
    merchantId: uuid('merchant_id').references(() => merchants.id),
    locale: text('locale').notNull().default('zh-CN'),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_phone_key').on(t.phone),
    index('users_role_idx').on(t.role),
    check(
      'users_role_check',
      sql`${t.role} in ('complainant','agent','expert','supervisor','merchant','admin')`,
    ),
    check('users_status_check', sql`${t.status} in ('active','disabled')`),
    check('users_contact_check', sql`${t.email} is not null or ${t.phone} is not null`),
    check('users_merchant_check', sql`(${t.role} = 'merchant') = (${t.merchantId} is not null)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value; the cookie value itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** SHA-256 of the token (tokens are 256-bit random, so a fast hash is enough). */
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    check(
      'api_tokens_role_check',
      sql`${t.role} in ('agent','expert','supervisor','merchant','admin')`,
    ),
  ],
);

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Normalised phone digits or lower-cased email. */
    target: text('target').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('otp_codes_target_idx').on(t.target, t.createdAt),
    index('otp_codes_expires_idx').on(t.expiresAt),
  ],
);

export const catalogCategories = pgTable('catalog_categories', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalText>().notNull(),
  description: jsonb('description').$type<LocalText>().notNull(),
  accepted: boolean('accepted').notNull().default(true),
  refusalGuidance: jsonb('refusal_guidance').$type<LocalText | null>(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const catalogTypes = pgTable(
  'catalog_types',
  {
    code: text('code').primaryKey(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => catalogCategories.code, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalText>().notNull(),
    priority: text('priority').notNull(),
    requiredFields: jsonb('required_fields').$type<RequiredField[]>().notNull(),
    requiredEvidence: jsonb('required_evidence').$type<RequiredEvidence[]>().notNull(),
    sla: jsonb('sla').$type<SlaSpec>().notNull(),
    /** Words people use for this problem, for suggesting the type from free text. */
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_types_category_idx').on(t.categoryCode),
    check('catalog_types_priority_check', sql`${t.priority} in ('red','yellow','green')`),
  ],
);

/** The job queue (src/server/jobs): claimed with FOR UPDATE SKIP LOCKED, ordered by due time. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull().default({}),
    status: text('status').notNull().default('pending'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** At most one unfinished job per key (used for schedules and idempotent enqueues). */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.status} = 'pending'`),
    index('jobs_running_idx')
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'running'`),
    uniqueIndex('jobs_dedupe_key')
      .on(t.dedupeKey)
      .where(sql`${t.status} in ('pending','running')`),
    check('jobs_status_check', sql`${t.status} in ('pending','running','done','failed')`),
  ],
);

const tstz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A complaint (投诉). `rules` is the catalogue entry it was filed under, frozen at filing, so a
 * later catalogue edit never changes an existing case.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** TS{yyyymmdd}-{seq6}-{check}, assigned at acceptance (src/modules/complaints/numbers.ts). */
    number: text('number').notNull(),
    status: text('status').notNull(),
    categoryCode: text('category_code').notNull(),
    typeCode: text('type_code').notNull(),
    rules: jsonb('rules').$type<RulesSnapshot>().notNull(),
    priority: text('priority').notNull(),
    channel: text('channel').notNull(),
    complainantId: uuid('complainant_id')
      .notNull()
      .references(() => users.id),
    /** Name, phone and email given at filing (tracking without login checks against these). */
    contact: jsonb('contact')
      .$type<{ name: string; phone: string | null; email: string | null }>()
      .notNull(),
    description: text('description').notNull(),
    demand: text('demand').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    filedByKind: text('filed_by_kind').notNull(),
    filedById: text('filed_by_id'),
    filedIp: text('filed_ip'),
    flags: text('flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    repeatCount: integer('repeat_count').notNull().default(0),
    acceptedAt: tstz('accepted_at'),
    resolvedAt: tstz('resolved_at'),
    /** 'user:<id>' or 'token:<id>' of whoever gave the current result. */
    resolvedBy: text('resolved_by'),
    appealDeadline: tstz('appeal_deadline'),
    appealedAt: tstz('appealed_at'),
    /** Who gave the result under appeal ('user:<id>'/'token:<id>'): reconsideration must be someone else. */
    appealResolver: text('appeal_resolver'),
    closedAt: tstz('closed_at'),
    estimatedCompletionAt: tstz('estimated_completion_at'),
    latestOpinion: text('latest_opinion'),
    latestOpinionAt: tstz('latest_opinion_at'),
    latestOpinionBy: text('latest_opinion_by'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: tstz('rated_at'),
    /** Optimistic version: every change adds one; a write naming an older version is refused. */
    version: integer('version').notNull().default(1),
    /** The team whose queue holds the case (src/modules/routing). */
    teamId: uuid('team_id').references(() => teams.id),
    /** The person working it; null while it waits in the team queue. */
    assigneeId: uuid('assignee_id').references(() => users.id),
    assignedAt: tstz('assigned_at'),
    /** Language the complainant needs (zh, en, …); cross-border queues match it to members. */
    language: text('language').notNull().default('zh'),
    /** Labels staff see and filter by, e.g. 紧急, 证据已补充, 平台仲裁. */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    escalatedAt: tstz('escalated_at'),
    merchantId: uuid('merchant_id').references(() => merchants.id),
    shopId: uuid('shop_id').references(() => shops.id),
    /** Where the merchant side stands (src/shared/cases.ts MERCHANT_PHASES); null if never passed to one. */
    merchantPhase: text('merchant_phase'),
    merchantReplyDueAt: tstz('merchant_reply_due_at'),
    merchantFirstReplyAt: tstz('merchant_first_reply_at'),
    collectiveId: uuid('collective_id').references(() => collectiveCases.id),
    /** How the result came about: service (our staff), merchant (remedy accepted), arbitration. */
    resolutionMethod: text('resolution_method'),
    /** The headline SLA clock (src/modules/sla), denormalised for lists and filters. */
    slaState: text('sla_state'),
    slaDueAt: tstz('sla_due_at'),
    /** Express complaints climb 1 → 2 → 3 (网点 → 省级分公司 → 抄送监管); null for other categories. */
    expressTier: integer('express_tier'),
    /** Last 催办 by the complainant (at most one per 48 h) and how many so far. */
    lastPressedAt: tstz('last_pressed_at'),
    pressCount: integer('press_count').notNull().default(0),
    /** Last staff action that moved the case on (the "no progress for 3 working days" rule). */
    lastProgressAt: tstz('last_progress_at'),
    /** The SLA policy in force when the case was accepted: a later policy change applies to new cases only. */
    slaPolicy: jsonb('sla_policy').$type<SlaPolicy>(),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('complaints_number_key').on(t.number),
    index('complaints_assignee_idx').on(t.assigneeId, t.status),
    index('complaints_queue_idx')
      .on(t.teamId, t.priority, t.createdAt)
      .where(sql`${t.assigneeId} is null`),
    index('complaints_merchant_idx').on(t.merchantId, t.createdAt),
    index('complaints_collective_idx').on(t.collectiveId),
    index('complaints_merchant_due_idx')
      .on(t.merchantReplyDueAt)
      .where(sql`${t.merchantPhase} = 'awaiting_reply'`),
    check(
      'complaints_merchant_phase_check',
      sql`${t.merchantPhase} is null or ${t.merchantPhase} in ('awaiting_reply','replied','remedy_proposed','remedy_accepted','remedy_refused','arbitration','arbitrated')`,
    ),
    check(
      'complaints_resolution_method_check',
      sql`${t.resolutionMethod} is null or ${t.resolutionMethod} in ('service','merchant','arbitration')`,
    ),
    index('complaints_complainant_idx').on(t.complainantId, t.createdAt),
    index('complaints_created_idx').on(t.createdAt),
    index('complaints_status_idx').on(t.status, t.createdAt),
    index('complaints_filed_ip_idx').on(t.filedIp, t.createdAt),
    index('complaints_sla_idx')
      .on(t.slaState, t.slaDueAt)
      .where(sql`${t.slaState} in ('warning','breached')`),
    check(
      'complaints_sla_state_check',
      sql`${t.slaState} is null or ${t.slaState} in ('running','paused','warning','breached','met','cancelled')`,
    ),
    check(
      'complaints_express_tier_check',
      sql`${t.expressTier} is null or ${t.expressTier} between 1 and 3`,
    ),
    check(
      'complaints_status_check',
      sql`${t.status} in ('submitted','accepted','reviewing','investigating','awaiting_materials','transferred','resolved','appealed','reconsidering','rejected','closed')`,
    ),
    check('complaints_priority_check', sql`${t.priority} in ('red','yellow','green')`),
    check('complaints_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('complaints_description_check', sql`char_length(${t.description}) between 1 and 200`),
  ],
);

/** Per-day sequence behind complaint numbers; the row lock serialises numbering per day. */
export const complaintCounters = pgTable('complaint_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * The processing chain (timeline) of a complaint. Append-only: a trigger in the migrations
 * refuses UPDATE and DELETE.
 */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    action: text('action'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    actorName: text('actor_name').notNull(),
    opinion: text('opinion'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Staff-only events (none yet in Stage 2; internal notes come with Stage 3). */
    internal: boolean('internal').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('complaint_events_seq_key').on(t.complaintId, t.seq)],
);

export const materialRequests = pgTable(
  'material_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    items: jsonb('items').$type<string[]>().notNull(),
    note: text('note'),
    requestedById: text('requested_by_id'),
    requestedByName: text('requested_by_name').notNull(),
    createdAt: createdAt(),
    fulfilledAt: tstz('fulfilled_at'),
    fulfilledNote: text('fulfilled_note'),
  },
  (t) => [index('material_requests_complaint_idx').on(t.complaintId, t.createdAt)],
);

/** Idempotency-Key of POST /complaints, per caller: a retried request returns the first result. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** HTTP status of the first reply (201 new, 200 linked to an open complaint), replayed. */
    status: integer('status').notNull(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Content-addressed evidence files: one row per distinct content, stored as <dir>/aa/bb/<sha256>. */
export const evidenceBlobs = pgTable('evidence_blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: createdAt(),
});

/**
 * Evidence attached to a complaint, as a hash chain: each record's hash covers its facts and the
 * previous record's hash, so any later change to a file or a record is detectable. Append-only.
 */
export const evidenceRecords = pgTable(
  'evidence_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    seq: integer('seq').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceBlobs.sha256),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    durationMs: integer('duration_ms'),
    evidenceKey: text('evidence_key'),
    submissionId: uuid('submission_id').notNull(),
    uploadedAt: tstz('uploaded_at').notNull(),
    uploaderKind: text('uploader_kind').notNull(),
    uploaderId: text('uploader_id'),
    prevHash: text('prev_hash').notNull(),
    recordHash: text('record_hash').notNull(),
  },
  (t) => [
    uniqueIndex('evidence_records_seq_key').on(t.complaintId, t.seq),
    index('evidence_records_sha_idx').on(t.sha256),
    check('evidence_records_kind_check', sql`${t.kind} in ('image','document','video')`),
  ],
);

/** Teams (queues) of people with the skills for some problem types (智能分流转办). */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalText>().notNull(),
    /** The expert seat (专家坐席) takes escalations, appeals and platform arbitration. */
    isExpertSeat: boolean('is_expert_seat').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_code_key').on(t.code)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index('team_members_user_idx').on(t.userId),
  ],
);

/**
 * How much a staff member can take and when: the assigner locks this row (FOR UPDATE) before
 * counting the person's open load, so two assigners never push one person past capacity.
 */
export const agentProfiles = pgTable(
  'agent_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    /** Open complaints the person may hold at once. */
    capacity: integer('capacity').notNull().default(8),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Languages the person works in (zh, en, ms, th, vi, …). */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{zh}'::text[]`),
    /** ISO weekdays (1 = Monday) and China-time hours 'HH:MM' of the person's shift. */
    workDays: integer('work_days')
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5}'::integer[]`),
    workStart: text('work_start').notNull().default('09:00'),
    workEnd: text('work_end').notNull().default('18:00'),
    /** Round-the-clock seat: working hours do not apply. */
    alwaysOn: boolean('always_on').notNull().default(false),
    absentFrom: tstz('absent_from'),
    absentUntil: tstz('absent_until'),
    /** For round-robin among equally loaded people. */
    lastAssignedAt: tstz('last_assigned_at'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('agent_profiles_capacity_check', sql`${t.capacity} between 0 and 200`)],
);

/** Which team a category (type_code '') or a single problem type routes to; the type wins. */
export const routingRules = pgTable(
  'routing_rules',
  {
    categoryCode: text('category_code').notNull(),
    typeCode: text('type_code').notNull().default(''),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.categoryCode, t.typeCode] })],
);

/** Canned replies (快捷回复/宏) with {{variables}}; team_id null = everyone's. */
export const macros = pgTable(
  'macros',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    enabled: boolean('enabled').notNull().default(true),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('macros_title_key').on(t.title)],
);

/** A merchant's offer to settle (退款/补发/赔偿) that the complainant accepts or refuses. */
export const merchantRemedies = pgTable(
  'merchant_remedies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    kind: text('kind').notNull(),
    /** Fen (分); null for a reship. */
    amountFen: integer('amount_fen'),
    note: text('note').notNull(),
    proposedById: uuid('proposed_by_id').references(() => users.id),
    proposedByName: text('proposed_by_name').notNull(),
    proposedAt: tstz('proposed_at').notNull(),
    /** Silence past this goes to platform arbitration. */
    respondBy: tstz('respond_by').notNull(),
    status: text('status').notNull().default('proposed'),
    respondedAt: tstz('responded_at'),
    responseNote: text('response_note'),
  },
  (t) => [
    index('merchant_remedies_complaint_idx').on(t.complaintId, t.proposedAt),
    index('merchant_remedies_due_idx')
      .on(t.respondBy)
      .where(sql`${t.status} = 'proposed'`),
    check('merchant_remedies_kind_check', sql`${t.kind} in ('refund','reship','compensation')`),
    check(
      'merchant_remedies_status_check',
      sql`${t.status} in ('proposed','accepted','refused','expired')`,
    ),
  ],
);

/** External complaint platforms (12315, 12345, 12305, 黑猫投诉, …), editable by the admin. */
export const externalPlatforms = pgTable('external_platforms', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalText>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
});

/** A complaint's case on an external platform: sent there (outbound) or imported from it (inbound). */
export const externalCases = pgTable(
  'external_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    platformCode: text('platform_code')
      .notNull()
      .references(() => externalPlatforms.code),
    direction: text('direction').notNull(),
    externalNumber: text('external_number').notNull(),
    status: text('status').notNull(),
    statusNote: text('status_note'),
    statusAt: tstz('status_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('external_cases_number_key').on(t.platformCode, t.externalNumber),
    index('external_cases_complaint_idx').on(t.complaintId),
    check('external_cases_direction_check', sql`${t.direction} in ('outbound','inbound')`),
  ],
);

/** A collective case (集体投诉): several complaints about one merchant or incident, worked together. */
export const collectiveCases = pgTable(
  'collective_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** JT{yyyymmdd}-{seq4}. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    merchantId: uuid('merchant_id').references(() => merchants.id),
    status: text('status').notNull().default('open'),
    /** The latest progress every member sees. */
    progress: text('progress'),
    progressAt: tstz('progress_at'),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('collective_cases_number_key').on(t.number),
    check('collective_cases_status_check', sql`${t.status} in ('open','closed')`),
  ],
);

/** Related complaints (关联), stored once per pair with complaint_a < complaint_b. */
export const complaintLinks = pgTable(
  'complaint_links',
  {
    complaintA: uuid('complaint_a')
      .notNull()
      .references(() => complaints.id),
    complaintB: uuid('complaint_b')
      .notNull()
      .references(() => complaints.id),
    note: text('note'),
    createdById: text('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.complaintA, t.complaintB] }),
    index('complaint_links_b_idx').on(t.complaintB),
    check('complaint_links_order_check', sql`${t.complaintA} < ${t.complaintB}`),
  ],
);

/** A phone call handled by an agent; details are disclosed only after the caller is verified. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Digits only. */
    phone: text('phone').notNull(),
    direction: text('direction').notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id),
    callerUserId: uuid('caller_user_id').references(() => users.id),
    startedAt: tstz('started_at').notNull(),
    verifiedAt: tstz('verified_at'),
    verificationMethod: text('verification_method'),
    verifyAttempts: integer('verify_attempts').notNull().default(0),
    endedAt: tstz('ended_at'),
    note: text('note'),
    complaintIds: uuid('complaint_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [
    index('calls_agent_idx').on(t.agentId, t.startedAt),
    check('calls_direction_check', sql`${t.direction} in ('inbound','outbound')`),
  ],
);

/** Who did what, when (every staff action and every read of personal data). Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
  ],
);

export * from './schema-sla.js';
export * from './schema-notifications.js';
export * from './schema-assistant.js';
