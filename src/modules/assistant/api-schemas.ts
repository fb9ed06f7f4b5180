// TypeBox schemas of the assistant's API: validation, types and the OpenAPI document.
import { Type, type Static, type TSchema } from 'typebox';
import { CONVERSATION_STATUSES, HANDOFF_REASONS, SPEAKERS } from '../../shared/assistant.js';
import { EMOTIONS } from './nlp/types.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const TEXT_MAX = 500;

const Option = Type.Object({ label: Type.String(), text: Type.String() });
const Match = Type.Object({ entryId: Type.String(), confidence: Type.Number() });
const TopEmotion = Type.Object({ label: Type.Enum([...EMOTIONS]), score: Type.Number() });
const Scores = Type.Record(Type.String(), Type.Number(), {
  description:
    'One score per label (neutral, positive, anger, anxiety, sadness, fear, disgust); they sum to 1',
});

export const ChatMessageSchema = Type.Object({
  seq: Type.Integer(),
  from: Type.Enum([...SPEAKERS]),
  text: Type.String(),
  at: Type.String({ format: 'date-time' }),
  match: Nullable(Match),
  emotion: Nullable(TopEmotion),
  options: Type.Array(Option),
  helpful: Nullable(Type.Boolean()),
  agentName: Nullable(Type.String()),
});

const Queue = Type.Object({
  team: Type.String(),
  teamName: Type.String(),
  position: Type.Integer(),
  expectedWaitMinutes: Type.Integer(),
});

const Topic = Type.Object({
  entryId: Type.String(),
  question: Type.String(),
  category: Type.String(),
});

export const ConversationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Enum([...CONVERSATION_STATUSES]),
  locale: Type.Enum(['zh-CN', 'en'] as const),
  createdAt: Type.String({ format: 'date-time' }),
  messages: Type.Array(ChatMessageSchema),
  queue: Nullable(Queue),
  agent: Nullable(Type.Object({ name: Type.String() })),
  handoffReason: Nullable(Type.Enum([...HANDOFF_REASONS])),
  topic: Nullable(Topic),
  negativity: Type.Number(),
});

export const StartBody = Type.Object(
  { locale: Type.Optional(Type.Enum(['zh-CN', 'en'] as const)) },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const SeqParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  seq: Type.Integer({ minimum: 1 }),
});
export const AfterQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, description: 'Only messages after this seq' })),
});
export const TextBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: TEXT_MAX }) },
  { additionalProperties: false },
);
export const FeedbackBody = Type.Object(
  { helpful: Type.Boolean() },
  { additionalProperties: false },
);

export const MessageReplySchema = Type.Object({
  reply: Nullable(Type.String()),
  match: Nullable(Match),
  emotion: TopEmotion,
  handoff: Type.Boolean(),
  status: Type.Enum([...CONVERSATION_STATUSES]),
  options: Type.Array(Option),
  queue: Nullable(Queue),
  messages: Type.Array(ChatMessageSchema),
});

export const EmotionReply = Type.Object({ label: Type.Enum([...EMOTIONS]), scores: Scores });

const InboxItem = Type.Object({
  id: Type.String(),
  status: Type.String(),
  team: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  topic: Nullable(Topic),
  emotion: Nullable(TopEmotion),
  negativity: Type.Number(),
  handoffReason: Nullable(Type.Enum([...HANDOFF_REASONS])),
  waitingSince: Nullable(Type.String()),
  lastMessage: Nullable(
    Type.Object({ from: Type.String(), text: Type.String(), at: Type.String() }),
  ),
  agentName: Nullable(Type.String()),
  person: Nullable(
    Type.Object({ name: Nullable(Type.String()), phoneMasked: Nullable(Type.String()) }),
  ),
});
export const InboxReply = Type.Object({
  waiting: Type.Array(InboxItem),
  mine: Type.Array(InboxItem),
  others: Type.Array(InboxItem),
});

// ---- knowledge base ----

const Similar = Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 });
export const KbInputSchema = Type.Object(
  {
    id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Letters, digits, _ . -; generated (kb-0001) when left out',
      }),
    ),
    category: Type.String({ minLength: 1, maxLength: 40 }),
    question: Type.String({ minLength: 1, maxLength: 200 }),
    similar: Similar,
    answer: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: 'Text; links as [text](url)',
    }),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const KbUpdateSchema = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 40 }),
    question: Type.String({ minLength: 1, maxLength: 200 }),
    similar: Similar,
    answer: Type.String({ minLength: 1, maxLength: 4000 }),
    enabled: Type.Optional(Type.Boolean()),
    version: Type.Integer({ minimum: 1, description: 'The version edited (409 if it moved on)' }),
  },
  { additionalProperties: false },
);
export const KbEntrySchema = Type.Object({
  id: Type.String(),
  category: Type.String(),
  question: Type.String(),
  similar: Type.Array(Type.String()),
  answer: Type.String(),
  enabled: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Nullable(Type.String()),
});
export const KbParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const KbListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(Type.String({ maxLength: 40 })),
  enabled: Type.Optional(Type.Boolean()),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
