import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface ShellProps {
  /** The header's right side: navigation and the account. */
  header?: ReactNode;
  children: ReactNode;
}

/** The page frame: skip link, header with the brand, main region, footer. */
export function Shell({ header, children }: ShellProps) {
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
          {header}
        </div>
      </header>
      <main id="main" className="shell__main shell__inner" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell__footer">
        <div className="shell__inner">Recon · revenue reconciliation</div>
      </footer>
    </div>
  );
}
