import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Category } from '../../app/types';

export function useCatalog() {
  return useQuery({
    queryKey: ['catalog'],
    queryFn: ({ signal }) =>
      api.get<{ categories: Category[] }>('/api/v1/catalog', undefined, signal),
    select: (data) => data.categories,
    staleTime: 5 * 60_000,
  });
}
