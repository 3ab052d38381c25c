const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A timestamp such as `2026-10-01T09:30:00Z` in the reader's locale and time zone; the raw text if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const monthFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** A reconciliation month such as `2026-10` as words (`October 2026`); the raw text if it is not `YYYY-MM`. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) {
    return month;
  }
  const [, year, monthNumber] = match;
  return monthFormat.format(new Date(Date.UTC(Number(year), Number(monthNumber) - 1, 1)));
}
