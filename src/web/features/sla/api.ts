// Data hooks for SLA clocks in use: supervisors' escalation alerts (升级提醒), assisting teams
// (协查) and the complainant's 催办 (docs/SLA.md).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ComplaintDetail, TeamHead } from '../../app/types';
import type {
  CalendarSummary,
  EscalationAlert,
  EscalationAlertList,
  PressState,
} from '../../../shared/sla';
import { trackWrite } from '../casework/live';

export const ALERTS_KEY = 'escalation-alerts';
const COMPLAINTS_KEY = 'complaints';
const QUEUES_KEY = 'queues';

const complaintPath = (number: string) => `/api/v1/complaints/${encodeURIComponent(number)}`;

/** A business calendar's name (工作日历), from the list the SLA admin page also reads. */
export function useCalendarName(code: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['sla', 'calendars'],
    queryFn: ({ signal }) => api.get<CalendarSummary[]>('/api/v1/calendars', undefined, signal),
    select: (calendars) => calendars.find((calendar) => calendar.code === code)?.name ?? null,
    enabled: enabled && Boolean(code),
    staleTime: 10 * 60_000,
  });
}

export type AlertFilter = 'open' | 'all';

export function useAlerts(state: AlertFilter, enabled = true) {
  return useQuery({
    queryKey: [ALERTS_KEY, state],
    queryFn: ({ signal }) =>
      api.get<EscalationAlertList>('/api/v1/escalation/alerts', { state }, signal),
    select: (data) => data.alerts,
    enabled,
    // The sweeper raises alerts on its own schedule, not on a complaint change the live stream
    // announces; look again now and then.
    refetchInterval: 60_000,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api.post<EscalationAlert>(`/api/v1/escalation/alerts/${id}/acknowledge`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [ALERTS_KEY] }),
  });
}

/** 添加协查团队: the complaint page, its alerts and the queues all show the teams. */
export function useAddAssistTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ number, teamCode }: { number: string; teamCode: string }) =>
      trackWrite(
        number,
        api.post<{ assistTeams: TeamHead[] }>(`${complaintPath(number)}/assist-teams`, {
          teamCode,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [COMPLAINTS_KEY] });
      void queryClient.invalidateQueries({ queryKey: [QUEUES_KEY] });
      void queryClient.invalidateQueries({ queryKey: [ALERTS_KEY] });
    },
  });
}

/** 催办 by the complainant; the answer is the new press state, the timeline gains an entry. */
export function usePress(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PressState>(`${complaintPath(number)}/press`),
    onSuccess: (press) =>
      queryClient.setQueryData<ComplaintDetail>([COMPLAINTS_KEY, 'detail', number], (old) =>
        old ? { ...old, press } : old,
      ),
    onSettled: () =>
      void queryClient.invalidateQueries({ queryKey: [COMPLAINTS_KEY, 'detail', number] }),
  });
}
