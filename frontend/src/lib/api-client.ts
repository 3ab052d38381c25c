import createFetchClient from 'openapi-fetch';
import createQueryClient from 'openapi-react-query';
import type { components, paths } from '@/lib/api/schema';
import { xsrfHeaders } from '@/lib/http';

/** The API's schemas, generated from docs/openapi.json (see `npm run generate:api`). */
export type ApiSchemas = components['schemas'];

/**
 * The typed HTTP client. The SPA is served by the API itself (or proxied to it by `vite dev`), so requests
 * go to the page's own origin. `fetch` is looked up on each call rather than captured once, so that tests can
 * replace the global `fetch`.
 */
export const fetchClient = createFetchClient<paths>({
  baseUrl: globalThis.location.origin,
  headers: { Accept: 'application/json, application/problem+json' },
  fetch: (request) => globalThis.fetch(request),
});

/** React Query hooks and query options bound to the typed client: `$api.useQuery('get', '/api/periods')`. */
export const $api = createQueryClient(fetchClient);

/** Cookie-authenticated requests that change state carry the antiforgery token (see docs/review.md). */
fetchClient.use({
  onRequest({ request }) {
    for (const [name, value] of Object.entries(xsrfHeaders(request.method))) {
      request.headers.set(name, value);
    }
    return request;
  },
});
