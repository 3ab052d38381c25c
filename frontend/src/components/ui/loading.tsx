interface LoadingProps {
  label: string;
}

/** A loading message announced politely to screen readers. */
export function Loading({ label }: LoadingProps) {
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
