import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when rendering a route throws: the app shell is gone, so this stands alone. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="shell__main shell__inner" id="main">
      <title>Something went wrong · Recon</title>
      <h1 className="page__title">Something went wrong</h1>
      <div className="alert alert--error" role="alert">
        <p className="alert__title">The page could not be shown.</p>
        <p>{message}</p>
      </div>
      <p>
        <Link to="/periods">Go to the periods</Link>
      </p>
    </main>
  );
}
