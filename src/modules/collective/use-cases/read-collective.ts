import type { CollectiveCase, CollectiveSummary } from '../../../shared/cases.js';
import type { CollectiveDeps } from '../deps.js';
import { collectiveOr404, presentCase } from '../present.js';
import { listCollectives } from '../repository.js';

export interface CollectiveListQuery {
  status?: 'open' | 'closed';
  q?: string;
  merchantId?: string;
  page: number;
  pageSize: number;
}

export async function listCollectiveCases(
  deps: Pick<CollectiveDeps, 'db'>,
  q: CollectiveListQuery,
): Promise<{ items: CollectiveSummary[]; total: number; page: number; pageSize: number }> {
  const { items, total } = await listCollectives(deps.db, {
    status: q.status,
    q: q.q?.trim() || undefined,
    merchantId: q.merchantId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getCollectiveCase(
  deps: Pick<CollectiveDeps, 'db'>,
  idOrNumber: string,
): Promise<CollectiveCase> {
  const c = await collectiveOr404(deps.db, idOrNumber);
  return presentCase(deps.db, c.id);
}
