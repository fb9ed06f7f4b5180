// Session state for the whole app: who is logged in, their permissions and the CSRF token.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../shared/formErrors';
import { api, ApiError, setCsrfToken } from './api';
import type { OtpRequestResult, Permission, Session } from './types';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(signal: AbortSignal): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/v1/auth/me', undefined, signal);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

interface AuthValue {
  session: Session | null;
  /** True until the first answer from /auth/me (logged in or not) has arrived. */
  loading: boolean;
  error: unknown;
  retry: () => void;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const session = query.data ?? null;
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  const value = useMemo<AuthValue>(
    () => ({
      session,
      loading: query.isPending,
      error: query.error,
      retry,
      can: (permission) => session?.permissions.includes(permission) ?? false,
    }),
    [session, query.isPending, query.error, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** Stores a fresh session everywhere it is needed, dropping data cached for the previous user. */
function useAdoptSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session | null) => {
      setCsrfToken(session?.csrfToken ?? null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session);
    },
    [queryClient],
  );
}

export function useStaffLogin() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api.post<Session>('/api/v1/auth/login', input),
    onSuccess: adopt,
  });
}

export function useOtpRequest() {
  return useMutation({
    mutationFn: (input: { target: string }) =>
      api.post<OtpRequestResult>('/api/v1/auth/otp/request', input),
  });
}

export function useOtpVerify() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (input: { target: string; code: string }) =>
      api.post<Session>('/api/v1/auth/otp/verify', input),
    onSuccess: adopt,
  });
}

/**
 * Logs out and then goes to `redirectTo`. Navigation happens here (the hook's onSuccess runs even
 * after the page that offered the button unmounts, unlike callbacks passed to `mutate`).
 */
export function useLogout(redirectTo: string) {
  const adopt = useAdoptSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/api/v1/auth/logout');
      } catch (error) {
        // An already-expired session is as good as logged out.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: async () => {
      // Leave the page first, then drop the session: dropped first, a page that needs a login
      // (我的) would send the person to /login before the navigation lands.
      // flushSync: the router commits the new location before the session is dropped; in a
      // transition (the default) React could render 我的 without a session first.
      await navigate(redirectTo, { replace: true, flushSync: true });
      adopt(null);
      message.success(t('auth.loggedOut'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
}
