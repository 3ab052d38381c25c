import { vi } from 'vitest';

/** A request the app sent, as the fake server saw it. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body, or `undefined` when there was none. */
  body: unknown;
}

export type Handler = (
  request: SentRequest,
  params: Readonly<Record<string, string>>,
) => Response | Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

function compile(route: string, handler: Handler): Route {
  const [method = '', path = ''] = route.split(' ');
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, handler };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

/** An RFC 7807 answer, as the API sends every error. */
export function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  });
}

/**
 * Replaces the global `fetch` with a fake server that answers from `routes` (`'GET /api/periods/:periodId'`).
 * Only `fetch` is faked: everything from the app's components down to openapi-fetch runs for real.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const compiled = Object.entries(routes).map(([route, handler]) => compile(route, handler));
  const requests: SentRequest[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const sent: SentRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    requests.push(sent);

    for (const route of compiled) {
      const match = route.method === sent.method ? route.pattern.exec(sent.path) : null;
      if (match !== null) {
        const params = Object.fromEntries(
          route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
        );
        return route.handler(sent, params);
      }
    }
    return problem(404, {
      title: 'Not found',
      detail: `No fake route for ${sent.method} ${sent.path}.`,
    });
  });

  vi.stubGlobal('fetch', fetchMock);

  return {
    requests,
    fetchMock,
    /** The requests sent to one method and path, e.g. `sent('GET', '/api/periods')`. */
    sent: (method: string, path: string) =>
      requests.filter((request) => request.method === method && request.path === path),
  };
}
