/**
 * A small typed JSON client, used by the auth, review, approvals, dashboard and admin features (written while their
 * routes were not yet in docs/openapi.json; the types they pass come from the generated schema). It behaves like the
 * generated client: same origin, the session cookie, JSON in and out, the antiforgery header on changes, and it
 * fails the way openapi-react-query does, with the ProblemDetails body of an error answer (its `status` filled in),
 * so `toProblem` reads both alike.
 */

const ACCEPT = 'application/json, application/problem+json';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The antiforgery header the API expects on cookie-authenticated requests that change state. */
export const XSRF_HEADER = 'X-XSRF-TOKEN';
const XSRF_COOKIE = 'XSRF-TOKEN';

/** The value of a cookie the page can read (`document.cookie`), or null. */
export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') {
    return null;
  }
  for (const part of document.cookie.split(';')) {
    const [key = '', ...value] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(value.join('='));
    }
  }
  return null;
}

/** The antiforgery header for `method`: the `XSRF-TOKEN` cookie's value on requests that change state. */
export function xsrfHeaders(method: string): Record<string, string> {
  if (SAFE_METHODS.has(method.toUpperCase())) {
    return {};
  }
  const token = readCookie(XSRF_COOKIE);
  return token === null ? {} : { [XSRF_HEADER]: token };
}

/** A fresh `Idempotency-Key`: one per user action, so that a repeated request is applied once. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // crypto.randomUUID exists only in secure contexts (HTTPS or localhost); build a v4 UUID by hand elsewhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Query parameters; null, undefined and empty strings are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  /** Sent as `Idempotency-Key` (see `newIdempotencyKey`). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function buildUrl(path: string, query: RequestOptions['query']): URL {
  const url = new URL(path, globalThis.location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends one request and resolves with the parsed JSON of a 2xx answer (undefined for 204). The type parameter is
 * the caller's promise about the answer's shape: the hand-written types of the feature's api folder.
 */
export async function request<T>(
  method: string,
  path: string,
  { query, body, idempotencyKey, signal }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: ACCEPT, ...xsrfHeaders(method) };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (idempotencyKey !== undefined) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  const response = await globalThis.fetch(buildUrl(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  const answer = await readBody(response);
  if (response.ok) {
    return answer as T;
  }
  const failure: unknown = isRecord(answer)
    ? { ...answer, status: response.status }
    : {
        title: 'The request failed',
        detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        status: response.status,
      };
  // The same failure openapi-react-query throws: the ProblemDetails body, read by `toProblem`.
  throw failure;
}

export function getJson<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  return request<T>('GET', path, options);
}

export function postJson<T>(
  path: string,
  body?: unknown,
  options: Omit<RequestOptions, 'body'> = {},
): Promise<T> {
  return request<T>('POST', path, { ...options, body });
}

export function putJson<T>(
  path: string,
  body: unknown,
  options: Omit<RequestOptions, 'body'> = {},
): Promise<T> {
  return request<T>('PUT', path, { ...options, body });
}

export function deleteJson<T>(
  path: string,
  options: Omit<RequestOptions, 'body'> = {},
): Promise<T> {
  return request<T>('DELETE', path, options);
}

/** A path segment, escaped: `/api/exceptions/${segment(id)}`. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
