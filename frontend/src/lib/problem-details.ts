/**
 * Turns whatever a failed API call threw into something a screen can show. The API answers every error as
 * RFC 7807 ProblemDetails (`application/problem+json`), validation failures as ValidationProblemDetails with an
 * `errors` map keyed by camelCase field name; a network failure throws an `Error` instead.
 */
export interface Problem {
  title: string;
  detail: string | null;
  status: number | null;
  /** Field name (as the API spells it, e.g. `clientId`) to its messages. */
  fieldErrors: Readonly<Record<string, readonly string[]>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function readFieldErrors(value: unknown): Record<string, readonly string[]> {
  if (!isRecord(value)) {
    return {};
  }
  const fieldErrors: Record<string, readonly string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    const texts = (Array.isArray(messages) ? messages : [messages])
      .map(asText)
      .filter((text): text is string => text !== null);
    if (texts.length > 0) {
      fieldErrors[field] = texts;
    }
  }
  return fieldErrors;
}

export function toProblem(error: unknown): Problem {
  if (isRecord(error) && !(error instanceof Error)) {
    return {
      title: asText(error.title) ?? 'The request failed',
      detail: asText(error.detail),
      status: typeof error.status === 'number' ? error.status : null,
      fieldErrors: readFieldErrors(error.errors),
    };
  }
  if (error instanceof Error) {
    return {
      title: 'Could not reach the server',
      detail: error.message || null,
      status: null,
      fieldErrors: {},
    };
  }
  return {
    title: 'The request failed',
    detail: asText(error),
    status: null,
    fieldErrors: {},
  };
}

/** The messages for one field, matching the field name case-insensitively (`clientId` and `ClientId` alike). */
export function fieldErrorsFor(problem: Problem | null, field: string): readonly string[] {
  if (problem === null) {
    return [];
  }
  const wanted = field.toLowerCase();
  return Object.entries(problem.fieldErrors)
    .filter(([name]) => name.toLowerCase() === wanted)
    .flatMap(([, messages]) => messages);
}

/** Whether retrying cannot help: the server understood the request and refused it (4xx). */
export function isClientError(error: unknown): boolean {
  const { status } = toProblem(error);
  return status !== null && status >= 400 && status < 500;
}

/** An extension member of a failure's ProblemDetails body (e.g. `current` of a 409, `code` of a 422), or undefined. */
export function problemExtension(error: unknown, name: string): unknown {
  return isRecord(error) && !(error instanceof Error) ? error[name] : undefined;
}

/**
 * The machine-readable reason of a refusal: the `code` extension, else the last segment of the problem `type`
 * (`https://…/problems/self-approval` → `self-approval`), else null.
 */
export function problemCode(error: unknown): string | null {
  const code = asText(problemExtension(error, 'code'));
  if (code !== null) {
    return code;
  }
  const type = asText(problemExtension(error, 'type'));
  if (type === null || type === 'about:blank') {
    return null;
  }
  return type.split(/[/#]/).filter(Boolean).pop() ?? null;
}
