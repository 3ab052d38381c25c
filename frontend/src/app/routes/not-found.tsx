import { Link } from 'react-router';

export function NotFoundRoute() {
  return (
    <>
      <title>Not found · Recon</title>
      <h1 className="page__title">Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/periods">Go to the periods</Link>
      </p>
    </>
  );
}
