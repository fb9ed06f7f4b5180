// Every notifications call the web app makes (docs/NOTIFICATIONS.md): the bell, the complainant's
// channel preferences, the public receipt check and tracking link, and the admins' templates,
// switches and outbox.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ComplaintDetail } from '../../app/types';
import type {
  NotificationView,
  NotifyChannel,
  NotifyNode,
  OutboxStatus,
  OutboxView,
  PreferencesView,
  SwitchView,
  TemplateView,
} from '../../../shared/notifications';

export type TemplateLocale = TemplateView['locale'];

export interface BellPage {
  items: NotificationView[];
  unread: number;
  nextBefore: number | null;
}

export const BELL_KEY = ['notifications', 'bell'] as const;
const PREFS_KEY = ['notifications', 'preferences'] as const;
const TEMPLATES_KEY = ['notifications', 'templates'] as const;
const OUTBOX_KEY = ['notifications', 'outbox'] as const;
const BELL_PAGE = 20;

/** The bell, newest first, a page at a time ("older" loads the next page). */
export function useBell() {
  return useInfiniteQuery({
    queryKey: BELL_KEY,
    queryFn: ({ pageParam, signal }) =>
      api.get<BellPage>('/api/v1/notifications', { limit: BELL_PAGE, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // The live stream says when something new arrives; no need to poll or refetch on focus.
    staleTime: 5 * 60_000,
  });
}

export type BellQuery = ReturnType<typeof useBell>;

/** Marks some (or all) notifications read; the cache follows at once, the server confirms. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: number[] } | { all: true }) =>
      api.post<{ unread: number }>('/api/v1/notifications/read', input),
    onSuccess: ({ unread }, input) => {
      const now = new Date().toISOString();
      const read = (item: NotificationView) =>
        item.readAt === null && ('all' in input || input.ids.includes(item.id))
          ? { ...item, readAt: now }
          : item;
      queryClient.setQueryData<InfiniteData<BellPage, number | undefined>>(BELL_KEY, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((page) => ({ ...page, unread, items: page.items.map(read) })),
            }
          : old,
      );
    },
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: PREFS_KEY,
    queryFn: ({ signal }) =>
      api.get<PreferencesView>('/api/v1/me/notification-preferences', undefined, signal),
  });
}

export type PreferencesPatch = Partial<
  Pick<PreferencesView, 'sms' | 'email' | 'wechat' | 'timeZone'>
>;

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PreferencesPatch) =>
      api.put<PreferencesView>('/api/v1/me/notification-preferences', patch),
    onSuccess: (view) => queryClient.setQueryData(PREFS_KEY, view),
  });
}

export interface ReceiptCheck {
  code: string;
  valid: boolean;
  problems: ('content_altered' | 'pdf_altered')[];
  number: string;
  outcome: string;
  type: string;
  resolvedAt: string;
  issuedAt: string;
  contentSha256: string;
  pdfSha256: string;
}

export function useReceiptCheck(code: string) {
  return useQuery({
    queryKey: ['notifications', 'receipt', code],
    queryFn: ({ signal }) =>
      api.get<ReceiptCheck>(`/api/v1/receipts/${encodeURIComponent(code)}`, undefined, signal),
    enabled: code.trim() !== '',
  });
}

/** The tracking view a signed SMS/email link opens, without a login. */
export function useTrackLink(token: string) {
  return useQuery({
    queryKey: ['complaints', 'track-link', token],
    queryFn: ({ signal }) =>
      api.get<ComplaintDetail>(
        `/api/v1/complaints/track/link/${encodeURIComponent(token)}`,
        undefined,
        signal,
      ),
  });
}

// ---- Admins: templates and switches ----

export interface TemplatesReply {
  templates: TemplateView[];
  switches: SwitchView[];
  variables: Record<string, string[]>;
}

export interface TemplateKey {
  node: NotifyNode;
  channel: NotifyChannel;
  locale: TemplateLocale;
}

const templatePath = (k: TemplateKey) =>
  `/api/v1/notification-templates/${k.node}/${k.channel}/${encodeURIComponent(k.locale)}`;

export function useTemplates() {
  return useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: ({ signal }) =>
      api.get<TemplatesReply>('/api/v1/notification-templates', undefined, signal),
  });
}

/** Replaces one template (or switch) in the cached list with the server's answer. */
function useTemplatesCache() {
  const queryClient = useQueryClient();
  return {
    template: (view: TemplateView) =>
      queryClient.setQueryData<TemplatesReply>(TEMPLATES_KEY, (old) =>
        old
          ? {
              ...old,
              templates: old.templates.map((t) =>
                t.node === view.node && t.channel === view.channel && t.locale === view.locale
                  ? view
                  : t,
              ),
            }
          : old,
      ),
    switch: (view: SwitchView) =>
      queryClient.setQueryData<TemplatesReply>(TEMPLATES_KEY, (old) =>
        old
          ? {
              ...old,
              switches: old.switches.map((s) =>
                s.node === view.node && s.channel === view.channel ? view : s,
              ),
            }
          : old,
      ),
  };
}

export function useSaveTemplate() {
  const cache = useTemplatesCache();
  return useMutation({
    mutationFn: ({
      key,
      subject,
      body,
    }: {
      key: TemplateKey;
      subject: string | null;
      body: string;
    }) => api.put<TemplateView>(templatePath(key), { subject, body }),
    onSuccess: cache.template,
  });
}

export function useResetTemplate() {
  const cache = useTemplatesCache();
  return useMutation({
    mutationFn: (key: TemplateKey) => api.delete<TemplateView>(templatePath(key)),
    onSuccess: cache.template,
  });
}

export function useSetSwitch() {
  const cache = useTemplatesCache();
  return useMutation({
    mutationFn: ({ node, channel, enabled }: Omit<SwitchView, 'customised'>) =>
      api.put<SwitchView>(`/api/v1/notification-switches/${node}/${channel}`, { enabled }),
    onSuccess: cache.switch,
  });
}

export interface PreviewInput extends TemplateKey {
  subject: string | null;
  body: string;
  number?: string;
}

export interface PreviewReply {
  subject: string | null;
  body: string;
  html: string | null;
  vars: Record<string, string>;
}

export function usePreview() {
  return useMutation({
    mutationFn: (input: PreviewInput) =>
      api.post<PreviewReply>('/api/v1/notification-templates/preview', input),
  });
}

// ---- Admins: the outbox ----

export interface OutboxFilter {
  status?: OutboxStatus;
  channel?: NotifyChannel;
  number?: string;
}

export interface OutboxReply {
  items: OutboxView[];
  counts: Partial<Record<OutboxStatus, number>>;
}

export function useOutbox(filter: OutboxFilter) {
  return useQuery({
    queryKey: [...OUTBOX_KEY, filter],
    queryFn: ({ signal }) =>
      api.get<OutboxReply>('/api/v1/outbox', { ...filter, limit: 200 }, signal),
    placeholderData: (previous) => previous,
    // Workers change rows on their own schedule (every few seconds); look again now and then.
    refetchInterval: 15_000,
  });
}

export function useRetryOutbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<OutboxView>(`/api/v1/outbox/${id}/retry`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: OUTBOX_KEY }),
  });
}
