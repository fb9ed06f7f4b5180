// The agents' side of a handoff: the inbox (waiting by team, mine, others), taking a waiting
// conversation (one agent wins), writing to the person, and closing; plus the person's thumbs
// on an answer and closing from their side.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import {
  assistantConversations,
  assistantMessages,
  kbEntries,
  teams,
  users,
} from '../../server/db/schema.js';
import type { Clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import { maskPhone } from '../../server/lib/masking.js';
import type { Principal } from '../../server/plugins/auth.js';
import { can } from '../../shared/roles.js';
import type {
  ChatMessage,
  ConversationStatus,
  ConversationView,
  HandoffReason,
  Inbox,
  InboxItem,
  Speaker,
} from '../../shared/assistant.js';
import { findUserById } from '../accounts/index.js';
import {
  addSystemNote,
  announce,
  appendMessages,
  lockConversation,
  mayRead,
  presentConversation,
  presentMessage,
  updateConversation,
  type ConversationRow,
} from './conversations.js';
import type { Emotion } from './nlp/types.js';

async function agentOf(db: Db, principal: Principal): Promise<{ id: string; name: string }> {
  if (principal.kind !== 'user') throw new AppError('forbidden');
  const user = await findUserById(db, principal.userId);
  if (!user) throw new AppError('unauthenticated');
  return { id: user.id, name: user.name };
}

/** The latest message of each conversation (of one sender when given), by conversation. */
async function latestMessages(db: Db, ids: string[], sender?: Speaker) {
  if (ids.length === 0) return new Map<string, typeof assistantMessages.$inferSelect>();
  const rows = await db
    .selectDistinctOn([assistantMessages.conversationId])
    .from(assistantMessages)
    .where(
      and(
        inArray(assistantMessages.conversationId, ids),
        sender ? eq(assistantMessages.sender, sender) : undefined,
      ),
    )
    .orderBy(assistantMessages.conversationId, desc(assistantMessages.seq));
  return new Map(rows.map((m) => [m.conversationId, m]));
}

export async function inbox(db: Db, principal: Principal, locale: 'zh-CN' | 'en'): Promise<Inbox> {
  const me = principal.kind === 'user' ? principal.userId : null;
  const rows = await db
    .select()
    .from(assistantConversations)
    .where(inArray(assistantConversations.status, ['waiting', 'live']))
    .orderBy(asc(assistantConversations.handoffAt))
    .limit(500);
  const ids = rows.map((r) => r.id);
  const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const topicIds = [...new Set(rows.flatMap((r) => (r.topicEntryId ? [r.topicEntryId] : [])))];
  const [last, personLast, people, topics, teamRows] = await Promise.all([
    latestMessages(db, ids),
    // The emotion shown is the person's latest one.
    latestMessages(db, ids, 'person'),
    userIds.length
      ? db
          .select({ id: users.id, name: users.name, phone: users.phone })
          .from(users)
          .where(inArray(users.id, userIds))
      : [],
    topicIds.length
      ? db
          .select({
            entryId: kbEntries.id,
            question: kbEntries.question,
            category: kbEntries.category,
          })
          .from(kbEntries)
          .where(inArray(kbEntries.id, topicIds))
      : [],
    db.select({ code: teams.code, name: teams.name }).from(teams),
  ]);
  const personBy = new Map(people.map((p) => [p.id, p]));
  const topicBy = new Map(topics.map((x) => [x.entryId, x]));
  const teamBy = new Map(teamRows.map((t) => [t.code, locale === 'en' ? t.name.en : t.name.zh]));
  const out: Inbox = { waiting: [], mine: [], others: [] };
  for (const r of rows) {
    const m = last.get(r.id);
    const e = personLast.get(r.id);
    const p = r.userId ? personBy.get(r.userId) : undefined;
    const item: InboxItem = {
      id: r.id,
      status: r.status as ConversationStatus,
      team: r.teamCode,
      teamName: r.teamCode ? (teamBy.get(r.teamCode) ?? r.teamCode) : null,
      topic: (r.topicEntryId && topicBy.get(r.topicEntryId)) || null,
      emotion:
        e?.emotionLabel && e.emotionScore !== null
          ? { label: e.emotionLabel as Emotion, score: e.emotionScore }
          : null,
      negativity: Math.round(r.negativity * 100) / 100,
      handoffReason: r.handoffReason as HandoffReason | null,
      waitingSince: r.handoffAt?.toISOString() ?? null,
      lastMessage: m ? { from: m.sender as Speaker, text: m.text, at: m.at.toISOString() } : null,
      agentName: r.agentName,
      person: p ? { name: p.name, phoneMasked: p.phone ? maskPhone(p.phone) : null } : null,
    };
    if (r.status === 'waiting') out.waiting.push(item);
    else if (r.agentId === me) out.mine.push(item);
    else out.others.push(item);
  }
  return out;
}

export async function takeConversation(
  deps: { db: Db; clock: Clock },
  id: string,
  principal: Principal,
): Promise<ConversationView> {
  const agent = await agentOf(deps.db, principal);
  return deps.db.transaction(async (tx) => {
    const row = await lockConversation(tx, id);
    if (row.status === 'closed') throw new AppError('conversation_closed');
    if (row.status === 'live') {
      if (row.agentId === agent.id) return presentConversation(tx, row);
      throw new AppError('conversation_taken');
    }
    const now = deps.clock.now();
    // An agent may also take a conversation still with the bot (e.g. seen in a report).
    const updated = await updateConversation(tx, id, {
      status: 'live',
      agentId: agent.id,
      agentName: agent.name,
      takenAt: now,
      handoffAt: row.handoffAt ?? now,
      handoffReason: row.handoffReason ?? 'request',
      updatedAt: now,
    });
    await addSystemNote(
      tx,
      updated,
      {
        zh: `人工客服 ${agent.name} 已接入，正在为您服务。`,
        en: `${agent.name} has joined and will help you now.`,
      },
      now,
    );
    return presentConversation(tx, updated);
  });
}

export async function agentMessage(
  deps: { db: Db; clock: Clock },
  id: string,
  principal: Principal,
  text: string,
): Promise<ChatMessage> {
  const agent = await agentOf(deps.db, principal);
  return deps.db.transaction(async (tx) => {
    const row = await lockConversation(tx, id);
    if (row.status === 'closed') throw new AppError('conversation_closed');
    if (row.status !== 'live' || row.agentId !== agent.id)
      throw new AppError('conversation_not_yours');
    const now = deps.clock.now();
    const [m] = await appendMessages(tx, row, [{ sender: 'agent', text: text.trim(), agent }], now);
    await announce(tx, row);
    return presentMessage(m!);
  });
}

export async function closeConversation(
  deps: { db: Db; clock: Clock },
  id: string,
  principal: Principal | null,
): Promise<ConversationView> {
  return deps.db.transaction(async (tx) => {
    const row = await lockConversation(tx, id);
    if (!mayRead(principal, row)) throw new AppError('conversation_not_found');
    if (row.status === 'closed') return presentConversation(tx, row);
    // Staff end a live conversation only if it is theirs; the person may always end their own.
    const staff = principal !== null && can(principal.role, 'assistant.chat');
    const serving = principal?.kind === 'user' && row.agentId === principal.userId;
    if (staff && row.status === 'live' && !serving) throw new AppError('conversation_not_yours');
    const now = deps.clock.now();
    const updated = await updateConversation(tx, id, {
      status: 'closed',
      closedAt: now,
      state: {},
      updatedAt: now,
    });
    await addSystemNote(
      tx,
      updated,
      { zh: '会话已结束，感谢您的咨询。', en: 'The conversation has ended. Thank you.' },
      now,
    );
    return presentConversation(tx, updated);
  });
}

/** 👍/👎 on one of the bot's answers; the person may change their mind. */
export async function rateAnswer(
  db: Db,
  input: { id: string; seq: number; helpful: boolean; principal: Principal | null },
): Promise<void> {
  const [row] = await db
    .select()
    .from(assistantConversations)
    .where(eq(assistantConversations.id, input.id));
  if (!row || !mayRead(input.principal, row)) throw new AppError('conversation_not_found');
  const updated = await db
    .update(assistantMessages)
    .set({ helpful: input.helpful })
    .where(
      and(
        eq(assistantMessages.conversationId, input.id),
        eq(assistantMessages.seq, input.seq),
        eq(assistantMessages.sender, 'bot'),
      ),
    )
    .returning({ entryId: assistantMessages.entryId });
  if (updated.length === 0 || !updated[0]!.entryId) throw new AppError('not_found');
}

export function assertReadable(
  principal: Principal | null,
  row: ConversationRow | null,
): ConversationRow {
  if (!row || !mayRead(principal, row)) throw new AppError('conversation_not_found');
  return row;
}
