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

const countFormat = new Intl.NumberFormat();

/** A whole number with the reader's digit grouping (`12,345`). */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** A size in bytes the way people read it: `812 bytes`, `1.2 KB`, `48 MB` (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) {
    return bytes === 1 ? '1 byte' : `${formatCount(bytes)} bytes`;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit] ?? ''}`;
}
