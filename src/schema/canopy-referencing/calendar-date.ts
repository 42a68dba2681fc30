/** A Canopy `YYYY-MM-DD` as the Date the `Date` scalar prints back the same; null when absent or unreadable. */
export function calendarDate(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
