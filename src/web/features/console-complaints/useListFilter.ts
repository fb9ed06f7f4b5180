// The list's filters live in the address, so going back from a complaint returns to the same
// page of the same filtered list, and a filtered view can be shared with a colleague.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../app/types';
import type { ListFilter } from './api';

export const DEFAULT_PAGE_SIZE = 20;

function isStatus(value: string): value is ComplaintStatus {
  return (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function useListFilter(): [ListFilter, (patch: Partial<ListFilter>) => void] {
  const [params, setParams] = useSearchParams();

  const filter = useMemo<ListFilter>(
    () => ({
      status: (params.get('status') ?? '').split(',').filter(isStatus),
      category: params.get('category') || undefined,
      flagged: params.get('flagged') === '1',
      q: params.get('q') || undefined,
      tag: params.get('tag') || undefined,
      mine: params.get('mine') === '1',
      page: positive(params.get('page'), 1),
      pageSize: positive(params.get('pageSize'), DEFAULT_PAGE_SIZE),
    }),
    [params],
  );

  const update = useCallback(
    (patch: Partial<ListFilter>) => {
      // Any change of what is shown starts again at page 1, unless the patch is the paging.
      const next: ListFilter = { ...filter, page: 1, ...patch };
      const out = new URLSearchParams();
      if (next.status.length) out.set('status', next.status.join(','));
      if (next.category) out.set('category', next.category);
      if (next.flagged) out.set('flagged', '1');
      if (next.q) out.set('q', next.q);
      if (next.tag) out.set('tag', next.tag);
      if (next.mine) out.set('mine', '1');
      if (next.page !== 1) out.set('page', String(next.page));
      if (next.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(next.pageSize));
      setParams(out, { replace: true });
    },
    [filter, setParams],
  );

  return [filter, update];
}
