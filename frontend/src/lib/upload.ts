import type { paths } from '@/lib/api/schema';
import { xsrfHeaders } from '@/lib/http';

/**
 * File uploads with real progress. `fetch` cannot report how much of a request body has been sent, so uploads
 * go through `XMLHttpRequest` and its `upload.onprogress`. Like the rest of the API client, an upload is typed
 * from the generated schema: only paths whose POST takes `multipart/form-data` are accepted, and the answer
 * has the type of the operation's 200/201 JSON body.
 */

/** The API paths whose POST takes a `multipart/form-data` body. */
export type UploadPath = {
  [P in keyof paths]: paths[P] extends {
    post: { requestBody?: { content: { 'multipart/form-data': unknown } } };
  }
    ? P
    : never;
}[keyof paths];

type UploadOperation<P extends UploadPath> = NonNullable<paths[P]['post']>;

type PathParams<P extends UploadPath> =
  UploadOperation<P> extends { parameters: { path: infer Params } } ? Params : never;

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } }
  ? Body
  : never;

type Responses<P extends UploadPath> = UploadOperation<P>['responses'];

/** The JSON body of an upload's successful (200 or 201) answer. */
export type UploadResult<P extends UploadPath> = JsonBody<
  Responses<P>[Extract<keyof Responses<P>, 200 | 201>]
>;

export interface UploadProgress {
  /** Bytes of the request body sent so far. */
  loaded: number;
  /** The request body's size in bytes; `null` when the browser cannot tell. */
  total: number | null;
}

export interface UploadRequest<P extends UploadPath> {
  params: { path: PathParams<P> };
  file: File;
  /** The form field that carries the file; `file` unless told otherwise. */
  field?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface UploadResponse<P extends UploadPath> {
  data: UploadResult<P>;
  status: number;
}

/** Thrown (rejected) when the upload is cancelled through its `signal`. */
export class UploadAbortedError extends Error {
  override readonly name = 'UploadAbortedError';
  constructor() {
    super('The upload was cancelled.');
  }
}

function fillPath(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new TypeError(`The upload path ${template} needs the parameter '${name}'.`);
    }
    return encodeURIComponent(String(value));
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * POSTs `file` as `multipart/form-data` to `path` and reports progress as the body is sent. Resolves with the
 * parsed JSON of a 2xx answer. Rejects the way openapi-fetch's query hooks do, so `toProblem` reads it alike:
 * with the ProblemDetails body of an error answer (a stand-in when the body is not JSON), with an `Error` when
 * the server cannot be reached, and with an `UploadAbortedError` when `signal` aborts.
 */
export function uploadFile<P extends UploadPath>(
  path: P,
  { params, file, field = 'file', onProgress, signal }: UploadRequest<P>,
): Promise<UploadResponse<P>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new UploadAbortedError());
      return;
    }

    const url = new URL(
      fillPath(path, params.path as Readonly<Record<string, unknown>>),
      globalThis.location.origin,
    );
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url.toString());
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(xsrfHeaders('POST'))) {
      xhr.setRequestHeader(name, value);
    }

    const onAbortSignal = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', onAbortSignal);
    signal?.addEventListener('abort', onAbortSignal, { once: true });

    xhr.upload.onprogress = (event) => {
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    xhr.upload.onload = () => {
      onProgress?.({ loaded: file.size, total: file.size });
    };

    /** Fails with an API answer's ProblemDetails body, as openapi-react-query does, not with an `Error`. */
    const refuse = (problem: Readonly<Record<string, unknown>>) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(problem);
    };

    xhr.onload = () => {
      settle();
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        if (isRecord(body)) {
          resolve({ data: body as UploadResult<P>, status: xhr.status });
        } else {
          refuse({
            title: 'Unexpected answer from the server',
            detail: `The server answered ${xhr.status} without the expected JSON body.`,
            status: xhr.status,
          });
        }
        return;
      }
      refuse(
        isRecord(body)
          ? { status: xhr.status, ...body }
          : {
              title: 'The request failed',
              detail: `The server answered ${xhr.status}${xhr.statusText ? ` ${xhr.statusText}` : ''}.`,
              status: xhr.status,
            },
      );
    };
    xhr.onerror = () => {
      settle();
      reject(new Error('The upload did not reach the server. Check the connection and try again.'));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      settle();
      reject(new UploadAbortedError());
    };

    const form = new FormData();
    form.append(field, file, file.name);
    xhr.send(form);
  });
}
