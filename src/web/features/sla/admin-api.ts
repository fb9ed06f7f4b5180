// The SLA admin page's server calls (src/modules/sla/routes.ts, src/modules/escalation): business
// calendars, SLA 预览, policies and escalation rules. Every write refreshes what it changed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BusinessCalendar,
  CalendarDay,
  CalendarSummary,
  EscalationRule,
  EscalationRuleInput,
  EscalationRuleList,
  SlaPolicyInput,
  SlaPolicyList,
  SlaPolicyRow,
  SlaPreviewRequest,
  SlaPreviewResponse,
} from '../../../shared/sla';
import { api } from '../../app/api';

const CALENDARS = ['sla', 'calendars'] as const;
const POLICIES = ['sla', 'policies'] as const;
const RULES = ['sla', 'rules'] as const;

export interface ImportInput {
  ics: string;
  source: string;
  years?: number[];
}

export interface ImportResult {
  years: { year: number; holidays: number; workdays: number }[];
}

export function useCalendars() {
  return useQuery({
    queryKey: CALENDARS,
    queryFn: ({ signal }) => api.get<CalendarSummary[]>('/api/v1/calendars', undefined, signal),
  });
}

export function useCalendar(code: string | null) {
  return useQuery({
    queryKey: [...CALENDARS, code],
    queryFn: ({ signal }) =>
      api.get<BusinessCalendar>(
        `/api/v1/calendars/${encodeURIComponent(code!)}`,
        undefined,
        signal,
      ),
    enabled: Boolean(code),
  });
}

export function useImportCalendar(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput) =>
      api.post<ImportResult>(`/api/v1/calendars/${encodeURIComponent(code)}/import`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CALENDARS }),
  });
}

export function useSaveCalendarYear(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: { year: number; source: string; days: CalendarDay[] }) =>
      api.put<CalendarSummary>(`/api/v1/calendars/${encodeURIComponent(code)}/years/${year}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CALENDARS }),
  });
}

export function usePreview() {
  return useMutation({
    mutationFn: (input: SlaPreviewRequest) =>
      api.post<SlaPreviewResponse>('/api/v1/sla/preview', input),
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: POLICIES,
    queryFn: ({ signal }) => api.get<SlaPolicyList>('/api/v1/sla/policies', undefined, signal),
    select: (data) => data.policies,
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SlaPolicyInput) => api.put<SlaPolicyRow>('/api/v1/sla/policies', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POLICIES }),
  });
}

export function useResetPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: { categoryCode: string; typeCode: string }) =>
      api.post<SlaPolicyRow>('/api/v1/sla/policies/reset', key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POLICIES }),
  });
}

export function useEscalationRules() {
  return useQuery({
    queryKey: RULES,
    queryFn: ({ signal }) =>
      api.get<EscalationRuleList>('/api/v1/escalation/rules', undefined, signal),
    select: (data) => [...data.rules].sort((a, b) => a.position - b.position),
  });
}

/** Creates when `id` is null, otherwise replaces the rule with that id. */
export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: EscalationRuleInput }) =>
      id
        ? api.put<EscalationRule>(`/api/v1/escalation/rules/${id}`, input)
        : api.post<EscalationRule>('/api/v1/escalation/rules', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RULES }),
  });
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/escalation/rules/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RULES }),
  });
}

/** The input a rule is saved from: the rule as it is, without what the server owns. */
export function ruleInput(rule: EscalationRule): EscalationRuleInput {
  return {
    code: rule.code,
    name: rule.name,
    enabled: rule.enabled,
    position: rule.position,
    match: rule.match,
    condition: rule.condition,
    actions: rule.actions,
  };
}