export type KbListQuery = Static<typeof KbListQuery>;
export const KbListReply = Type.Object({
  items: Type.Array(KbEntrySchema),
  total: Type.Integer(),
  categories: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
});
export const KbHistoryReply = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      action: Type.String(),
      by: Nullable(Type.String()),
      at: Type.String({ format: 'date-time' }),
      changes: Type.Record(
        Type.String(),
        Type.Object({ from: Type.Unknown(), to: Type.Unknown() }),
      ),
    }),
  ),
});
export const KbChangesQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const KbChangesReply = Type.Object({
  items: Type.Array(
    Type.Object({
      entryId: Type.String(),
      question: Type.String(),
      action: Type.String(),
      by: Nullable(Type.String()),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  lastMonth: Type.Integer({ description: 'Changes in the last 30 days' }),
});
export const ImportBody = Type.Object(
  {
    mode: Type.Enum(['replace', 'merge'] as const, {
      description: 'merge: create or update the file\u2019s entries; replace: also remove the rest',
    }),
    entries: Type.Array(
      Type.Object({
        id: Type.String({ minLength: 1, maxLength: 64 }),
        category: Type.String({ maxLength: 40 }),
        question: Type.String({ maxLength: 200 }),
        similar: Similar,
        answer: Type.String({ maxLength: 4000 }),
        enabled: Type.Optional(Type.Boolean()),
      }),
      { maxItems: 20000 },
    ),
  },
  { additionalProperties: false },
);
export const ImportReply = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  removed: Type.Integer(),
  unchanged: Type.Integer(),
  total: Type.Integer(),
  trainedMs: Type.Integer({ description: 'Time to retrain the matcher on the new KB' }),
});
export const ExportReply = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      category: Type.String(),
      question: Type.String(),
      similar: Type.Array(Type.String()),
      answer: Type.String(),
      enabled: Type.Boolean(),
    }),
  ),
});
const Candidate = Type.Object({
  entryId: Type.String(),
  question: Type.String(),
  confidence: Type.Number(),
});
export const KbTestReply = Type.Object({
  decision: Type.Enum(['answer', 'clarify', 'none'] as const),
  best: Nullable(Candidate),
  candidates: Type.Array(Candidate),
  emotion: EmotionReply,
  tokens: Type.Array(Type.String()),
  normalised: Type.String(),
});

// ---- scripts, settings, metrics ----

export const ScriptsSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 64 }),
          emotion: Type.Enum([...EMOTIONS]),
          locale: Type.Enum(['zh-CN', 'en'] as const),
          text: Type.String({ minLength: 1, maxLength: 300 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export const SettingsSchema = Type.Object(
  {
    handoffThreshold: Type.Number({
      minimum: 0.2,
      maximum: 10,
      description: 'Accumulated negative emotion that hands the conversation to a person',
    }),
    unresolvedTurns: Type.Integer({ minimum: 1, maximum: 10 }),
    defaultTeam: Type.String({ minLength: 1, maxLength: 60 }),
    categoryTeams: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
export const MetricsQuery = Type.Object({
  days: Type.Integer({ minimum: 1, maximum: 366, default: 30 }),
});
export const MetricsReply = Type.Object({
  days: Type.Integer(),
  conversations: Type.Integer(),
  personMessages: Type.Integer(),
  questions: Type.Integer({ description: 'Messages the bot tried to answer from the KB' }),
  answered: Type.Integer(),
  answeredRate: Type.Number(),
  clarified: Type.Integer(),
  unmatched: Type.Integer(),
  handoffs: Type.Integer(),
  handoffRate: Type.Number(),
  handoffReasons: Type.Object({
    unresolved: Type.Integer(),
    request: Type.Integer(),
    emotion: Type.Integer(),
  }),
  feedback: Type.Object({ up: Type.Integer(), down: Type.Integer(), rate: Type.Number() }),
  topUnmatched: Type.Array(
    Type.Object({ text: Type.String(), count: Type.Integer(), lastAt: Type.String() }),
  ),
  topEntries: Type.Array(
    Type.Object({ entryId: Type.String(), question: Type.String(), count: Type.Integer() }),
  ),
});
