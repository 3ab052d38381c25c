import { Link, NavLink, Outlet } from 'react-router';

export function RootLayout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="shell__header">
        <div className="shell__inner shell__header-inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              R
            </span>
            <span className="brand__name">Recon</span>{' '}
            <span className="brand__tagline">— revenue reconciliation</span>
          </Link>
          <nav className="nav" aria-label="Main">
            <ul className="nav__list">
              <li>
                <NavLink to="/periods" className="nav__link">
                  Periods
                </NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="shell__main shell__inner" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="shell__footer">
        <div className="shell__inner">Recon · revenue reconciliation</div>
      </footer>
    </div>
  );
}
