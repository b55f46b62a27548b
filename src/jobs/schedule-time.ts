/**
 * When a schedule runs next: hourly, daily at an hour, or weekly on a weekday at an hour, in the
 * spreadsheet's time zone (DST-safe: candidate whole hours are checked in local time).
 */
export type Every = 'hourly' | 'daily' | 'weekly';

const HOUR_MS = 3_600_000;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Local hour (0-23) and weekday (0 = Sunday) of an instant in a time zone. */
export function localHourAndDay(ms: number, timeZone: string): { hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' }).formatToParts(new Date(ms));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0') % 24;
  const weekday = WEEKDAYS[parts.find((p) => p.type === 'weekday')?.value ?? 'Sun'] ?? 0;
  return { hour, weekday };
}

/** The first whole hour strictly after `after` that matches the schedule. */
export function nextRunAt(after: number, every: Every, hour: number, weekday: number, timeZone: string): number {
  let t = Math.floor(after / HOUR_MS) * HOUR_MS + HOUR_MS;
  if (every === 'hourly') return t;
  // At most 8 days of whole hours: a weekly slot always falls inside.
  for (let i = 0; i < 24 * 8; i++, t += HOUR_MS) {
    const local = localHourAndDay(t, timeZone);
    if (local.hour === hour && (every === 'daily' || local.weekday === weekday)) return t;
  }
  return t;
}

/** An instant as the spreadsheet's users read it, with the zone named: `Tue, Jan 6, 08:00 (America/New_York)`. */
export function localText(ms: number, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
  return `${text} (${timeZone})`;
}
