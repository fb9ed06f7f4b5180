// Data hooks for case work: queues, the agent's tools on a complaint, teams and people, routing
// rules, canned replies (macros) and the audit log (docs/CASES.md).
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '../../app/api';
import {
  OPEN_STATUSES,
  type AgentProfile,
  type AuditEntry,
  type ComplaintDetail,
  type ComplaintList,
  type Macro,
  type RevealResult,
  type RoutingRule,
  type Team,
} from '../../app/types';
import { COMPLAINTS_KEY, complaintPath } from '../console-complaints/api';
import { trackWrite } from './live';

export const QUEUES_KEY = 'queues';
export const TEAMS_KEY = 'teams';
export const AGENTS_KEY = 'agents';
export const MACROS_KEY = 'macros';
export const RULES_KEY = 'routing-rules';
export const AUDIT_KEY = 'audit';

// ---- Queues ----

export interface Queues {
  mine: { open: number; red: number };
  teams: Team[];
}

export function useQueues() {
  return useQuery({
    queryKey: [QUEUES_KEY],
    queryFn: ({ signal }) => api.get<Queues>('/api/v1/queues', undefined, signal),
  });
}

export interface QueueFilter {
  /** 'me' (my work), 'none' (waiting in the team queue) or a user id. */
  assignee?: string;
  team?: string;
  tag?: string;
  page: number;
  pageSize: number;
}

