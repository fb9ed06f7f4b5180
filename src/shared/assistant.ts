// The assistant (智能客服, Stage 6): what server and web share — conversation states, who speaks,
// why a conversation went to a person, and the shapes of the API's answers.
import type { Emotion } from '../modules/assistant/nlp/types.js';

export { EMOTIONS, NEGATIVE_EMOTIONS, type Emotion } from '../modules/assistant/nlp/types.js';

/** bot: the assistant answers; waiting: in a team's live queue; live: an agent has it; closed. */
export const CONVERSATION_STATUSES = ['bot', 'waiting', 'live', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const SPEAKERS = ['person', 'bot', 'agent', 'system'] as const;
export type Speaker = (typeof SPEAKERS)[number];

/** unresolved: 3 turns in a row without an answer; request: the person asked (转人工); emotion. */
export const HANDOFF_REASONS = ['unresolved', 'request', 'emotion'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** A choice the assistant offers (a clarifying candidate, a complaint type, yes/no). */
export interface ChatOption {
  label: string;
  /** What is sent as the person's message when they tap it. */
  text: string;
}

export interface ChatMessage {
  seq: number;
  from: Speaker;
  text: string;
  at: string;
  /** Bot replies: the entry that answered, if any. */
  match: { entryId: string; confidence: number } | null;
  /** Person's messages: the detected emotion. */
  emotion: { label: Emotion; score: number } | null;
  options: ChatOption[];
  /** Bot answers from the KB: the person's thumbs (null: not rated). */
  helpful: boolean | null;
  /** Agent messages: who wrote it. */
  agentName: string | null;
}

export interface QueueInfo {
  team: string;
  teamName: string;
  /** 1 = next to be taken. */
  position: number;
  expectedWaitMinutes: number;
}

export interface ConversationView {
  id: string;
  status: ConversationStatus;
  locale: 'zh-CN' | 'en';
  createdAt: string;
  messages: ChatMessage[];
  queue: QueueInfo | null;
  agent: { name: string } | null;
  handoffReason: HandoffReason | null;
  /** The entry/category the conversation is about, as far as the assistant could tell. */
  topic: { entryId: string; question: string; category: string } | null;
  /** Accumulated negative emotion (0 = calm; the handoff threshold is a setting). */
  negativity: number;
}

/** The answer to a person's message (issue 7's shape, plus the state the window needs). */
export interface MessageReply {
  /** The assistant's reply; null when a person (agent) will answer instead. */
  reply: string | null;
  match: { entryId: string; confidence: number } | null;
  emotion: { label: Emotion; score: number };
  handoff: boolean;
  status: ConversationStatus;
  options: ChatOption[];
  queue: QueueInfo | null;
  /** Every message this turn added (the person's, then the reply), for the window to append. */
  messages: ChatMessage[];
}

/** A conversation in the agents' inbox (GET /api/v1/assistant/inbox). */
export interface InboxItem {
  id: string;
  status: ConversationStatus;
  team: string | null;
  teamName: string | null;
  topic: { entryId: string; question: string; category: string } | null;
  emotion: { label: Emotion; score: number } | null;
  negativity: number;
  handoffReason: HandoffReason | null;
  waitingSince: string | null;
  lastMessage: { from: Speaker; text: string; at: string } | null;
  agentName: string | null;
  person: { name: string | null; phoneMasked: string | null } | null;
}

export interface Inbox {
  waiting: InboxItem[];
  mine: InboxItem[];
  others: InboxItem[];
}

/** A knowledge-base entry as the API shows it. */
export interface KbEntryView {
  id: string;
  category: string;
  question: string;
  similar: string[];
  answer: string;
  enabled: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface KbImportResult {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  total: number;
}

/** A soothing line (安抚话术) put before an answer when the person is upset. */
export interface Script {
  id: string;
  emotion: Emotion;
  locale: 'zh-CN' | 'en';
  text: string;
}

export interface AssistantSettings {
  /** Accumulated negative emotion at which the conversation goes to a person. */
  handoffThreshold: number;
  /** Unanswered bot turns in a row before a handoff (SPEC: 3). */
  unresolvedTurns: number;
  /** Team taking conversations whose topic has no team of its own. */
  defaultTeam: string;
  /** KB category → team code. */
  categoryTeams: Record<string, string>;
}
