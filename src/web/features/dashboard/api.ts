import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { SystemInfo } from '../../app/types';

export function useSystemInfo() {
  return useQuery({
    queryKey: ['system-info'],
    queryFn: ({ signal }) => api.get<SystemInfo>('/api/v1/system/info', undefined, signal),
  });
}
