// Every complaint call the portal makes (docs/COMPLAINTS.md), as TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload, type UploadProgress } from '../../app/api';
import type {
  ComplaintDetail,
  ComplaintList,
  EvidenceVerification,
  FilingResult,
  TypeSuggestion,
} from '../../app/types';

const BASE = '/api/v1/complaints';

export const complaintPath = (number: string) => `${BASE}/${encodeURIComponent(number)}`;

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (filters: ListFilters) => ['complaints', 'list', filters] as const,
  detail: (number: string) => ['complaints', 'detail', number] as const,
};

export interface ListFilters {
  category?: string;
  status?: string;
  days: number;
  page: number;
}

export const PAGE_SIZE = 10;

/** The start of the window, at the start of that day, so the key stays stable all day. */
export function windowStart(days: number, now = new Date()): string {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days + 1);
  return from.toISOString();
}

export function useMyComplaints(filters: ListFilters) {
  return useQuery({
    queryKey: complaintKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<ComplaintList>(
        BASE,
        {
          category: filters.category,
          status: filters.status,
          from: windowStart(filters.days),
          page: filters.page,
          pageSize: PAGE_SIZE,
        },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

export function useComplaint(number: string) {
  return useQuery({
    queryKey: complaintKeys.detail(number),
    queryFn: ({ signal }) => api.get<ComplaintDetail>(complaintPath(number), undefined, signal),
  });
}

export function useTypeSuggestions(q: string) {
  return useQuery({
    queryKey: ['catalog', 'suggest', q],
    queryFn: ({ signal }) =>
      api.get<{ suggestions: TypeSuggestion[] }>('/api/v1/catalog/suggest', { q }, signal),
    select: (data) => data.suggestions,
    enabled: q.trim().length >= 2,
    staleTime: 5 * 60_000,
  });
}

export interface FilingInput {
  type: string;
  description: string;
  demand: string;
  fields: Record<string, string>;
  contactName: string;
}

export function fileComplaint(input: FilingInput, idempotencyKey: string) {
  return api.post<FilingResult>(
    BASE,
    { ...input, channel: 'web' },
    { 'Idempotency-Key': idempotencyKey },
  );
}

export function uploadEvidence(
  number: string,
  files: readonly File[],
  evidenceKey: string | null,
  onProgress?: UploadProgress,
) {
  const form = new FormData();
  // Text fields first: a streaming multipart parser sees the checklist item before the files.
  if (evidenceKey) form.append('evidenceKey', evidenceKey);
  for (const file of files) form.append('files', file, file.name);
  return upload<unknown>(`${complaintPath(number)}/evidence`, form, onProgress);
}

export function useVerifyEvidence(number: string) {
  return useMutation({
    mutationFn: () => api.get<EvidenceVerification>(`${complaintPath(number)}/evidence/verify`),
  });
}

/** A write on one complaint that answers with the complaint, refreshing every view of it. */
function useComplaintAction<I>(number: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<unknown>(`${complaintPath(number)}/${path}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}

export const useSupplyMaterials = (number: string) =>
  useComplaintAction<{ note?: string }>(number, 'materials');

export const useAppeal = (number: string) =>
  useComplaintAction<{ reason?: string }>(number, 'appeal');

export const useRate = (number: string) =>
  useComplaintAction<{ score: number; comment?: string }>(number, 'rating');

export function useTrack() {
  return useMutation({
    mutationFn: (input: { number: string; contact: string }) =>
      api.post<ComplaintDetail>(`${BASE}/track`, input),
  });
}

/** The complainant's answer to a merchant's remedy: accept it, or refuse it with a reason. */
export function useAnswerRemedy(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        { id: string; accept: true; note?: string } | { id: string; accept: false; reason: string },
    ) =>
      input.accept
        ? api.post<unknown>(
            `${complaintPath(number)}/remedies/${encodeURIComponent(input.id)}/accept`,
            input.note ? { note: input.note } : {},
          )
        : api.post<unknown>(
            `${complaintPath(number)}/remedies/${encodeURIComponent(input.id)}/refuse`,
            { reason: input.reason },
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}
