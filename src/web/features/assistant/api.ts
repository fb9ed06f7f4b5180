// Every assistant call the web app makes: the person's conversation (portal), the agents' live
// chat inbox, the knowledge base with its test bench, scripts and settings, and the figures.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Team } from '../../app/types';
import type {
  AssistantSettings,
  ChatMessage,
  ConversationView,
  Emotion,
  HandoffReason,
  Inbox,
  KbEntryView,
  KbImportResult,
  MessageReply,
  Script,
} from '../../../shared/assistant';

export type {
  AssistantSettings,
  ChatMessage,
  ChatOption,
  ConversationStatus,
  ConversationView,
  Emotion,
  HandoffReason,
  Inbox,
  InboxItem,
  KbEntryView,
  MessageReply,
  QueueInfo,
  Script,
} from '../../../shared/assistant';
export { EMOTIONS } from '../../../shared/assistant';

const BASE = '/api/v1/assistant';
const conv = (id: string) => `${BASE}/conversations/${encodeURIComponent(id)}`;

// ---- The person's conversation (portal) ----

export const conversationApi = {
  start: (locale: 'zh-CN' | 'en') =>
    api.post<ConversationView>(`${BASE}/conversations`, { locale }),
  load: (id: string, after?: number, signal?: AbortSignal) =>
    api.get<ConversationView>(conv(id), after === undefined ? undefined : { after }, signal),
  send: (id: string, text: string) => api.post<MessageReply>(`${conv(id)}/messages`, { text }),
  feedback: (id: string, seq: number, helpful: boolean) =>
    api.post<void>(`${conv(id)}/messages/${seq}/feedback`, { helpful }),
  close: (id: string) => api.post<ConversationView>(`${conv(id)}/close`),
  streamUrl: (id: string) => `${conv(id)}/stream`,
};

// ---- Agents: the live chat inbox ----

export const INBOX_KEY = ['assistant', 'inbox'] as const;
export const conversationKey = (id: string) => ['assistant', 'conversation', id] as const;
export const LIVE_URL = `${BASE}/live`;

export function useInbox() {
  return useQuery({
    queryKey: INBOX_KEY,
    queryFn: ({ signal }) => api.get<Inbox>(`${BASE}/inbox`, undefined, signal),
    // The live stream says when to look again; this only covers a stream that is down.
    refetchInterval: 30_000,
  });
}

export function useStaffConversation(id: string | null) {
  return useQuery({
    queryKey: conversationKey(id ?? ''),
    queryFn: ({ signal }) => conversationApi.load(id ?? '', undefined, signal),
    enabled: id !== null,
  });
}

function useConversationWrite<I>(write: (id: string, input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: I }) => write(id, input),
    onSettled: (_data, _error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: conversationKey(id) });
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
    },
  });
}

export const useTake = () =>
  useConversationWrite<void>((id) => api.post<ConversationView>(`${conv(id)}/take`));
export const useAgentMessage = () =>
  useConversationWrite<string>((id, text) =>
    api.post<ChatMessage>(`${conv(id)}/agent-messages`, { text }),
  );
export const useCloseConversation = () =>
  useConversationWrite<void>((id) => conversationApi.close(id));

// ---- Knowledge base ----

export interface KbInput {
  id?: string;
  category: string;
  question: string;
  similar: string[];
  answer: string;
  enabled: boolean;
}

export interface KbList {
  items: KbEntryView[];
  total: number;
  categories: { name: string; count: number }[];
}

