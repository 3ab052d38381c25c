import type { ReactNode } from 'react';

interface LiveRegionProps {
  children?: ReactNode;
  className?: string;
}

/**
 * A polite `role="status"` region. Keep it mounted and change its content: screen readers announce changes
 * to a live region that already exists, not one that is inserted together with its text.
 */
export function LiveRegion({ children, className }: LiveRegionProps) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={className}>
      {children}
    </div>
  );
}
