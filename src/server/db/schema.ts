// The one database schema. `npm run db:generate` turns changes here into a new versioned SQL
// migration under ./migrations; landed migrations are never edited (DESIGN.md rule 11).
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalText } from '../../shared/text.js';
import type { RequiredEvidence, RequiredField, SlaSpec } from '../../shared/catalog.js';

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
