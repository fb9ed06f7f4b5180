// Data hooks for merchants, external platforms, links and collective cases, and phone calls
// (docs/CASES.md). Every write that changes a complaint refreshes every cached view of it.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, NETWORK_ERROR, type FieldErrors } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { trackWrite } from '../casework/live';
import type {
  Call,
  CollectiveCase,
  CollectiveSplit,
  CollectiveSummary,
  ComplaintDetail,
  ComplaintSummary,
  ExternalImportReport,
  ExternalPlatform,
  ExternalStatus,
  ExternalUpdateResult,
  LocalText,
  Merchant,
  MerchantPhase,
  MerchantTier,
  RemedyKind,
} from '../../app/types';

const V1 = '/api/v1';
const enc = encodeURIComponent;
const complaintPath = (number: string) => `${V1}/complaints/${enc(number)}`;

/** Lists come back bare or wrapped in {items}; read both so a list endpoint can grow a total. */
function items<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : data.items;
}

export const extrasKeys = {
  merchants: ['case-extras', 'merchants'] as const,
  inbox: (phase: string | undefined) => ['case-extras', 'merchant-inbox', phase ?? ''] as const,
  platforms: ['case-extras', 'platforms'] as const,
  collectives: ['case-extras', 'collective'] as const,
  collective: (id: string) => ['case-extras', 'collective', id] as const,
  call: (id: string) => ['case-extras', 'call', id] as const,
};

/** Complaints are cached by the console and the portal under keys starting with 'complaints'. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['complaints'] }),
      queryClient.invalidateQueries({ queryKey: ['case-extras'] }),
    ]);
}

// ---- Merchants ----

export function useMerchantList(enabled = true) {
  return useQuery({
    queryKey: extrasKeys.merchants,
    queryFn: ({ signal }) =>
      api.get<Merchant[] | { items: Merchant[] }>(`${V1}/merchants`, undefined, signal),
    select: items,
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export interface MerchantInput {
  name: string;
  tier: MerchantTier;
  replyHours?: number | null;
}

export function useSaveMerchant() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: MerchantInput }) =>
      id
        ? api.patch<Merchant>(`${V1}/merchants/${enc(id)}`, input)
        : api.post<Merchant>(`${V1}/merchants`, input),
    onSuccess: refresh,
  });
}

export function useAddShop() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ merchantId, name }: { merchantId: string; name: string }) =>
      api.post<unknown>(`${V1}/merchants/${enc(merchantId)}/shops`, { name }),
    onSuccess: refresh,
  });
}

export function useMerchantTransfer(complaint: ComplaintDetail) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { merchantId?: string; shopId?: string; opinion: string }) =>
      trackWrite(
        complaint.number,
        api.post<ComplaintDetail>(`${complaintPath(complaint.number)}/merchant-transfer`, {
          ...input,
          version: complaint.version,
        }),
      ),
    onSuccess: refresh,
  });
}

/** One line of the merchant's inbox: the complaint and where the merchant stands on it. */
export interface MerchantInboxItem extends ComplaintSummary {
  phase: MerchantPhase | null;
  replyDueAt: string | null;
  firstReplyAt?: string | null;
  shop?: string | null;
}

export function useMerchantInbox(phase: MerchantPhase | undefined) {
  return useQuery({
    queryKey: extrasKeys.inbox(phase),
    queryFn: ({ signal }) =>
      api.get<MerchantInboxItem[] | { items: MerchantInboxItem[] }>(
        `${V1}/merchant/complaints`,
        { phase, pageSize: 100 },
        signal,
      ),
    select: items,
    refetchOnWindowFocus: true,
  });
}

export function useMerchantComplaint(number: string) {
  return useQuery({
    queryKey: ['complaints', 'detail', number],
    queryFn: ({ signal }) => api.get<ComplaintDetail>(complaintPath(number), undefined, signal),
    refetchOnWindowFocus: true,
  });
}

