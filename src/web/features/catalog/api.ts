import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type {
  Category,
  FieldKind,
  LocalText,
  Priority,
  ProblemType,
  Sla,
  TypeSuggestion,
} from '../../app/types';

// The admin view's shapes (src/modules/catalog/admin-schema.ts on the server). They extend the
// public contracts of src/shared/catalog.ts with what only staff see.
export interface AdminType extends ProblemType {
  categoryCode: string;
  keywords: string[];
  enabled: boolean;
  sortOrder: number;
  updatedAt: string;
}

export interface AdminCategory extends Omit<Category, 'types'> {
  sortOrder: number;
  updatedAt: string;
  types: AdminType[];
}

export interface CategoryInput {
  code?: string;
  name: LocalText;
  description: LocalText;
  accepted: boolean;
  refusalGuidance: LocalText | null;
  sortOrder?: number;
}

export interface TypeInput {
  code?: string;
  categoryCode: string;
  name: LocalText;
  priority: Priority;
  requiredFields: { key: string; kind: FieldKind; label: LocalText; required: boolean }[];
  requiredEvidence: { key: string; label: LocalText }[];
  sla: Sla;
  keywords: string[];
  enabled: boolean;
  sortOrder?: number;
}

export function useCatalog() {
  return useQuery({
    queryKey: ['catalog'],
    queryFn: ({ signal }) =>
      api.get<{ categories: Category[] }>('/api/v1/catalog', undefined, signal),
    select: (data) => data.categories,
    staleTime: 5 * 60_000,
  });
}

export function useAdminCatalog() {
  return useQuery({
    queryKey: ['catalog', 'admin'],
    queryFn: ({ signal }) =>
      api.get<{ categories: AdminCategory[] }>('/api/v1/catalog/admin', undefined, signal),
    select: (data) => data.categories,
  });
}

/** Creates when `code` is new (no `existing`), otherwise changes the entry with that code. */
export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, input }: { existing: string | null; input: CategoryInput }) =>
      existing
        ? api.patch<AdminCategory>(`/api/v1/catalog/categories/${existing}`, input)
        : api.post<AdminCategory>('/api/v1/catalog/categories', input),
    // The public catalogue, the scope page and the filing wizard all read ['catalog', …].
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  });
}

export function useSaveType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, input }: { existing: string | null; input: TypeInput }) =>
      existing
        ? api.patch<AdminType>(`/api/v1/catalog/types/${existing}`, input)
        : api.post<AdminType>('/api/v1/catalog/types', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  });
}

/** Problem types that match what someone typed, best first (empty text asks nothing). */
export function useTypeSuggestions(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['catalog', 'suggest', q],
    queryFn: ({ signal }) =>
      api.get<{ suggestions: TypeSuggestion[] }>('/api/v1/catalog/suggest', { q }, signal),
    select: (data) => data.suggestions,
    enabled: q.length > 0,
    staleTime: 60_000,
  });
}
