// Stage 6 tables: the assistant's knowledge base with its change history, conversations and
// their messages (the bot's turns, the person's, and an agent's after a handoff), the soothing
// script library (安抚话术) and the assistant's settings.
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
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './schema.js';

const tstz = (name: string) => timestamp(name, { withTimezone: true });

export const kbEntries = pgTable(
  'kb_entries',
  {
    id: text('id').primaryKey(),
    category: text('category').notNull(),
    question: text('question').notNull(),
    similar: jsonb('similar').$type<string[]>().notNull().default([]),
    answer: text('answer').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Optimistic concurrency for editors: a PUT names the version it edited. */
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    updatedById: uuid('updated_by_id').references(() => users.id),
    updatedByName: text('updated_by_name'),
  },
  (t) => [index('kb_entries_category_idx').on(t.category)],
);

/** Who changed what, when: one row per create/update/delete/import of an entry. */
export const kbHistory = pgTable(
  'kb_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Not a foreign key: a deleted entry keeps its history. */
    entryId: text('entry_id').notNull(),
    action: text('action').notNull(),
    /** field → {from, to}; for create/delete the whole entry on one side. */
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    index('kb_history_entry_idx').on(t.entryId, t.at),
    index('kb_history_at_idx').on(t.at),
    check('kb_history_action_check', sql`${t.action} in ('create','update','delete','import')`),
  ],
);

/**
 * A single counter bumped by every knowledge-base write: each process compares it with the
 * revision its matcher was trained on and retrains when behind, so an import on one process
 * reaches the others without a restart.
 */
export const kbRevision = pgTable('kb_revision', {
  id: integer('id').primaryKey().default(1),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});

export const assistantConversations = pgTable(
  'assistant_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The person's account when logged in (bound on first use); null for a visitor. */
    userId: uuid('user_id').references(() => users.id),
    locale: text('locale').notNull().default('zh-CN'),
    status: text('status').notNull().default('bot'),
    /** The entry the conversation last got an answer from (context for follow-ups). */
    topicEntryId: text('topic_entry_id'),
    /** Accumulated negative emotion (decays turn by turn). */
    negativity: real('negativity').notNull().default(0),
    /** Bot turns in a row that did not answer. */
    unresolvedStreak: integer('unresolved_streak').notNull().default(0),
    /** A command in progress (filing in conversation, a progress check waiting for a contact). */
    state: jsonb('state').$type<Record<string, unknown>>().notNull().default({}),
    lastSeq: integer('last_seq').notNull().default(0),
    handoffReason: text('handoff_reason'),
    handoffAt: tstz('handoff_at'),
    teamCode: text('team_code'),
    agentId: uuid('agent_id').references(() => users.id),
    agentName: text('agent_name'),
    takenAt: tstz('taken_at'),
    closedAt: tstz('closed_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('assistant_conversations_queue_idx')
      .on(t.teamCode, t.handoffAt)
      .where(sql`${t.status} = 'waiting'`),
    index('assistant_conversations_agent_idx')
      .on(t.agentId)
      .where(sql`${t.status} = 'live'`),
    index('assistant_conversations_created_idx').on(t.createdAt),
    check(
      'assistant_conversations_status_check',
      sql`${t.status} in ('bot','waiting','live','closed')`,
    ),
  ],
);

export const assistantMessages = pgTable(
  'assistant_messages',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => assistantConversations.id),
    seq: integer('seq').notNull(),
    sender: text('sender').notNull(),
    text: text('text').notNull(),
    /**
     * What the assistant did with a person's message: answer, clarify, none (not understood),
     * command (progress, press, filing), handoff, agent (a person answers it).
     */
    outcome: text('outcome'),
    entryId: text('entry_id'),
    confidence: real('confidence'),
    emotionLabel: text('emotion_label'),
    emotionScore: real('emotion_score'),
    options: jsonb('options').$type<{ label: string; text: string }[]>().notNull().default([]),
    helpful: boolean('helpful'),
    agentId: uuid('agent_id').references(() => users.id),
    agentName: text('agent_name'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.seq] }),
    index('assistant_messages_at_idx').on(t.at),
    check('assistant_messages_sender_check', sql`${t.sender} in ('person','bot','agent','system')`),
  ],
);

/** 安抚话术: phrases put before an answer when the person is upset; editable by supervisors. */
export const assistantScripts = pgTable('assistant_scripts', {
  id: text('id').primaryKey(),
  emotion: text('emotion').notNull(),
  locale: text('locale').notNull(),
  text: text('text').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const assistantSettings = pgTable('assistant_settings', {
  id: integer('id').primaryKey().default(1),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