export function useMerchantReply(number: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (text: string) =>
      api.post<unknown>(`${V1}/merchant/complaints/${enc(number)}/replies`, { text }),
    onSuccess: refresh,
  });
}

export interface RemedyInput {
  kind: RemedyKind;
  amount?: string;
  note: string;
}

export function useProposeRemedy(number: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: RemedyInput) =>
      api.post<unknown>(`${V1}/merchant/complaints/${enc(number)}/remedies`, input),
    onSuccess: refresh,
  });
}

// ---- External platforms ----

export function usePlatforms() {
  return useQuery({
    queryKey: extrasKeys.platforms,
    queryFn: ({ signal }) =>
      api.get<ExternalPlatform[] | { items: ExternalPlatform[] }>(
        `${V1}/external-platforms`,
        undefined,
        signal,
      ),
    select: items,
    staleTime: 60_000,
  });
}

export function useAddPlatform() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { code: string; name: LocalText }) =>
      api.post<ExternalPlatform>(`${V1}/external-platforms`, input),
    onSuccess: refresh,
  });
}

export function useUpdatePlatform() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ code, ...input }: { code: string; enabled?: boolean; name?: LocalText }) =>
      api.patch<ExternalPlatform>(`${V1}/external-platforms/${enc(code)}`, input),
    onSuccess: refresh,
  });
}

export function useExternalTransfer(complaint: ComplaintDetail) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { platform: string; externalNumber: string; note: string }) =>
      trackWrite(
        complaint.number,
        api.post<ComplaintDetail>(`${complaintPath(complaint.number)}/external-transfers`, {
          ...input,
          version: complaint.version,
        }),
      ),
    onSuccess: refresh,
  });
}

export interface ExternalUpdateInput {
  platform: string;
  externalNumber: string;
  status: ExternalStatus;
  note?: string;
  at?: string;
}

/** A single status update answers with the row's result; a refused one is an ApiError. */
export function useExternalUpdate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ExternalUpdateInput) =>
      api.post<ExternalUpdateResult & { handedBack?: boolean }>(
        `${V1}/external-cases/updates`,
        input,
      ),
    onSuccess: refresh,
  });
}

/**
 * The CSV goes up as text/csv, which the JSON client cannot send; the session's CSRF token and
 * the error shape are the same as everywhere else.
 */
