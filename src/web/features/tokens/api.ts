import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Role, StaffRole } from '../../app/types';

export interface TokenItem {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const KEY = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: TokenItem[] }>('/api/v1/tokens', undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: StaffRole }) =>
      api.post<{ token: string; item: TokenItem }>('/api/v1/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
