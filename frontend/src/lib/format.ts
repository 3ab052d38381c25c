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

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, signed: boolean): Intl.NumberFormat | null {
  const key = `${currency}:${String(signed)}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        signDisplay: signed ? 'exceptZero' : 'auto',
      });
    } catch {
      return null;
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * An amount in its currency with the reader's separators (`$1,234.50`); `signed` writes a plus before gains too
 * (`+$12.00`), for differences. An unknown currency code is written after the number instead.
 */
export function formatMoney(amount: number, currency: string, { signed = false } = {}): string {
  const format = moneyFormat(currency, signed);
  if (format === null) {
    const sign = signed && amount > 0 ? '+' : '';
    return `${sign}${amount.toFixed(2)} ${currency}`;
  }
  return format.format(amount);
}

const percentFormats = new Map<number, Intl.NumberFormat>();

/** A ratio from 0 to 1 as a percentage (`0.873` → `87.3%`), with at most `digits` decimals. */
export function formatRatio(ratio: number, digits = 1): string {
  let format = percentFormats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: digits });
    percentFormats.set(digits, format);
  }
  return format.format(ratio);
}

/** A number that already is a percentage (`1.25` → `1.25%`), as the API reports variance percentages. */
export function formatPercent(percent: number, digits = 2): string {
  return formatRatio(percent / 100, digits);
}

const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });

/** A decimal with the reader's separators and up to four decimals (`1,234.5`), for quantities and rates. */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

const scoreFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A score, similarity or weight from 0 to 1, to two decimals (`0.87`). */
export function formatScore(value: number): string {
  return scoreFormat.format(value);
}

/** Source ids as one line: `J100234, J100235`; an em dash when there are none. */
export function idList(ids: readonly string[]): string {
  return ids.length === 0 ? '—' : ids.join(', ');
}
