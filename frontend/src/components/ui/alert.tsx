import type { ReactNode } from 'react';

type AlertTone = 'error' | 'success' | 'info';

interface AlertProps {
  tone: AlertTone;
  title?: string;
  children?: ReactNode;
  action?: ReactNode;
}

/**
 * A message box. Errors use `role="alert"` (announced at once); other tones are static: put them in a
 * `LiveRegion` when they appear in response to an action.
 */
export function Alert({ tone, title, children, action }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <div className="alert__body">
        {title !== undefined && <p className="alert__title">{title}</p>}
        {children !== undefined && <div className="alert__text">{children}</div>}
      </div>
      {action !== undefined && <div className="alert__action">{action}</div>}
    </div>
  );
}
