// How the assistant is doing over the last N days: what share of questions it answered, how
// often and why conversations went to a person, what people thought of the answers, and the
// questions it could not answer (to grow the knowledge base).
import { and, asc, count, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { assistantConversations, assistantMessages, kbEntries } from '../../server/db/schema.js';

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : 0);

export async function assistantMetrics(db: Db, days: number, now: Date) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const person = and(eq(assistantMessages.sender, 'person'), gte(assistantMessages.at, since));
  const [outcomes, [conv], reasons, feedback, unmatched, topEntries] = await Promise.all([
    db
      .select({ outcome: assistantMessages.outcome, n: count() })
      .from(assistantMessages)
      .where(person)
      .groupBy(assistantMessages.outcome),
    db
      .select({ n: count() })
      .from(assistantConversations)
      .where(gte(assistantConversations.createdAt, since)),
    db
      .select({ reason: assistantConversations.handoffReason, n: count() })
      .from(assistantConversations)
      .where(
        and(
          gte(assistantConversations.createdAt, since),
          isNotNull(assistantConversations.handoffReason),
        ),
      )
      .groupBy(assistantConversations.handoffReason),
    db
      .select({ helpful: assistantMessages.helpful, n: count() })
      .from(assistantMessages)
      .where(
        and(
          eq(assistantMessages.sender, 'bot'),
          gte(assistantMessages.at, since),
          isNotNull(assistantMessages.helpful),
        ),
      )
      .groupBy(assistantMessages.helpful),
    db
      .select({
        text: assistantMessages.text,
        count: count(),
        lastAt: sql<Date>`max(${assistantMessages.at})`,
      })
      .from(assistantMessages)
      .where(and(person, eq(assistantMessages.outcome, 'none')))
      .groupBy(assistantMessages.text)
      .orderBy(desc(count()), desc(sql`max(${assistantMessages.at})`))
      .limit(20),
    db
      .select({ entryId: assistantMessages.entryId, count: count() })
      .from(assistantMessages)
      .where(and(person, eq(assistantMessages.outcome, 'answer')))
      .groupBy(assistantMessages.entryId)
      .orderBy(desc(count()))
      .limit(10),
  ]);
  const by = (o: string) => outcomes.find((x) => x.outcome === o)?.n ?? 0;
  // Questions are what the bot was asked: commands and messages for an agent are not.
  const answered = by('answer');
  const clarified = by('clarify');
  const none = by('none');
  const questions = answered + clarified + none;
  const personMessages = outcomes.reduce((s, x) => s + x.n, 0);
  const conversations = conv?.n ?? 0;
  const handoffReasons = { unresolved: 0, request: 0, emotion: 0 };
  for (const r of reasons) {
    if (r.reason && r.reason in handoffReasons)
      handoffReasons[r.reason as keyof typeof handoffReasons] = r.n;
  }
  const handoffs = handoffReasons.unresolved + handoffReasons.request + handoffReasons.emotion;
  const up = feedback.find((f) => f.helpful === true)?.n ?? 0;
  const down = feedback.find((f) => f.helpful === false)?.n ?? 0;
  const ids = topEntries.map((e) => e.entryId).filter((x): x is string => !!x);
  const questionsOf = ids.length
    ? await db
        .select({ id: kbEntries.id, question: kbEntries.question })
        .from(kbEntries)
        .where(inArray(kbEntries.id, ids))
    : [];
  const q = new Map(questionsOf.map((x) => [x.id, x.question]));
  return {
    days,
    conversations,
    personMessages,
    questions,
    answered,
    answeredRate: rate(answered, questions),
    clarified,
    unmatched: none,
    handoffs,
    handoffRate: rate(handoffs, conversations),
    handoffReasons,
    feedback: { up, down, rate: rate(up, up + down) },
    topUnmatched: unmatched.map((u) => ({
      text: u.text,
      count: u.count,
      lastAt: new Date(u.lastAt).toISOString(),
    })),
    topEntries: topEntries
      .filter((e) => e.entryId)
      .map((e) => ({ entryId: e.entryId!, question: q.get(e.entryId!) ?? '', count: e.count })),
  };
}

/**
 * The questions offered with the greeting: the entries answered most in the last 30 days, topped
 * up from the knowledge base's first enabled entries while there is little history.
 */
export async function popularQuestions(db: Db, n: number, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const used = await db
    .select({ question: kbEntries.question, count: count() })
    .from(assistantMessages)
    .innerJoin(kbEntries, eq(kbEntries.id, assistantMessages.entryId))
    .where(
      and(
        eq(assistantMessages.sender, 'person'),
        eq(assistantMessages.outcome, 'answer'),
        gte(assistantMessages.at, since),
        eq(kbEntries.enabled, true),
      ),
    )
    .groupBy(kbEntries.question)
    .orderBy(desc(count()))
    .limit(n);
  const out = used.map((u) => u.question);
  if (out.length < n) {
    const more = await db
      .select({ question: kbEntries.question })
      .from(kbEntries)
      .where(eq(kbEntries.enabled, true))
      .orderBy(asc(kbEntries.id))
      .limit(n * 2);
    for (const m of more) if (out.length < n && !out.includes(m.question)) out.push(m.question);
  }
  return out;
}
