import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Role, StaffRole, User } from '../../app/types';

export interface UserItem extends User {
  status: 'active' | 'disabled';
  createdAt: string;
}

export interface UserFilter {
  role?: Role;
  q?: string;
  page: number;
  pageSize: number;
}

export interface NewUser {
  role: StaffRole;
  name: string;
  email: string;
  password: string;
  phone?: string;
  merchantId?: string;
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: ({ signal }) =>
      api.get<{ items: UserItem[]; total: number }>(
        '/api/v1/users',
        { role: filter.role, q: filter.q, page: filter.page, pageSize: filter.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMerchants(enabled = true) {
  return useQuery({
    queryKey: ['merchants'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string }[] }>('/api/v1/merchants', undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api.post<UserItem>('/api/v1/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
