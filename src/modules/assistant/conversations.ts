// Conversations and their messages in the database: create, lock, append (announcing each
// change on the chat channel in the same transaction), the live queue, and the views.
import { and, asc, count, desc, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../server/db/client.js';
import {
  assistantConversations,
  assistantMessages,
  kbEntries,
  teams,
} from '../../server/db/schema.js';
import { AppError } from '../../server/lib/errors.js';
import { maskPiiInText } from '../../server/lib/masking.js';
import type { Principal } from '../../server/plugins/auth.js';
import type {
  ChatMessage,
  ChatOption,
  ConversationStatus,
  ConversationView,
  HandoffReason,
  QueueInfo,
  Speaker,
} from '../../shared/assistant.js';
import { can } from '../../shared/roles.js';
import type { Emotion } from './nlp/types.js';

export type ConversationRow = typeof assistantConversations.$inferSelect;
export type MessageRow = typeof assistantMessages.$inferSelect;

/** LISTEN/NOTIFY channel: {"id","status","seq","userId"} whenever a conversation changes. */
export const CHAT_CHANNEL = 'redress_chat';

/** Minutes per person ahead in the queue when there is no recent history to go by. */
const DEFAULT_MINUTES_PER_PERSON = 3;

export interface NewMessage {
  sender: Speaker;
  text: string;
  outcome?: string | null;
  entryId?: string | null;
  confidence?: number | null;
  emotion?: { label: Emotion; score: number } | null;
  options?: ChatOption[];
  agent?: { id: string; name: string } | null;
}

/** A new conversation with the assistant's greeting as its first message. */
export async function createConversation(
  db: Db,
  input: {
    userId: string | null;
    locale: 'zh-CN' | 'en';
    greeting: string;
    options: ChatOption[];
    now: Date;
  },
): Promise<ConversationRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assistantConversations)
      .values({
        userId: input.userId,
        locale: input.locale,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning();
    await appendMessages(
      tx,
      row!,
      [{ sender: 'bot', text: input.greeting, options: input.options }],
      input.now,
    );
    return row!;
  });
}

/** Staff who chat see every conversation; anyone else only their own or an unclaimed visitor's. */
export function mayRead(principal: Principal | null, row: ConversationRow): boolean {
  if (principal && can(principal.role, 'assistant.chat')) return true;
  if (row.userId === null) return true;
  return principal?.kind === 'user' && principal.userId === row.userId;
}

export async function findConversation(db: Db | Tx, id: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(assistantConversations)
    .where(eq(assistantConversations.id, id));
  return row ?? null;
}

export async function lockConversation(tx: Tx, id: string): Promise<ConversationRow> {
  const [row] = await tx
    .select()
    .from(assistantConversations)
    .where(eq(assistantConversations.id, id))
    .for('update');
  if (!row) throw new AppError('conversation_not_found');
  return row;
}

export async function updateConversation(
  tx: Tx,
  id: string,
  set: Partial<typeof assistantConversations.$inferInsert>,
): Promise<ConversationRow> {
  const [row] = await tx
    .update(assistantConversations)
    .set(set)
    .where(eq(assistantConversations.id, id))
    .returning();
  return row!;
}

/**
 * Appends messages to a locked conversation and announces them. Phones, ID and bank card numbers
 * people type are stored masked: the transcript is read by agents and kept for metrics.
 */
export async function appendMessages(
  tx: Tx,
  row: ConversationRow,
  messages: NewMessage[],
  now: Date,
): Promise<MessageRow[]> {
  if (messages.length === 0) return [];
  const values = messages.map((m, i) => ({
    conversationId: row.id,
    seq: row.lastSeq + i + 1,
    sender: m.sender,
    text: m.sender === 'person' ? maskPiiInText(m.text) : m.text,
    outcome: m.outcome ?? null,
    entryId: m.entryId ?? null,
    confidence: m.confidence ?? null,
    emotionLabel: m.emotion?.label ?? null,
    emotionScore: m.emotion?.score ?? null,
    options: m.options ?? [],
    agentId: m.agent?.id ?? null,
    agentName: m.agent?.name ?? null,
    at: new Date(now.getTime() + i),
  }));
  const rows = await tx.insert(assistantMessages).values(values).returning();
  row.lastSeq += messages.length;
  await tx
    .update(assistantConversations)
    .set({ lastSeq: row.lastSeq, updatedAt: now })
    .where(eq(assistantConversations.id, row.id));
  return rows;
}

/** A note from the system in the conversation's language (an agent joined, it ended), announced. */
export async function addSystemNote(
  tx: Tx,
  row: ConversationRow,
  text: { zh: string; en: string },
  now: Date,
): Promise<void> {
  await appendMessages(
    tx,
    row,
    [{ sender: 'system', text: row.locale === 'en' ? text.en : text.zh }],
    now,
  );
  await announce(tx, row);
}

