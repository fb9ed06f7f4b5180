// HTTP API of the assistant: conversations (public; bound to the account when logged in), the
// emotion endpoint, the agents' live chat, the knowledge base with import/export and a test
// bench, the soothing scripts, settings and metrics.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { Type } from 'typebox';
import { errorResponses, NoContent } from '../../server/lib/api-schemas.js';
import type { Clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal, type Principal } from '../../server/plugins/auth.js';
import { findUserById } from '../accounts/index.js';
import type { ComplaintsDeps } from '../complaints/index.js';
import { openStream, type LiveHub } from '../live/index.js';
import {
  AfterQuery,
  ChatMessageSchema,
  ConversationSchema,
  EmotionReply,
  ExportReply,
  FeedbackBody,
  IdParams,
  ImportBody,
  ImportReply,
  InboxReply,
  KbChangesQuery,
  KbChangesReply,
  KbEntrySchema,
  KbHistoryReply,
  KbInputSchema,
  KbListQuery,
  KbListReply,
  KbParams,
  KbTestReply,
  KbUpdateSchema,
  MessageReplySchema,
  MetricsQuery,
  MetricsReply,
  ScriptsSchema,
  SeqParams,
  SettingsSchema,
  StartBody,
  TextBody,
} from './api-schemas.js';
import { createConversation, findConversation, presentConversation } from './conversations.js';
import type { AssistantEngine } from './engine.js';
import {
  assertId,
  createEntry,
  deleteEntry,
  entryHistory,
  exportEntries,
  findEntry,
  importEntries,
  listEntries,
  presentEntry,
  recentChanges,
  updateEntry,
  type KbEditor,
} from './kb.js';
import {
  agentMessage,
  assertReadable,
  closeConversation,
  inbox,
  rateAnswer,
  takeConversation,
} from './live-chat.js';
import { assistantMetrics, popularQuestions } from './metrics.js';
import { classifyEmotion } from './nlp/emotion.js';
import { normalise } from './nlp/normalise.js';
import { segment } from './nlp/segment.js';
import { loadScripts, loadSettings, saveScripts, saveSettings } from './settings.js';
import { postMessage } from './turn.js';

export interface AssistantRouteDeps {
  db: Db;
  clock: Clock;
  engine: AssistantEngine;
  complaints: ComplaintsDeps;
  hub: LiveHub;
}

