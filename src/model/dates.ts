// Dates in metadata are calendar dates written YYYY-MM-DD: 2025-13-45 has the
// form but names no day, and would date a document by a fallback instead.

/** Whether `value` starts with a real calendar date YYYY-MM-DD (2024-02-29 is, 2025-02-29 is not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
