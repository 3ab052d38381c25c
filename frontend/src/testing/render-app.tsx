import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import type { CurrentUser } from '@/features/auth/api/get-current-user';
import { createQueryClient, SESSION_QUERY_KEY } from '@/lib/query-client';
import { aUser } from './auth';

interface RenderAppOptions {
  /**
   * Who is signed in: a reviewer (`aUser()`) unless told otherwise. `null` signs nobody in: the app then asks
   * `GET /api/auth/me`, which the fake API answers 401 unless the test gives it a handler.
   */
  user?: CurrentUser | null;
}

/** Renders the whole app (shell, routes, React Query) at `path`, as a browser would show it. */
export function renderApp(path = '/periods', { user = aUser() }: RenderAppOptions = {}) {
  const queryClient = createQueryClient();
  // Answers are final in tests: a retried failure would only slow them down.
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  if (user !== null) {
    queryClient.setQueryData(SESSION_QUERY_KEY, user);
  }
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const userEvents = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, user: userEvents, router, queryClient };
}
