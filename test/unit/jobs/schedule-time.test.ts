import { localHourAndDay, nextRunAt } from '../../../src/jobs/schedule-time';

describe('jobs/schedule-time', () => {
  const at = (iso: string) => Date.parse(iso);

  it('should run hourly at the next whole hour', () => {
    expect(new Date(nextRunAt(at('2026-01-05T09:20:00Z'), 'hourly', 0, 0, 'UTC')).toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  it('should run daily at the chosen local hour (Berlin is UTC+1 in winter, +2 in summer)', () => {
    expect(new Date(nextRunAt(at('2026-01-05T09:20:00Z'), 'daily', 7, 0, 'Europe/Berlin')).toISOString()).toBe('2026-01-06T06:00:00.000Z');
    expect(new Date(nextRunAt(at('2026-07-05T09:20:00Z'), 'daily', 7, 0, 'Europe/Berlin')).toISOString()).toBe('2026-07-06T05:00:00.000Z');
    expect(new Date(nextRunAt(at('2026-01-05T04:00:00Z'), 'daily', 7, 0, 'Europe/Berlin')).toISOString()).toBe('2026-01-05T06:00:00.000Z');
  });

  it('should run weekly on the chosen weekday', () => {
    // 2026-01-05 is a Monday; Friday = 5.
    const next = nextRunAt(at('2026-01-05T09:20:00Z'), 'weekly', 8, 5, 'UTC');
    expect(new Date(next).toISOString()).toBe('2026-01-09T08:00:00.000Z');
    expect(localHourAndDay(next, 'UTC')).toEqual({ hour: 8, weekday: 5 });
  });
});