export function useQueueList(filter: QueueFilter, enabled = true) {
  return useQuery({
    queryKey: [COMPLAINTS_KEY, 'queue', filter],
    queryFn: ({ signal }) =>
      api.get<ComplaintList>(
        '/api/v1/complaints',
        {
          assignee: filter.assignee,
          team: filter.team,
          tag: filter.tag,
          status: filter.assignee === 'me' ? OPEN_FOR_QUEUE : undefined,
          sort: 'urgency',
          page: filter.page,
          pageSize: filter.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** "My work" is what is still in hand: finished cases drop out of the queue. */
const OPEN_FOR_QUEUE = OPEN_STATUSES.join(',');

// ---- Writes on one complaint ----

function refreshAfterWrite(queryClient: QueryClient, number: string, result: unknown) {
  // Most writes answer with the complaint as the caller now sees it: show it at once.
  if (
    result &&
    typeof result === 'object' &&
    (result as { number?: unknown }).number === number &&
    Array.isArray((result as { timeline?: unknown }).timeline)
  ) {
    queryClient.setQueryData([COMPLAINTS_KEY, 'detail', number], result);
  }
  void queryClient.invalidateQueries({ queryKey: [COMPLAINTS_KEY] });
  void queryClient.invalidateQueries({ queryKey: [QUEUES_KEY] });
}

/** A write on one complaint: tracked (for live updates), then everything showing it refreshes. */
export function useCaseWrite<I, R = ComplaintDetail>(
  number: string,
  send: (path: string, input: I) => Promise<R>,
) {
  const queryClient = useQueryClient();
  return useMutation<R, Error, I>({
    mutationFn: (input: I) => trackWrite(number, send(complaintPath(number), input)),
    onSuccess: (result) => refreshAfterWrite(queryClient, number, result),
  });
}

export const useClaim = (number: string) =>
  useCaseWrite<{ version?: number } | void>(number, (path, input) =>
    api.post<ComplaintDetail>(`${path}/claim`, input ?? {}),
  );

export const useRelease = (number: string) =>
  useCaseWrite<{ reason: string; version?: number }>(number, (path, input) =>
    api.post<ComplaintDetail>(`${path}/release`, input),
  );

export interface AssignmentInput {
  teamCode: string;
  assigneeId?: string | null;
  reason: string;
  version?: number;
}

export const useAssign = (number: string) =>
  useCaseWrite<AssignmentInput>(number, (path, input) =>
    api.post<ComplaintDetail>(`${path}/assignment`, input),
  );

export const useAddNote = (number: string) =>
  useCaseWrite<{ text: string; version?: number }>(number, (path, input) =>
    api.post<ComplaintDetail>(`${path}/notes`, input),
  );

export const useSendReply = (number: string) =>
  useCaseWrite<{ text: string; macroId?: string; version?: number }>(number, (path, input) =>
    api.post<ComplaintDetail>(`${path}/replies`, input),
  );

export const useSetTags = (number: string) =>
  useCaseWrite<{ tags: string[]; version?: number }>(number, (path, input) =>
    api.put<ComplaintDetail>(`${path}/tags`, input),
  );

export const useEscalate = (number: string) =>
  useCaseWrite<{ reason: string; version?: number }>(number, (path, input) =>
    api.post<ComplaintDetail>(`${path}/escalate`, input),
  );

/** Reading a clear value is audited; the timeline gains a (staff-only) entry, so refresh it. */
export const useReveal = (number: string) =>
  useCaseWrite<{ field: string }, RevealResult>(number, (path, input) =>
    api.post<RevealResult>(`${path}/reveal`, input),
  );

export function useRenderMacro(number: string) {
  return useMutation({
    mutationFn: (macroId: string) =>
      api.post<{ text: string }>(
        `${complaintPath(number)}/macros/${encodeURIComponent(macroId)}/render`,
        {},
      ),
  });
}

// ---- Teams and people ----

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: [TEAMS_KEY],
    queryFn: ({ signal }) => api.get<Team[]>('/api/v1/teams', undefined, signal),
    enabled,
  });
}

export function useAgents(enabled = true) {
  return useQuery({
    queryKey: [AGENTS_KEY],
    queryFn: ({ signal }) => api.get<AgentProfile[]>('/api/v1/agents', undefined, signal),
    enabled,
  });
}

function useInvalidate(...keys: string[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

export type AgentInput = Pick<
  AgentProfile,
  'capacity' | 'skills' | 'languages' | 'hours' | 'absentFrom' | 'absentUntil'
>;

export function useUpdateAgent() {
  const invalidate = useInvalidate(AGENTS_KEY, TEAMS_KEY, QUEUES_KEY);
  return useMutation({
    mutationFn: ({ userId, ...input }: AgentInput & { userId: string }) =>
      api.patch<AgentProfile>(`/api/v1/agents/${encodeURIComponent(userId)}`, input),
    onSuccess: invalidate,
  });
}

/** A new team: its code is fixed once created, and so is whether it is the expert seat. */
export interface NewTeamInput {
  code: string;
  name: { zh: string; en: string };
  isExpertSeat: boolean;
}

export interface TeamPatch {
  name: { zh: string; en: string };
  enabled: boolean;
}

export function useSaveTeam() {
  const invalidate = useInvalidate(TEAMS_KEY, QUEUES_KEY, AGENTS_KEY);
  return useMutation({
    mutationFn: (
      input: { existing: string; patch: TeamPatch } | { existing: null; create: NewTeamInput },
    ) =>
      'create' in input
        ? api.post<Team>('/api/v1/teams', input.create)
        : api.patch<Team>(`/api/v1/teams/${encodeURIComponent(input.existing)}`, input.patch),
    onSuccess: invalidate,
  });
}

export function useSetMembers() {
  const invalidate = useInvalidate(TEAMS_KEY, QUEUES_KEY, AGENTS_KEY);
  return useMutation({
    mutationFn: ({ code, userIds }: { code: string; userIds: string[] }) =>
      api.put<Team>(`/api/v1/teams/${encodeURIComponent(code)}/members`, { userIds }),
    onSuccess: invalidate,
  });
}

export const AVAILABILITY_KEY = 'my-availability';

/** My own profile as the assigner sees it (404 agent_not_found for people without one). */
export function useMyAvailability(enabled = true) {
  return useQuery({
    queryKey: [AVAILABILITY_KEY],
    queryFn: ({ signal }) => api.get<AgentProfile>('/api/v1/me/availability', undefined, signal),
    enabled,
  });
}

/** Away from (null: now) until (null: further notice); both null: not away. */
export function useSetMyAvailability() {
  const invalidate = useInvalidate(AVAILABILITY_KEY, AGENTS_KEY, QUEUES_KEY, COMPLAINTS_KEY);
  return useMutation({
    mutationFn: (input: { absentFrom: string | null; absentUntil: string | null }) =>
      api.patch<AgentProfile>('/api/v1/me/availability', input),
    onSuccess: invalidate,
  });
}

// ---- Routing rules ----

export function useRoutingRules(enabled = true) {
  return useQuery({
    queryKey: [RULES_KEY],
    queryFn: ({ signal }) => api.get<RoutingRule[]>('/api/v1/routing/rules', undefined, signal),
    enabled,
  });
}

export function usePutRule() {
  const invalidate = useInvalidate(RULES_KEY);
  return useMutation({
    mutationFn: (rule: RoutingRule) => api.put<RoutingRule>('/api/v1/routing/rules', rule),
    onSuccess: invalidate,
  });
}

export function useDeleteRule() {
  const invalidate = useInvalidate(RULES_KEY);
  return useMutation({
    mutationFn: (rule: Pick<RoutingRule, 'categoryCode' | 'typeCode'>) =>
      api.delete(
        `/api/v1/routing/rules?categoryCode=${encodeURIComponent(rule.categoryCode)}&typeCode=${encodeURIComponent(rule.typeCode)}`,
      ),
    onSuccess: invalidate,
  });
}

// ---- Macros ----

/** usable: only the enabled ones the caller may use on a complaint (the work panel's picker). */
export function useMacros(usable = false) {
  return useQuery({
    queryKey: [MACROS_KEY, usable ? 'usable' : 'all'],
    queryFn: ({ signal }) =>
      api.get<Macro[]>('/api/v1/macros', usable ? { usable: 'true' } : undefined, signal),
  });
}

export interface MacroInput {
  title: string;
  body: string;
  teamCode?: string | null;
  enabled?: boolean;
}

export function useSaveMacro() {
  const invalidate = useInvalidate(MACROS_KEY);
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Partial<MacroInput> }) =>
      id
        ? api.patch<Macro>(`/api/v1/macros/${encodeURIComponent(id)}`, input)
        : api.post<Macro>('/api/v1/macros', input),
    onSuccess: invalidate,
  });
}

// ---- Audit log ----

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  actorId?: string;
  action?: string;
}

export const AUDIT_PAGE = 50;

export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [AUDIT_KEY, filter],
    queryFn: ({ signal, pageParam }) =>
      api.get<{ items: AuditEntry[] }>(
        '/api/v1/audit',
        { ...filter, before: pageParam ?? undefined, limit: AUDIT_PAGE },
        signal,
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) =>
      last.items.length < AUDIT_PAGE ? null : (last.items[last.items.length - 1]?.id ?? null),
  });
}
