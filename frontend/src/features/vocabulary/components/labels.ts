import type { ClientVocabulary, Mapping } from '@/features/vocabulary/api/get-client-vocabulary';
import { formatCount, formatDateTime } from '@/lib/format';

/**
 * A ledger text as the SPA compares it: trimmed, lower case, single spaces. The API compares more loosely
 * (accents, punctuation, abbreviations); two texts equal here are equal there too.
 */
export function textKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** `1 line`, `12 lines`. */
export function countOf(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * Where a mapping comes from, in words: `Learned by recon-run from 12 confirmed pairs over 3 runs` or
 * `Confirmed by rita`, then when.
 */
export function mappingOrigin(mapping: Mapping): string {
  const when = formatDateTime(mapping.at);
  if (mapping.origin === 'learned') {
    return `Learned by ${mapping.by} from ${countOf(mapping.support, 'confirmed pair', 'confirmed pairs')} over ${countOf(mapping.runs.length, 'run', 'runs')} · ${when}`;
  }
  if (mapping.origin === 'confirmed') {
    return `Confirmed by ${mapping.by} · ${when}`;
  }
  return `${mapping.origin} by ${mapping.by} · ${when}`;
}

/** Who revoked a mapping and when: `Revoked by rita · 3 Nov 2026, 09:30`. */
export function revokedLine(mapping: Mapping): string {
  const by = mapping.revokedBy ?? 'someone';
  const at = mapping.revokedAt ?? null;
  return at === null ? `Revoked by ${by}` : `Revoked by ${by} · ${formatDateTime(at)}`;
}

/** The service a description means in force in the vocabulary, or null. */
export function serviceOf(vocabulary: ClientVocabulary | undefined, text: string): string | null {
  const key = textKey(text);
  const service = vocabulary?.services.find((candidate) =>
    candidate.mappings.some((mapping) => !mapping.revoked && textKey(mapping.text) === key),
  );
  return service?.name ?? null;
}

/** The site (`code — name`) a site name is an alias of in force in the vocabulary, or null. */
export function siteOf(vocabulary: ClientVocabulary | undefined, text: string): string | null {
  const key = textKey(text);
  const site = vocabulary?.sites.find(
    (candidate) =>
      textKey(candidate.name) === key ||
      candidate.aliases.some((alias) => !alias.revoked && textKey(alias.text) === key),
  );
  return site === undefined ? null : siteLabel(site);
}

export function siteLabel(site: { code: string; name: string }): string {
  return `${site.code} — ${site.name}`;
}

/** The address of a client's vocabulary page. */
export function vocabularyHref(clientId: string): string {
  return `/clients/${encodeURIComponent(clientId)}/vocabulary`;
}
