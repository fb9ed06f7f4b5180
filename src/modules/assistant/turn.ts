// One message from the person: read its emotion, then — unless a person (agent) already has the
// conversation — carry on what is in progress (filing, a progress check), or act on a command,
// or answer from the knowledge base; then decide whether to hand over to a person (3 turns in a
// row without an answer, 转人工, or accumulated negative emotion past the threshold).
import type { Db } from '../../server/db/client.js';
import type { Clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { ChatOption, HandoffReason, MessageReply } from '../../shared/assistant.js';
import type { ComplaintsDeps } from '../complaints/index.js';
import { startCommand, verifyAndRun, type CommandTurn } from './commands.js';
import {
  announce,
  appendMessages,
  lockConversation,
  mayRead,
  presentMessage,
  queueInfo,
  recentPersonTexts,
  updateConversation,
  type ConversationRow,
  type NewMessage,
} from './conversations.js';
import type { AssistantEngine } from './engine.js';
import { continueFiling, startFiling, type FilingState } from './filing.js';
import { detectIntent, findNumber } from './intents.js';
import { accumulate, classifyEmotion, negativeWeight } from './nlp/emotion.js';
import type { Emotion, MatchOutcome } from './nlp/types.js';
import { pickScript } from './data/default-scripts.js';
import { loadScripts, loadSettings, type AssistantSettings } from './settings.js';

export interface TurnDeps {
  db: Db;
  clock: Clock;
  engine: AssistantEngine;
  complaints: ComplaintsDeps;
}

type L = 'zh-CN' | 'en';
const t = (locale: L, zh: string, en: string) => (locale === 'en' ? en : zh);

/** A soothing line goes before the answer when one message is this upset. */
const SOOTHE_AT = 0.45;
/** Recent person messages given to the matcher as context. */
const CONTEXT_TURNS = 10;

interface BotTurn {
  reply: string;
  outcome: 'answer' | 'clarify' | 'none' | 'command';
  match: { entryId: string; confidence: number } | null;
  options: ChatOption[];
  /** Counts towards the 3-in-a-row handoff. */
  unresolved: boolean;
  state: Record<string, unknown>;
  topicEntryId?: string | null;
  handoff?: HandoffReason;
}

function chinaToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

function fromCommand(c: CommandTurn): BotTurn {
  return {
    reply: c.reply,
    outcome: 'command',
    match: null,
    options: [],
    unresolved: false,
    state: c.pending ? { ...c.pending, kind: c.pending.kind } : {},
  };
}

async function answerFromKb(
  deps: TurnDeps,
  row: ConversationRow,
  text: string,
  locale: L,
): Promise<BotTurn> {
  const trained = await deps.engine.fresh();
  const recent = await recentPersonTexts(deps.db, row.id, CONTEXT_TURNS);
  const outcome: MatchOutcome = trained.matcher.match(text, {
    topicEntryId: row.topicEntryId,
    recentTexts: recent,
  });
  if (outcome.decision === 'answer' && outcome.best) {
    const entry = trained.entries.get(outcome.best.entryId);
    return {
      reply: entry?.answer ?? '',
      outcome: 'answer',
      match: { entryId: outcome.best.entryId, confidence: round(outcome.best.confidence) },
      options: [],
      unresolved: false,
      state: {},
      topicEntryId: outcome.best.entryId,
    };
  }
  if (outcome.decision === 'clarify' && outcome.candidates.length > 0) {
    return {
      reply: t(locale, '您是想问以下哪个问题？', 'Did you mean one of these?'),
      outcome: 'clarify',
      match: null,
      options: outcome.candidates.map((c) => ({ label: c.question, text: c.question })),
      unresolved: true,
      state: {},
    };
  }
  return {
    reply: t(
      locale,
      '抱歉，我还没有理解您的问题。您可以换个说法再问一次，或发送“转人工”由客服为您解答。',
      'Sorry, I did not understand. Try asking another way, or send "agent" to talk to a person.',
    ),
    outcome: 'none',
    match: null,
    options: [
      { label: t(locale, '转人工', 'Talk to a person'), text: t(locale, '转人工', 'agent') },
    ],
    unresolved: true,
    state: {},
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

async function botTurn(
  deps: TurnDeps,
  row: ConversationRow,
  text: string,
  principal: Principal | null,
  locale: L,
): Promise<BotTurn> {
  const state = row.state as { kind?: string } & Record<string, unknown>;
  const intent = detectIntent(text);

  if (intent?.kind === 'handoff') {
    return {
      reply: '',
      outcome: 'command',
      match: null,
      options: [],
      unresolved: false,
      state: {},
      handoff: 'request',
    };
  }
  if (intent?.kind === 'cancel' && state.kind) {
    return {
      reply: t(locale, '好的，已取消。还有什么可以帮您？', 'All right, cancelled. Anything else?'),
      outcome: 'command',
      match: null,
      options: [],
      unresolved: false,
      state: {},
    };
  }

  // Something in progress takes the message, unless it is clearly a new command.
  if (state.kind === 'filing' && !(intent && intent.kind !== 'file')) {
    const turn = await continueFiling(deps.complaints, {
      state: state as unknown as FilingState,
      text,
      locale,
      principal,
      today: chinaToday(deps.clock.now()),
    });
    return {
      reply: turn.reply,
      outcome: 'command',
      match: null,
      options: turn.options,
      unresolved: false,
      state: turn.state ? { ...turn.state } : {},
    };
  }
  if (state.kind === 'verify' && !intent) {
    const turn = await verifyAndRun(deps.complaints, {
      pending: state as unknown as Parameters<typeof verifyAndRun>[1]['pending'],
      contact: text,
      locale,
    });
    return fromCommand(turn);
  }
  if (state.kind === 'need_number' && !intent) {
    const number = findNumber(text);
    if (number) {
      const command = state.command === 'press' ? 'press' : 'progress';
      return fromCommand(
        await startCommand(deps.complaints, { command, number, principal, locale }),
      );
    }
  }

  if (intent?.kind === 'progress' || intent?.kind === 'press') {
    return fromCommand(
      await startCommand(deps.complaints, {
        command: intent.kind,
        number: intent.number,
        principal,
        locale,
      }),
    );
  }
  if (intent?.kind === 'file') {
    const { state: filing } = startFiling(intent.rest);
    const turn = await continueFiling(deps.complaints, {
      state: filing,
      text: intent.rest,
      locale,
      principal,
      today: chinaToday(deps.clock.now()),
    });
    return {
      reply: turn.reply,
      outcome: 'command',
      match: null,
      options: turn.options,
      unresolved: false,
      state: turn.state ? { ...turn.state } : {},
    };
  }
  return answerFromKb(deps, row, text, locale);
}

function handoffText(reason: HandoffReason, locale: L): string {
  if (reason === 'emotion') {
    return t(
      locale,
      '非常抱歉让您有这样的体验，我这就为您转接人工客服，由专人为您处理。',
      'I am sorry this has been so frustrating. I am passing you to a person who will take it from here.',
    );
  }
  if (reason === 'unresolved') {
    return t(
      locale,
      '抱歉没能解决您的问题，我为您转接人工客服。',
      'Sorry I could not help with that; I am passing you to a person.',
    );
  }
  return t(locale, '好的，正在为您转接人工客服。', 'Sure, passing you to a person now.');
}

function queueText(
  q: { position: number; expectedWaitMinutes: number; teamName: string },
  locale: L,
) {
  const ahead = q.position - 1;
  return t(
    locale,
    `您已进入${q.teamName}的排队，${ahead === 0 ? '您是下一位' : `前面还有 ${ahead} 位`}，预计等待约 ${q.expectedWaitMinutes} 分钟。客服接入后会在这里回复您，请不要关闭页面。`,
    `You are in the ${q.teamName} queue, ${ahead === 0 ? 'next in line' : `${ahead} ahead of you`}; expected wait about ${q.expectedWaitMinutes} min. An agent will reply here; keep this page open.`,
  );
}

/** Handles one message from the person; everything it changes is in one transaction. */
export async function postMessage(
  deps: TurnDeps,
  input: { id: string; text: string; principal: Principal | null },
): Promise<MessageReply> {
  const text = input.text.trim();
  const emotion = classifyEmotion(text);
  const top = { label: emotion.label, score: round(emotion.scores[emotion.label]) };
  const [settings, scripts] = await Promise.all([loadSettings(deps.db), loadScripts(deps.db)]);

  // The conversation stays locked while the bot works (milliseconds), so two messages sent at
  // once are answered in order, each seeing what the other changed.
  return deps.db.transaction(async (tx) => {
    const row = await lockConversation(tx, input.id);
    if (!mayRead(input.principal, row)) throw new AppError('conversation_not_found');
    if (row.status === 'closed') throw new AppError('conversation_closed');
    const now = deps.clock.now();
    const locale: L = row.locale === 'en' ? 'en' : 'zh-CN';
    // A visitor who logs in mid-conversation keeps it (their filing carries on as them).
    if (
      row.userId === null &&
      input.principal?.kind === 'user' &&
      input.principal.role === 'complainant'
    ) {
      row.userId = input.principal.userId;
      await updateConversation(tx, row.id, { userId: row.userId });
    }
    const bot =
      row.status === 'bot' ? await botTurn(deps, row, text, input.principal, locale) : null;
    const negativity = accumulate(row.negativity, negativeWeight(emotion));
    const messages: NewMessage[] = [];

    // With a person (or waiting for one), the message is for them; the bot stays quiet.
    if (row.status !== 'bot' || !bot) {
      messages.push({ sender: 'person', text, outcome: 'agent', emotion: top });
      const added = await appendMessages(tx, row, messages, now);
      const updated = await updateConversation(tx, row.id, { negativity, updatedAt: now });
      await announce(tx, updated);
      return {
        reply: null,
        match: null,
        emotion: top,
        handoff: false,
        status: updated.status as MessageReply['status'],
        options: [],
        queue: await queueInfo(tx, updated),
        messages: added.map(presentMessage),
      };
    }

    let reason: HandoffReason | null = bot.handoff ?? null;
    const streak = bot.unresolved ? row.unresolvedStreak + 1 : 0;
    if (!reason && streak >= settings.unresolvedTurns) reason = 'unresolved';
    if (!reason && negativity >= settings.handoffThreshold) reason = 'emotion';

    messages.push({
      sender: 'person',
      text,
      outcome: reason === 'request' ? 'handoff' : bot.outcome,
      entryId: bot.match?.entryId ?? null,
      confidence: bot.match?.confidence ?? null,
      emotion: top,
    });
    // Going to a person, a "did not understand" or "which one?" would only be noise: the
    // handoff note says what happens next. An answer or a command's result still goes first.
    const quiet = reason !== null && (bot.outcome === 'none' || bot.outcome === 'clarify');
    if (bot.reply && !quiet) {
      const soothe =
        top.score >= SOOTHE_AT && top.label !== 'neutral' && top.label !== 'positive'
          ? pickScript(scripts, top.label as Emotion, locale, row.lastSeq)
          : null;
      messages.push({
        sender: 'bot',
        text: soothe ? `${soothe.text}${locale === 'en' ? ' ' : ''}${bot.reply}` : bot.reply,
        entryId: bot.match?.entryId ?? null,
        confidence: bot.match?.confidence ?? null,
        options: reason ? [] : bot.options,
      });
    }

    let updated: ConversationRow;
    if (reason) {
      const team = teamFor(settings, bot.topicEntryId ?? row.topicEntryId, deps);
      updated = await updateConversation(tx, row.id, {
        status: 'waiting',
        handoffReason: reason,
        handoffAt: now,
        teamCode: await team,
        negativity,
        unresolvedStreak: 0,
        state: {},
        topicEntryId: bot.topicEntryId ?? row.topicEntryId,
        updatedAt: now,
      });
      const q = await queueInfo(tx, updated);
      messages.push({
        sender: 'system',
        text: `${handoffText(reason, locale)}${q ? `\n${queueText(q, locale)}` : ''}`,
      });
    } else {
      updated = await updateConversation(tx, row.id, {
        negativity,
        unresolvedStreak: streak,
        state: bot.state,
        topicEntryId: bot.topicEntryId ?? row.topicEntryId,
        updatedAt: now,
      });
    }
    const added = await appendMessages(tx, updated, messages, now);
    await announce(tx, updated);
    const reply =
      added
        .filter((m) => m.sender !== 'person')
        .map((m) => m.text)
        .join('\n') || null;
    return {
      reply,
      match: bot.match,
      emotion: top,
      handoff: reason !== null,
      status: updated.status as MessageReply['status'],
      options: reason ? [] : bot.options,
      queue: await queueInfo(tx, updated),
      messages: added.map(presentMessage),
    };
  });
}

async function teamFor(
  settings: AssistantSettings,
  topicEntryId: string | null,
  deps: TurnDeps,
): Promise<string> {
  if (!topicEntryId) return settings.defaultTeam;
  const trained = await deps.engine.fresh();
  const category = trained.entries.get(topicEntryId)?.category;
  return (category && settings.categoryTeams[category]) || settings.defaultTeam;
}