async function postCsv(csv: string, csrfToken: string | null): Promise<ExternalImportReport> {
  let response: Response;
  try {
    response = await fetch(`${V1}/external-cases/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLang(),
        'Content-Type': 'text/csv; charset=utf-8',
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
      body: csv,
    });
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (
      body as
        | { error?: { code?: string; message?: string; fields?: FieldErrors; detail?: string } }
        | undefined
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? '',
      error?.fields,
      error?.detail,
    );
  }
  return body as ExternalImportReport;
}

export function useExternalImport(csrfToken: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (csv: string) => postCsv(csv, csrfToken),
    onSuccess: refresh,
  });
}

export interface ExternalLookup {
  number: string;
  [key: string]: unknown;
}

export function useExternalLookup() {
  return useMutation({
    mutationFn: ({ platform, externalNumber }: { platform: string; externalNumber: string }) =>
      api.get<ExternalLookup>(`${V1}/external-cases/${enc(platform)}/${enc(externalNumber)}`),
  });
}

// ---- Links and collective cases ----

export function useAddLink(number: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { number: string; note?: string }) =>
      trackWrite(number, api.post<ComplaintDetail>(`${complaintPath(number)}/links`, input)),
    onSuccess: refresh,
  });
}

export function useRemoveLink(number: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (other: string) =>
      trackWrite(
        number,
        api.delete<ComplaintDetail>(`${complaintPath(number)}/links/${enc(other)}`),
      ),
    onSuccess: refresh,
  });
}

export interface CollectiveFilter {
  status?: 'open' | 'closed';
  q?: string;
  page: number;
  pageSize: number;
}

export function useCollectiveList(filter: CollectiveFilter) {
  return useQuery({
    queryKey: [...extrasKeys.collectives, 'list', filter],
    queryFn: ({ signal }) =>
      api.get<{ items: CollectiveSummary[]; total: number }>(
        `${V1}/collective-cases`,
        { ...filter },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCollective(id: string) {
  return useQuery({
    queryKey: extrasKeys.collective(id),
    queryFn: ({ signal }) =>
      api.get<CollectiveCase>(`${V1}/collective-cases/${enc(id)}`, undefined, signal),
  });
}

/** From a complaint's page, `from` names it so its own live notice is not taken for another's. */
export function useCreateCollective(from?: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { title: string; numbers: string[]; merchantId?: string }) => {
      const write = api.post<CollectiveCase>(`${V1}/collective-cases`, input);
      return from ? trackWrite(from, write) : write;
    },
    onSuccess: refresh,
  });
}

export function useCollectiveActions(id: string) {
  const refresh = useRefresh();
  const base = `${V1}/collective-cases/${enc(id)}`;
  return {
    addMembers: useMutation({
      mutationFn: (numbers: string[]) => api.post<CollectiveCase>(`${base}/members`, { numbers }),
      onSuccess: refresh,
    }),
    removeMember: useMutation({
      mutationFn: (number: string) => api.delete(`${base}/members/${enc(number)}`),
      onSuccess: refresh,
    }),
    split: useMutation({
      mutationFn: (input: { numbers: string[]; title: string }) =>
        api.post<CollectiveSplit>(`${base}/split`, input),
      onSuccess: refresh,
    }),
    progress: useMutation({
      mutationFn: (text: string) => api.post<CollectiveCase>(`${base}/progress`, { text }),
      onSuccess: refresh,
    }),
  };
}

// ---- Phone calls ----

export function useCall(id: string | null) {
  return useQuery({
    queryKey: extrasKeys.call(id ?? ''),
    queryFn: ({ signal }) => api.get<Call>(`${V1}/calls/${enc(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** My calls still open (a supervisor sees everyone's), so a call survives a closed tab. */
export function useOpenCalls() {
  return useQuery({
    queryKey: ['case-extras', 'calls', 'open'],
    queryFn: ({ signal }) =>
      api.get<{ items: Call[]; total: number }>(
        `${V1}/calls`,
        { open: 'true', pageSize: 10 },
        signal,
      ),
    select: (data) => data.items,
  });
}

export function useStartCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { phone: string; direction: Call['direction'] }) =>
      api.post<Call>(`${V1}/calls`, input),
    onSuccess: (call) => queryClient.setQueryData(extrasKeys.call(call.id), call),
  });
}

/** Writes on a call answer with the call (or not); either way the cached call is refreshed. */
export function useCallActions(id: string) {
  const queryClient = useQueryClient();
  const base = `${V1}/calls/${enc(id)}`;
  const store = async (data: unknown) => {
    if (data && typeof data === 'object' && 'id' in data) {
      queryClient.setQueryData(extrasKeys.call(id), data);
    }
    await queryClient.invalidateQueries({ queryKey: extrasKeys.call(id) });
  };
  return {
    sendCode: useMutation({
      mutationFn: () => api.post<{ sent: true; resendAfterSeconds: number }>(`${base}/code`),
    }),
    verify: useMutation({
      mutationFn: (input: { code: string } | { complaintNumber: string; name: string }) =>
        api.post<Call>(`${base}/verify`, input),
      // A wrong answer uses up an attempt too: refetch the call either way.
      onSettled: store,
    }),
    attach: useMutation({
      mutationFn: (number: string) => api.post<Call>(`${base}/complaints`, { number }),
      onSuccess: async (data) => {
        await store(data);
        await queryClient.invalidateQueries({ queryKey: ['complaints'] });
      },
    }),
    end: useMutation({
      mutationFn: (note: string | undefined) => api.post<Call>(`${base}/end`, { note }),
      onSuccess: store,
    }),
  };
}
