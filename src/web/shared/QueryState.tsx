// Renders a query's loading, error and success states so no page is ever blank.
import type { UseQueryResult } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ErrorResult } from './ErrorResult';

interface Props<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Rows of skeleton while loading. */
  rows?: number;
  loading?: ReactNode;
}

export function QueryState<T>({ query, children, rows = 4, loading }: Props<T>) {
  if (query.isPending) {
    return <>{loading ?? <Skeleton active paragraph={{ rows }} />}</>;
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