/** Tells every listener (the person's window, the agents' inbox) that the conversation moved. */
export async function announce(tx: Tx, row: ConversationRow): Promise<void> {
  const payload = JSON.stringify({
    id: row.id,
    status: row.status,
    seq: row.lastSeq,
    userId: row.userId,
  });
  await tx.execute(sql`SELECT pg_notify(${CHAT_CHANNEL}, ${payload})`);
}

export function presentMessage(m: MessageRow): ChatMessage {
  return {
    seq: m.seq,
    from: m.sender as Speaker,
    text: m.text,
    at: m.at.toISOString(),
    match:
      m.sender === 'bot' && m.entryId && m.confidence !== null
        ? { entryId: m.entryId, confidence: m.confidence }
        : null,
    emotion:
      m.emotionLabel && m.emotionScore !== null
        ? { label: m.emotionLabel as Emotion, score: m.emotionScore }
        : null,
    options: m.options,
    helpful: m.helpful,
    agentName: m.agentName,
  };
}

export async function teamName(db: Db | Tx, code: string, locale: 'zh-CN' | 'en') {
  const [t] = await db.select({ name: teams.name }).from(teams).where(eq(teams.code, code));
  if (!t) return code;
  return locale === 'en' ? t.name.en : t.name.zh;
}

/**
 * Where a waiting conversation stands in its team's queue and how long it will likely wait:
 * the people ahead times the team's recent average wait per taken conversation.
 */
export async function queueInfo(db: Db | Tx, row: ConversationRow): Promise<QueueInfo | null> {
  if (row.status !== 'waiting' || !row.teamCode || !row.handoffAt) return null;
  const [ahead] = await db
    .select({ n: count() })
    .from(assistantConversations)
    .where(
      and(
        eq(assistantConversations.status, 'waiting'),
        eq(assistantConversations.teamCode, row.teamCode),
        lt(assistantConversations.handoffAt, row.handoffAt),
      ),
    );
  const recent = await db
    .select({
      waited: sql<number>`extract(epoch from (${assistantConversations.takenAt} - ${assistantConversations.handoffAt}))`,
    })
    .from(assistantConversations)
    .where(
      and(
        eq(assistantConversations.teamCode, row.teamCode),
        isNotNull(assistantConversations.takenAt),
      ),
    )
    .orderBy(desc(assistantConversations.takenAt))
    .limit(20);
  const position = (ahead?.n ?? 0) + 1;
  const perPerson =
    recent.length > 0
      ? Math.max(1, recent.reduce((s, r) => s + Number(r.waited), 0) / recent.length / 60)
      : DEFAULT_MINUTES_PER_PERSON;
  return {
    team: row.teamCode,
    teamName: await teamName(db, row.teamCode, row.locale === 'en' ? 'en' : 'zh-CN'),
    position,
    expectedWaitMinutes: Math.max(1, Math.round(position * perPerson)),
  };
}

/** The person's last `n` messages, oldest first (the matcher's context). */
export async function recentPersonTexts(db: Db | Tx, id: string, n: number): Promise<string[]> {
  const rows = await db
    .select({ text: assistantMessages.text })
    .from(assistantMessages)
    .where(and(eq(assistantMessages.conversationId, id), eq(assistantMessages.sender, 'person')))
    .orderBy(desc(assistantMessages.seq))
    .limit(n);
  return rows.map((r) => r.text).reverse();
}

export async function loadMessages(db: Db | Tx, id: string, after = 0): Promise<MessageRow[]> {
  return db
    .select()
    .from(assistantMessages)
    .where(and(eq(assistantMessages.conversationId, id), gt(assistantMessages.seq, after)))
    .orderBy(asc(assistantMessages.seq));
}

export async function presentConversation(
  db: Db | Tx,
  row: ConversationRow,
  after = 0,
): Promise<ConversationView> {
  const messages = await loadMessages(db, row.id, after);
  let topic: ConversationView['topic'] = null;
  if (row.topicEntryId) {
    const [e] = await db
      .select({ id: kbEntries.id, question: kbEntries.question, category: kbEntries.category })
      .from(kbEntries)
      .where(eq(kbEntries.id, row.topicEntryId));
    if (e) topic = { entryId: e.id, question: e.question, category: e.category };
  }
  return {
    id: row.id,
    status: row.status as ConversationStatus,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    createdAt: row.createdAt.toISOString(),
    messages: messages.map(presentMessage),
    queue: await queueInfo(db, row),
    agent: row.agentName ? { name: row.agentName } : null,
    handoffReason: row.handoffReason as HandoffReason | null,
    topic,
    negativity: Math.round(row.negativity * 100) / 100,
  };
}
