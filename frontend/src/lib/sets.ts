/** A copy of `set` with `value` removed if it was there, added if it was not (for selections and expanded rows). */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(value)) {
    next.add(value);
  }
  return next;
}
