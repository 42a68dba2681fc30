/** A billing interval as Canopy writes it (`"1 month"`, `"25 days"`), read into parts. */
export interface Interval {
  count: number;
  unit: 'day' | 'week' | 'month' | 'year';
}

const INTERVAL_PATTERN = /^\s*(\d+)\s+(day|week|month|year)s?\s*$/i;

/** `undefined` for a text that is not `<count> <unit>`. */
export function parseInterval(text: string): Interval | undefined {
  const match = INTERVAL_PATTERN.exec(text);
  if (!match) return undefined;
  return { count: Number(match[1]), unit: match[2]!.toLowerCase() as Interval['unit'] };
}

/** Adds an interval in UTC; months and years keep the day of the month, as billing cycles do. */
export function addInterval(date: Date, interval: Interval, times = 1): Date {
  const result = new Date(date);
  const n = interval.count * times;
  switch (interval.unit) {
    case 'day':
      result.setUTCDate(result.getUTCDate() + n);
      break;
    case 'week':
      result.setUTCDate(result.getUTCDate() + 7 * n);
      break;
    case 'month':
      result.setUTCMonth(result.getUTCMonth() + n);
      break;
    case 'year':
      result.setUTCFullYear(result.getUTCFullYear() + n);
      break;
  }
  return result;
}
