// Stage 5 tables: the transactional outbox (every message a state change causes, written in the
// same transaction and delivered by workers), the in-app inbox behind the bell, per-person
// channel preferences, admins' template overrides and switches, the 48-hourly progress-report
// schedule, issued receipts (处理回执) and the server's own signing secrets.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
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
import { complaints, users } from './schema.js';

const tstz = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** complaint:node:occurrence:channel — one message per node per channel, and the key a
     * provider sees on every attempt so a retry after a crash can be recognised. */
    idempotencyKey: text('idempotency_key').notNull(),
    node: text('node').notNull(),
    channel: text('channel').notNull(),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    /** The account told (in-app inbox owner; null for a contact with no account). */
    userId: uuid('user_id').references(() => users.id),
    /** Phone, email address, WeChat openid or user id, per channel. */
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    /** red bypasses SMS quiet hours. */
    priority: text('priority').notNull().default('green'),
    /** The facts of the moment, rendered into the template at delivery. */
    vars: jsonb('vars').$type<Record<string, string>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lockedUntil: tstz('locked_until'),
    lockedBy: text('locked_by'),
    /** Why it waits or why it failed (masked). */
    lastError: text('last_error'),
    deferredReason: text('deferred_reason'),
    providerMessageId: text('provider_message_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key').on(t.idempotencyKey),
    index('outbox_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index('outbox_sending_idx')
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'sending'`),
    index('outbox_status_idx').on(t.status, t.createdAt),
    index('outbox_complaint_idx').on(t.complaintId),
    check(
      'outbox_status_check',
      sql`${t.status} in ('pending','sending','sent','dead','suppressed')`,
    ),
    check('outbox_channel_check', sql`${t.channel} in ('in_app','sms','email','wechat')`),
  ],
);

/** The bell: in-app service notifications. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The outbox row's key: delivering the same message twice inserts nothing. */
    dedupeKey: text('dedupe_key').notNull(),
    node: text('node').notNull(),
    complaintNumber: text('complaint_number'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where clicking it goes, a path inside the app. */
    link: text('link'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    readAt: tstz('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sms: boolean('sms').notNull().default(true),
  email: boolean('email').notNull().default(true),
  wechat: boolean('wechat').notNull().default(true),
  wechatOpenId: text('wechat_open_id'),
  /** Quiet hours are the person's night, not the server's. */
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** Admins' wording; a node/channel/locale without a row uses the shipped default. */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    node: text('node').notNull(),
    channel: text('channel').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.node, t.channel, t.locale] })],
);

/** Whether a node is sent on a channel; a pair without a row uses the shipped default. */
export const notificationSwitches = pgTable(
  'notification_switches',
  {
    node: text('node').notNull(),
    channel: text('channel').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.node, t.channel] })],
);

/** Open complaints due an emailed progress report (every 48 h); the row goes when they close. */
export const progressReportSchedule = pgTable(
  'progress_report_schedule',
  {
    complaintId: uuid('complaint_id')
      .primaryKey()
      .references(() => complaints.id),
    nextAt: tstz('next_at').notNull(),
    sent: integer('sent').notNull().default(0),
  },
  (t) => [index('progress_report_due_idx').on(t.nextAt)],
);

export const receipts = pgTable(
  'receipts',
  {
    /** Printed on the receipt and in its QR code. */
    code: text('code').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    /** 0 for the first result, 1 after reconsideration. */
    cycle: integer('cycle').notNull(),
    outcome: text('outcome').notNull(),
    /** The facts printed, canonical JSON; its SHA-256 is contentSha256. */
    content: jsonb('content').$type<Record<string, string | null>>().notNull(),
    contentSha256: text('content_sha256').notNull(),
    pdf: bytea('pdf').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    issuedAt: tstz('issued_at').notNull(),
  },
  (t) => [uniqueIndex('receipts_complaint_cycle_key').on(t.complaintId, t.cycle)],
);

export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: bytea('value').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});