/** 5,000 entries of JSON run to a few MB; the default body limit is 1 MB. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

async function editorOf(db: Db, p: Principal): Promise<KbEditor> {
  if (p.kind === 'token') return { id: null, name: p.name };
  const user = await findUserById(db, p.userId);
  return { id: user?.id ?? null, name: user?.name ?? null };
}

function greeting(locale: 'zh-CN' | 'en'): string {
  return locale === 'en'
    ? 'Hello, I am the service assistant. Ask me in your own words — about payments, accounts, deliveries, orders or a complaint. Send "progress" with a complaint number to follow it, "I want to complain" to file one, or "agent" for a person.'
    : '您好，我是智能客服。请直接描述您的问题，例如支付、账号、快递、购物或投诉相关的问题。发送“查询投诉进度 + 编号”可查进度，发送“我要投诉”可在对话中提交投诉，发送“转人工”可联系人工客服。';
}

export async function assistantRoutes(app: FastifyInstance, deps: AssistantRouteDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['assistant'];
  const now = () => deps.clock.now();

  // ---------------------------------------------------------------- conversations

  r.post(
    '/api/v1/assistant/conversations',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Start a conversation with the assistant (bound to the account when logged in)',
        body: StartBody,
        response: { 201: ConversationSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      const locale = req.body?.locale ?? req.locale;
      const row = await createConversation(deps.db, {
        userId: p?.kind === 'user' && p.role === 'complainant' ? p.userId : null,
        locale,
        greeting: greeting(locale),
        // Popular questions to tap; the KB is in Chinese, so an English greeting offers none.
        options:
          locale === 'en'
            ? []
            : (await popularQuestions(deps.db, 4, now())).map((q) => ({ label: q, text: q })),
        now: now(),
      });
      reply.status(201);
      return presentConversation(deps.db, row);
    },
  );

  r.get(
    '/api/v1/assistant/conversations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A conversation with its messages (after=SEQ: only newer messages)',
        params: IdParams,
        querystring: AfterQuery,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (req) => {
      const row = assertReadable(req.principal, await findConversation(deps.db, req.params.id));
      return presentConversation(deps.db, row, req.query.after ?? 0);
    },
  );

  r.post(
    '/api/v1/assistant/conversations/:id/messages',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a message: the assistant answers, acts on a command, or hands over',
        description:
          'Answers {"reply","match":{"entryId","confidence"}|null,"emotion":{"label","score"},' +
          '"handoff"} plus the conversation status, options to tap, the queue position after a ' +
          'handoff, and the messages this turn added. While a person (agent) has the ' +
          'conversation, reply is null and the message goes to them.',
        params: IdParams,
        body: TextBody,
        response: { 200: MessageReplySchema, ...errorResponses },
      },
    },
    async (req) =>
      postMessage(
        { db: deps.db, clock: deps.clock, engine: deps.engine, complaints: deps.complaints },
        { id: req.params.id, text: req.body.text, principal: req.principal },
      ),
  );

  r.post(
    '/api/v1/assistant/conversations/:id/messages/:seq/feedback',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Thumbs up or down on one of the assistant\u2019s answers',
        params: SeqParams,
        body: FeedbackBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await rateAnswer(deps.db, {
        ...req.params,
        helpful: req.body.helpful,
        principal: req.principal,
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/assistant/conversations/:id/close',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'End a conversation (the person, or the agent serving it)',
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (req) => closeConversation(deps, req.params.id, req.principal),
  );

  r.get(
    '/api/v1/assistant/conversations/:id/stream',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Live messages of one conversation (server-sent events)',
        description:
          'text/event-stream: `event: message` with {"seq"} when a message is added (an ' +
          'agent\u2019s reply, the system\u2019s notes) and `event: status` with {"status"} when ' +
          'the conversation changes state; refetch with ?after=SEQ. Ends now and then; reconnect.',
        params: IdParams,
        response: { 200: Type.String({ description: 'text/event-stream' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = assertReadable(req.principal, await findConversation(deps.db, req.params.id));
      let status = row.status;
      return openStream(req, reply, deps.hub, {
        audience: null,
        events: (write) => ({
          send: () => undefined,
          chat: (n) => {
            if (n.id !== row.id) return;
            write('message', { seq: n.seq });
            if (n.status !== status) {
              status = n.status;
              write('status', { status });
            }
          },
        }),
      });
    },
  );

  r.post(
    '/api/v1/assistant/emotion',
    {
      config: { access: 'public', csrf: false, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The emotion of a text: one of 7 labels, with a score per label',
        body: TextBody,
        response: { 200: EmotionReply, ...errorResponses },
      },
    },
    async (req) => classifyEmotion(req.body.text),
  );

  // ---------------------------------------------------------------- live chat (agents)

  r.get(
    '/api/v1/assistant/inbox',
    {
      config: { access: 'assistant.chat' },
      schema: {
        tags,
        summary: 'Conversations handed over: waiting (oldest first), mine, and others\u2019',
        response: { 200: InboxReply, ...errorResponses },
      },
    },
    async (req) => inbox(deps.db, requirePrincipal(req), req.locale),
  );

  r.get(
    '/api/v1/assistant/live',
    {
      config: { access: 'assistant.chat' },
      schema: {
        tags,
        summary: 'Every conversation change, for the agents\u2019 inbox (server-sent events)',
        description: 'text/event-stream: `event: conversation` with {"id","status","seq"}.',
        response: { 200: Type.String({ description: 'text/event-stream' }), ...errorResponses },
      },
    },
    async (req, reply) =>
      openStream(req, reply, deps.hub, {
        audience: null,
        events: (write) => ({
          send: () => undefined,
          chat: (n) => write('conversation', { id: n.id, status: n.status, seq: n.seq }),
        }),
      }),
  );

  r.post(
    '/api/v1/assistant/conversations/:id/take',
    {
      config: { access: 'assistant.chat' },
      schema: {
        tags,
        summary: 'Take a waiting conversation (409 if another agent already has it)',
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (req) => takeConversation(deps, req.params.id, requirePrincipal(req)),
  );

  r.post(
    '/api/v1/assistant/conversations/:id/agent-messages',
    {
      config: { access: 'assistant.chat' },
      schema: {
        tags,
        summary: 'Write to the person in a conversation one serves',
        params: IdParams,
        body: TextBody,
        response: { 200: ChatMessageSchema, ...errorResponses },
      },
    },
    async (req) => agentMessage(deps, req.params.id, requirePrincipal(req), req.body.text),
  );

  // ---------------------------------------------------------------- knowledge base

  r.get(
    '/api/v1/assistant/kb',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'Knowledge-base entries: search (id, question, similar, answer) and filter',
        querystring: KbListQuery,
        response: { 200: KbListReply, ...errorResponses },
      },
    },
    async (req) => listEntries(deps.db, req.query),
  );

  r.get(
    '/api/v1/assistant/kb/export',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'The whole knowledge base as JSON (the import format)',
        response: { 200: ExportReply, ...errorResponses },
      },
    },
    async (_req, reply) => {
      reply.header(
        'content-disposition',
        `attachment; filename="redress-kb-${now().toISOString().slice(0, 10)}.json"`,
      );
      return exportEntries(deps.db);
    },
  );

  r.get(
    '/api/v1/assistant/kb/changes',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'The latest changes across the knowledge base, and the count of the last 30 days',
        querystring: KbChangesQuery,
        response: { 200: KbChangesReply, ...errorResponses },
      },
    },
    async (req) => recentChanges(deps.db, req.query.limit, now()),
  );

  r.post(
    '/api/v1/assistant/kb/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: 'assistant.kb.manage' },
      schema: {
        tags,
        summary: 'Import entries (merge or replace), all or nothing, and retrain at once',
        body: ImportBody,
        response: { 200: ImportReply, ...errorResponses },
      },
    },
    async (req) => {
      const editor = await editorOf(deps.db, requirePrincipal(req));
      const result = await importEntries(deps.db, req.body.mode, req.body.entries, editor, now());
      const trained = await deps.engine.retrain();
      return { ...result, trainedMs: trained.trainedMs };
    },
  );

  r.post(
    '/api/v1/assistant/kb/test',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'What the assistant would make of a question: decision, entry, candidates',
        body: TextBody,
        response: { 200: KbTestReply, ...errorResponses },
      },
    },
    async (req) => {
      const trained = await deps.engine.fresh();
      const outcome = trained.matcher.match(req.body.text);
      return {
        decision: outcome.decision,
        best: outcome.best,
        candidates: outcome.candidates,
        emotion: classifyEmotion(req.body.text),
        tokens: segment(req.body.text),
        normalised: normalise(req.body.text),
      };
    },
  );

  r.post(
    '/api/v1/assistant/kb',
    {
      config: { access: 'assistant.kb.manage' },
      schema: {
        tags,
        summary: 'Add an entry',
        body: KbInputSchema,
        response: { 201: KbEntrySchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const editor = await editorOf(deps.db, requirePrincipal(req));
      const entry = await createEntry(deps.db, req.body, editor, now());
      reply.status(201);
      return entry;
    },
  );

  r.get(
    '/api/v1/assistant/kb/:id',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'One entry',
        params: KbParams,
        response: { 200: KbEntrySchema, ...errorResponses },
      },
    },
    async (req) => {
      assertId(req.params.id);
      const row = await findEntry(deps.db, req.params.id);
      if (!row) throw new AppError('not_found');
      return presentEntry(row);
    },
  );

  r.put(
    '/api/v1/assistant/kb/:id',
    {
      config: { access: 'assistant.kb.manage' },
      schema: {
        tags,
        summary: 'Change an entry (409 if someone changed it since the version you edited)',
        params: KbParams,
        body: KbUpdateSchema,
        response: { 200: KbEntrySchema, ...errorResponses },
      },
    },
    async (req) => {
      assertId(req.params.id);
      const editor = await editorOf(deps.db, requirePrincipal(req));
      return updateEntry(deps.db, req.params.id, req.body, editor, now());
    },
  );

  r.delete(
    '/api/v1/assistant/kb/:id',
    {
      config: { access: 'assistant.kb.manage' },
      schema: {
        tags,
        summary: 'Remove an entry (its history stays)',
        params: KbParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertId(req.params.id);
      const editor = await editorOf(deps.db, requirePrincipal(req));
      await deleteEntry(deps.db, req.params.id, editor, now());
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/assistant/kb/:id/history',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'Who changed an entry, what and when (newest first)',
        params: KbParams,
        response: { 200: KbHistoryReply, ...errorResponses },
      },
    },
    async (req) => {
      assertId(req.params.id);
      return entryHistory(deps.db, req.params.id);
    },
  );

  // ---------------------------------------------------------------- scripts, settings, metrics

  r.get(
    '/api/v1/assistant/scripts',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'The soothing scripts (安抚话术)',
        response: { 200: ScriptsSchema, ...errorResponses },
      },
    },
    async () => ({ items: await loadScripts(deps.db) }),
  );

  r.put(
    '/api/v1/assistant/scripts',
    {
      config: { access: 'assistant.kb.manage' },
      schema: {
        tags,
        summary: 'Replace the soothing scripts',
        body: ScriptsSchema,
        response: { 200: ScriptsSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await saveScripts(deps.db, req.body.items) }),
  );

  r.get(
    '/api/v1/assistant/settings',
    {
      config: { access: 'assistant.kb.view' },
      schema: {
        tags,
        summary: 'Handoff thresholds and teams per topic',
        response: { 200: SettingsSchema, ...errorResponses },
      },
    },
    async () => loadSettings(deps.db),
  );

  r.put(
    '/api/v1/assistant/settings',
    {
      config: { access: 'assistant.kb.manage' },
      schema: {
        tags,
        summary: 'Change the handoff thresholds and the teams per topic',
        body: SettingsSchema,
        response: { 200: SettingsSchema, ...errorResponses },
      },
    },
    async (req) => saveSettings(deps.db, req.body, now()),
  );

  r.get(
    '/api/v1/assistant/metrics',
    {
      config: { access: 'assistant.metrics' },
      schema: {
        tags,
        summary: 'Answered rate, handoffs and their reasons, satisfaction, unmatched questions',
        querystring: MetricsQuery,
        response: { 200: MetricsReply, ...errorResponses },
      },
    },
    async (req) => assistantMetrics(deps.db, req.query.days, now()),
  );
}