export interface KbFilter {
  q?: string;
  category?: string;
  enabled?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export type KbAction = 'create' | 'update' | 'delete' | 'import';

export interface KbHistoryItem {
  id: number | string;
  action: KbAction;
  by: string | null;
  at: string;
  changes: Record<string, { from?: unknown; to?: unknown }>;
}

export interface KbChange {
  entryId: string;
  question: string;
  action: KbAction;
  by: string | null;
  at: string;
}

export interface ImportResult extends KbImportResult {
  trainedMs: number;
}

export interface MatchCandidate {
  entryId: string;
  question: string;
  confidence: number;
}

export interface KbTestResult {
  decision: 'answer' | 'clarify' | 'none';
  best: MatchCandidate | null;
  candidates: MatchCandidate[];
  emotion: { label: Emotion; scores: Partial<Record<Emotion, number>> };
  tokens: string[];
}

const KB_KEY = ['assistant', 'kb'] as const;

export function useKbList(filter: KbFilter) {
  return useQuery({
    queryKey: [...KB_KEY, 'list', filter],
    queryFn: ({ signal }) => api.get<KbList>(`${BASE}/kb`, { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useKbHistory(id: string | null) {
  return useQuery({
    queryKey: [...KB_KEY, 'history', id],
    queryFn: ({ signal }) =>
      api.get<{ items: KbHistoryItem[] }>(
        `${BASE}/kb/${encodeURIComponent(id ?? '')}/history`,
        undefined,
        signal,
      ),
    enabled: id !== null,
  });
}

export function useKbChanges() {
  return useQuery({
    queryKey: [...KB_KEY, 'changes'],
    queryFn: ({ signal }) =>
      api.get<{ items: KbChange[]; lastMonth: number }>(
        `${BASE}/kb/changes`,
        { limit: 50 },
        signal,
      ),
  });
}

/** After any KB write: the list, history and changes all move. */
function useKbInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: KB_KEY });
}

export function useSaveEntry() {
  const invalidate = useKbInvalidate();
  return useMutation({
    mutationFn: ({ input, editing }: { input: KbInput; editing: KbEntryView | null }) =>
      editing
        ? api.put<KbEntryView>(`${BASE}/kb/${encodeURIComponent(editing.id)}`, {
            ...input,
            version: editing.version,
          })
        : api.post<KbEntryView>(`${BASE}/kb`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteEntry() {
  const invalidate = useKbInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${BASE}/kb/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

export function useImportKb() {
  const invalidate = useKbInvalidate();
  return useMutation({
    mutationFn: (input: { mode: 'merge' | 'replace'; entries: unknown[] }) =>
      api.post<ImportResult>(`${BASE}/kb/import`, input),
    onSuccess: invalidate,
  });
}

export const exportKb = () => api.get<{ entries: unknown[] }>(`${BASE}/kb/export`);

export function useKbTest() {
  return useMutation({
    mutationFn: (text: string) => api.post<KbTestResult>(`${BASE}/kb/test`, { text }),
  });
}

const SCRIPTS_KEY = ['assistant', 'scripts'] as const;
const SETTINGS_KEY = ['assistant', 'settings'] as const;

export function useScripts() {
  return useQuery({
    queryKey: SCRIPTS_KEY,
    queryFn: ({ signal }) => api.get<{ items: Script[] }>(`${BASE}/scripts`, undefined, signal),
  });
}

export function useSaveScripts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: Script[]) => api.put<{ items: Script[] }>(`${BASE}/scripts`, { items }),
    onSuccess: (data) => queryClient.setQueryData(SCRIPTS_KEY, data),
  });
}

export function useAssistantSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<AssistantSettings>(`${BASE}/settings`, undefined, signal),
  });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssistantSettings) => api.put<AssistantSettings>(`${BASE}/settings`, input),
    onSuccess: (data) => queryClient.setQueryData(SETTINGS_KEY, data),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams', 'assistant-options'],
    queryFn: ({ signal }) => api.get<Team[]>('/api/v1/teams', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

// ---- Figures ----

export interface Metrics {
  conversations: number;
  personMessages: number;
  answered: number;
  answeredRate: number;
  clarified: number;
  unmatched: number;
  handoffs: number;
  handoffRate: number;
  handoffReasons: Record<HandoffReason, number>;
  feedback: { up: number; down: number; rate: number };
  topUnmatched: { text: string; count: number; lastAt: string }[];
  topEntries: { entryId: string; question: string; count: number }[];
}

export function useMetrics(days: number) {
  return useQuery({
    queryKey: ['assistant', 'metrics', days],
    queryFn: ({ signal }) => api.get<Metrics>(`${BASE}/metrics`, { days }, signal),
    placeholderData: keepPreviousData,
  });
}
