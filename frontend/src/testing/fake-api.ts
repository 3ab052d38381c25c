import { vi } from 'vitest';

/** A request the app sent, as the fake server saw it. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body, or `undefined` when there was none (or it was a form). */
  body: unknown;
  /** The `multipart/form-data` body of an upload (sent with `XMLHttpRequest`). */
  form?: FormData;
  headers: Headers;
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

function parseBody(text: string): unknown {
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** The bytes a form body carries (its files and fields, without the multipart framing). */
function formSize(form: FormData): number {
  let size = 0;
  form.forEach((value) => {
    size += typeof value === 'string' ? value.length : value.size;
  });
  return size;
}

type XhrEventType =
  | 'loadstart'
  | 'progress'
  | 'load'
  | 'error'
  | 'abort'
  | 'timeout'
  | 'loadend'
  | 'readystatechange';

/** Dispatches `type` on `target` to its listeners and its `on<type>` property, as browsers do. */
function fire(target: EventTarget, type: XhrEventType, init: ProgressEventInit = {}) {
  const event =
    type === 'readystatechange' ? new Event(type) : new ProgressEvent(type, { ...init });
  target.dispatchEvent(event);
  const handler = (target as unknown as Record<string, unknown>)[`on${type}`];
  if (typeof handler === 'function') {
    (handler as (event: Event) => void).call(target, event);
  }
}

class FakeXhrUpload extends EventTarget {
  onloadstart: ((event: ProgressEvent) => void) | null = null;
  onprogress: ((event: ProgressEvent) => void) | null = null;
  onload: ((event: ProgressEvent) => void) | null = null;
  onerror: ((event: ProgressEvent) => void) | null = null;
  onabort: ((event: ProgressEvent) => void) | null = null;
  ontimeout: ((event: ProgressEvent) => void) | null = null;
  onloadend: ((event: ProgressEvent) => void) | null = null;
}

/**
 * A fake `XMLHttpRequest` class that sends its requests to `respond`. Like a browser on a slow line, it reports
 * half of the body sent, then waits for the answer; once the answer comes, it reports the whole body sent and
 * then the answer. A handler that returns a promise holds the upload at 50% until the test resolves it.
 */
function createFakeXhr(respond: (sent: SentRequest) => Promise<Response>) {
  return class FakeXMLHttpRequest extends EventTarget {
    static readonly UNSENT = 0;
    static readonly OPENED = 1;
    static readonly HEADERS_RECEIVED = 2;
    static readonly LOADING = 3;
    static readonly DONE = 4;

    readonly upload = new FakeXhrUpload();
    readyState = 0;
    status = 0;
    statusText = '';
    responseText = '';
    response: unknown = '';
    responseType: XMLHttpRequestResponseType = '';
    timeout = 0;
    withCredentials = false;
    onreadystatechange: ((event: Event) => void) | null = null;
    onloadstart: ((event: ProgressEvent) => void) | null = null;
    onprogress: ((event: ProgressEvent) => void) | null = null;
    onload: ((event: ProgressEvent) => void) | null = null;
    onerror: ((event: ProgressEvent) => void) | null = null;
    onabort: ((event: ProgressEvent) => void) | null = null;
    ontimeout: ((event: ProgressEvent) => void) | null = null;
    onloadend: ((event: ProgressEvent) => void) | null = null;

    #method = 'GET';
    #url = '';
    #aborted = false;
    readonly requestHeaders = new Headers();
    #responseHeaders = new Headers();

    open(method: string, url: string | URL) {
      this.#method = method.toUpperCase();
      this.#url = String(url);
      this.readyState = 1;
    }

    setRequestHeader(name: string, value: string) {
      this.requestHeaders.set(name, value);
    }

    getResponseHeader(name: string): string | null {
      return this.#responseHeaders.get(name);
    }

    getAllResponseHeaders(): string {
      return Array.from(this.#responseHeaders.entries())
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
    }

    abort() {
      if (this.#aborted || this.readyState === 4) {
        return;
      }
      this.#aborted = true;
      this.readyState = 4;
      fire(this.upload, 'abort');
      fire(this, 'abort');
      fire(this, 'loadend');
    }

    /** A method, not the field: the answer comes back across `await`s, during which `abort()` may run. */
    #wasAborted(): boolean {
      return this.#aborted;
    }

    send(body?: Document | XMLHttpRequestBodyInit | null) {
      void this.#exchange(body ?? null);
    }

    async #exchange(body: Document | XMLHttpRequestBodyInit | null) {
      const url = new URL(this.#url, globalThis.location.origin);
      const form = body instanceof FormData ? body : undefined;
      const text = typeof body === 'string' ? body : '';
      const size = form === undefined ? text.length : formSize(form);
      const sent: SentRequest = {
        method: this.#method,
        path: url.pathname,
        query: url.searchParams,
        body: parseBody(text),
        form,
        headers: this.requestHeaders,
      };

      // As in a browser, nothing is reported before send() has returned.
      await Promise.resolve();
      if (this.#wasAborted()) {
        return;
      }
      const half = { lengthComputable: true, loaded: Math.floor(size / 2), total: size };
      fire(this.upload, 'loadstart', { lengthComputable: true, loaded: 0, total: size });
      fire(this.upload, 'progress', half);

      let response: Response;
      try {
        response = await respond(sent);
      } catch {
        if (!this.#wasAborted()) {
          this.readyState = 4;
          fire(this, 'error');
          fire(this, 'loadend');
        }
        return;
      }
      if (this.#wasAborted()) {
        return;
      }
      const whole = { lengthComputable: true, loaded: size, total: size };
      fire(this.upload, 'progress', whole);
      fire(this.upload, 'load', whole);
      fire(this.upload, 'loadend', whole);

      const answer = await response.text();
      if (this.#wasAborted()) {
        return;
      }
      this.status = response.status;
      this.statusText = response.statusText;
      this.#responseHeaders = response.headers;
      this.responseText = answer;
      this.response = answer;
      this.readyState = 4;
      fire(this, 'readystatechange');
      fire(this, 'load', { lengthComputable: true, loaded: answer.length, total: answer.length });
      fire(this, 'loadend');
    }
  };
}

/**
 * What the fake server answers unless a test says otherwise: nobody is signed in (`renderApp` puts its user in the
 * app's cache, so the app does not ask), only local sign-in is offered, and signing out works.
 */
const defaultRoutes: Record<string, Handler> = {
  'GET /api/auth/me': () => problem(401, { title: 'Unauthorized' }),
  'GET /api/auth/providers': () => json({ local: true, oidc: null }),
  'POST /api/auth/sign-out': () => new Response(null, { status: 204 }),
};

/**
 * Replaces the global `fetch` and `XMLHttpRequest` with a fake server that answers from `routes`
 * (`'GET /api/periods/:periodId'`). Only these are faked: everything from the app's components down to
 * openapi-fetch and the upload module runs for real.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const compiled = Object.entries({ ...defaultRoutes, ...routes }).map(([route, handler]) =>
    compile(route, handler),
  );
  const requests: SentRequest[] = [];

  async function respond(sent: SentRequest): Promise<Response> {
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
  }

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    return respond({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: parseBody(await request.text()),
      headers: request.headers,
    });
  });

  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('XMLHttpRequest', createFakeXhr(respond));

  return {
    requests,
    fetchMock,
    /** The requests sent to one method and path, e.g. `sent('GET', '/api/periods')`. */
    sent: (method: string, path: string) =>
      requests.filter((request) => request.method === method && request.path === path),
  };
}
