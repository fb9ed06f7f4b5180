// Data hooks for the staff complaint pages (docs/COMPLAINTS.md).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload, type UploadProgress } from '../../app/api';
import { trackWrite } from '../casework/live';
import type {
  Channel,
  ComplaintDetail,
  ComplaintList,
  ComplaintStatus,
  EvidenceItem,
  EvidenceVerification,
  FilingResult,
  StaffTransition,
} from '../../app/types';

export const COMPLAINTS_KEY = 'complaints';

export interface ListFilter {
  status: ComplaintStatus[];
  category?: string;
  flagged: boolean;
  q?: string;
  tag?: string;
  /** Only complaints assigned to me. */
  mine: boolean;
  page: number;
  pageSize: number;
}

export function complaintPath(number: string): string {
  return `/api/v1/complaints/${encodeURIComponent(number)}`;
}

export function useComplaintList(filter: ListFilter) {
  return useQuery({
    queryKey: [COMPLAINTS_KEY, 'list', filter],
    queryFn: ({ signal }) =>
      api.get<ComplaintList>(
        '/api/v1/complaints',
        {
          status: filter.status.join(',') || undefined,
          category: filter.category,
          flagged: filter.flagged ? 'true' : undefined,
          q: filter.q,
          tag: filter.tag,
          assignee: filter.mine ? 'me' : undefined,
          page: filter.page,
          pageSize: filter.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Just the count of a filter (the dashboard card); pageSize 1 keeps the answer small. */
export function useComplaintCount(status: readonly ComplaintStatus[]) {
  return useQuery({
    queryKey: [COMPLAINTS_KEY, 'count', status],
    queryFn: ({ signal }) =>
      api.get<ComplaintList>(
        '/api/v1/complaints',
        { status: status.join(','), page: 1, pageSize: 1 },
        signal,
      ),
    select: (data) => data.total,
  });
}

export function useComplaint(number: string) {
  return useQuery({
    queryKey: [COMPLAINTS_KEY, 'detail', number],
    queryFn: ({ signal }) => api.get<ComplaintDetail>(complaintPath(number), undefined, signal),
    // Live updates (casework/live.ts) refresh it; coming back to the tab is a cheap extra check in
    // case the stream was down.
    refetchOnWindowFocus: true,
  });
}

/** Every write answers with (or changes) the complaint, so the list and the page refresh too. */
function useRefreshComplaints() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [COMPLAINTS_KEY] }),
      queryClient.invalidateQueries({ queryKey: ['queues'] }),
    ]);
}

/**
 * Lifecycle writes send the version the agent was looking at; if someone changed the complaint
 * since, the server answers 409 version_conflict and nothing is changed.
 */
export function useTransition(number: string) {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (input: { action: StaffTransition; opinion?: string; version?: number }) =>
      trackWrite(number, api.post<ComplaintDetail>(`${complaintPath(number)}/transitions`, input)),
    onSuccess: refresh,
  });
}

export function useRequestMaterials(number: string) {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (input: { items: string[]; note?: string; version?: number }) =>
      trackWrite(
        number,
        api.post<ComplaintDetail>(`${complaintPath(number)}/material-requests`, input),
      ),
    onSuccess: refresh,
  });
}

/** Staff hand in materials received outside the portal (uploaded first) on the person's behalf. */
export function useSupplyMaterials(number: string) {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (input: { note?: string }) =>
      trackWrite(number, api.post<ComplaintDetail>(`${complaintPath(number)}/materials`, input)),
    onSuccess: refresh,
  });
}

export function useVerifyEvidence(number: string) {
  return useMutation({
    mutationFn: () => api.get<EvidenceVerification>(`${complaintPath(number)}/evidence/verify`),
  });
}

export function useUploadEvidence(number: string) {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (input: { files: File[]; evidenceKey?: string; onProgress?: UploadProgress }) => {
      const form = new FormData();
      // The text field goes first: a streaming multipart parser sees it before the files.
      if (input.evidenceKey) form.append('evidenceKey', input.evidenceKey);
      for (const file of input.files) form.append('files', file, file.name);
      return trackWrite(
        number,
        upload<unknown>(`${complaintPath(number)}/evidence`, form, input.onProgress),
      );
    },
    onSuccess: refresh,
  });
}

export interface NewComplaint {
  type: string;
  description: string;
  demand: string;
  fields: Record<string, string>;
  channel: Channel;
  complainant: { name: string; phone?: string; email?: string };
}

export function useFileComplaint() {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (input: { body: NewComplaint; idempotencyKey: string }) =>
      api.post<FilingResult>('/api/v1/complaints', input.body, {
        'Idempotency-Key': input.idempotencyKey,
      }),
    onSuccess: refresh,
  });
}

/** Evidence download paths are given under /api/v1; accept a full path too. */
export function evidenceHref(item: EvidenceItem): string {
  if (item.url.startsWith('/api/') || /^https?:/.test(item.url)) return item.url;
  return `/api/v1${item.url.startsWith('/') ? '' : '/'}${item.url}`;
}
