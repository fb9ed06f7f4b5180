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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const merchants = pgTable('merchants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

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
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('complaints_number_key').on(t.number),
    index('complaints_complainant_idx').on(t.complainantId, t.createdAt),
    index('complaints_created_idx').on(t.createdAt),
    index('complaints_status_idx').on(t.status, t.createdAt),
    index('complaints_filed_ip_idx').on(t.filedIp, t.createdAt),
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
