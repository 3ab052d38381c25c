import type { ApiSchemas } from '@/lib/api-client';

type RunDataQuality = ApiSchemas['RunDataQualityView'];
type UnmappedText = ApiSchemas['UnmappedText'];
type ClientVocabulary = ApiSchemas['ClientVocabularyView'];
type Mapping = ApiSchemas['MappingView'];

/** A ledger text a run could not read: 3 lines worth $412.50 unless told otherwise. */
export function anUnmappedText(overrides: Partial<UnmappedText> = {}): UnmappedText {
  return {
    text: 'WC ext quarterly',
    lines: 3,
    amount: 412.5,
    exampleLineIds: ['INV-1/1', 'INV-1/2'],
    ...overrides,
  };
}

/** A run's data quality as the API returns it: recorded, nothing unmapped, two services to map onto. */
export function aDataQuality(overrides: Partial<RunDataQuality> = {}): RunDataQuality {
  return {
    runId: '0196c1a1-0000-4000-8000-000000000001',
    clientId: 'acme',
    recorded: true,
    unmappedDescriptions: [],
    unmappedSites: [],
    services: ['Gutter Clean', 'Window Clean - Ext'],
    ...overrides,
  };
}

/** A mapping learned by recon-run from 12 confirmed pairs over 2 runs, in force. */
export function aMapping(overrides: Partial<Mapping> = {}): Mapping {
  return {
    text: 'window cleaning exterior',
    origin: 'learned',
    support: 12,
    runs: ['0196c1a1-0000-4000-8000-000000000001', '0196c1a1-0000-4000-8000-000000000002'],
    by: 'recon-run',
    at: '2026-11-03T09:30:00Z',
    revoked: false,
    revokedBy: null,
    revokedAt: null,
    ...overrides,
  };
}

/** A client's vocabulary: two services and two sites, without mappings unless told otherwise. */
export function aVocabulary(overrides: Partial<ClientVocabulary> = {}): ClientVocabulary {
  return {
    clientId: 'acme',
    services: [
      { name: 'Gutter Clean', mappings: [] },
      { name: 'Window Clean - Ext', mappings: [] },
    ],
    sites: [
      { code: 'HBV-02', name: 'Harbour View Tower', aliases: [] },
      { code: 'RIV-01', name: 'Riverside Office Park', aliases: [] },
    ],
    ...overrides,
  };
}
