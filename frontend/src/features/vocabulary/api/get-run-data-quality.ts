import { useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type RunDataQuality = ApiSchemas['RunDataQualityView'];
export type UnmappedText = ApiSchemas['UnmappedText'];

/** The key every run's data-quality answer starts with: a mapping changes what each of them shows. */
export const RUN_DATA_QUALITY_QUERY_KEY = ['get', '/api/runs/{runId}/data-quality'] as const;

/**
 * `GET /api/runs/{runId}/data-quality`: what a run could not read — ledger descriptions that mean none of the
 * client's services and site names that name none of its sites — with the services a description can be mapped
 * to. Data quality, never revenue exceptions. `recorded` is false for a run that recorded no findings.
 */
export function getRunDataQualityQueryOptions(runId: string) {
  return $api.queryOptions('get', '/api/runs/{runId}/data-quality', {
    params: { path: { runId } },
  });
}

export function useRunDataQuality(runId: string) {
  return useQuery(getRunDataQualityQueryOptions(runId));
}
