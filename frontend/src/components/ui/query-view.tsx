import type { ReactNode } from 'react';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import { LoadError } from '@/components/ui/load-error';
import { Loading } from '@/components/ui/loading';

interface QueryViewProps<TData> {
  query: UseQueryResult<TData, unknown> | UseInfiniteQueryResult<TData, unknown>;
  /** The loading message, e.g. "Loading the users…". */
  loadingLabel: string;
  /** What could not be loaded, e.g. "The users could not be loaded". */
  errorTitle: string;
  /** Whether the loaded data has nothing to show: `empty` is then shown instead of `children`. */
  isEmpty: (data: TData) => boolean;
  /** What stands for no data, usually an `EmptyState`. */
  empty: ReactNode;
  /** The loaded data. */
  children: (data: TData) => ReactNode;
}

/** A read in its states: loading, failed (with a way to try again), empty, or loaded. */
export function QueryView<TData>({
  query,
  loadingLabel,
  errorTitle,
  isEmpty,
  empty,
  children,
}: QueryViewProps<TData>) {
  if (query.isPending) {
    return <Loading label={loadingLabel} />;
  }
  if (query.isError) {
    return (
      <LoadError title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return isEmpty(query.data) ? empty : children(query.data);
}
