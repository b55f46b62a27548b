/** Pause and Resume of a schedule through the built bundle: nothing runs or bills while paused. */
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows } from '../harness/scenarios';
import type { JobView } from '../../src/app/contract';
import type { ScheduleView } from '../../src/app/schedules';

const HOUR = 3_600_000;

function scheduled() {
  const s = givenGu1({ entities: gu1Ids(6) });
  s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(6)]);
  const r = s.addOn.rpc<{ job: JobView }>('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'Weekly KYB', integrationCodes: ['ar_afip_enrichment'], forceRefresh: true },
    confirmed: true,
  });
  const [sched] = s.addOn.rpc<ScheduleView[]>('createSchedule', { jobId: r.job.id, every: 'hourly' });
  return { s, sched: sched! };
}

describe('schedule Pause / Resume (built bundle)', () => {
  it('should run nothing and bill nothing while paused, drop the idle trigger, and run again after Resume', () => {
    const { s, sched } = scheduled();
    const billed = s.sim.billedCents();
    const [paused] = s.addOn.rpc<ScheduleView[]>('pauseSchedule', { scheduleId: sched.id });
    expect(paused).toMatchObject({ pausedReason: 'Paused by you; press Resume to run it again.', nextRunAt: null, nextRunText: null });
    // Nothing else needs the poll trigger: it goes.
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    s.addOn.emulator.clock.advance(5 * HOUR);
    s.addOn.runDueTriggers(HOUR);
    expect(s.sim.billedCents()).toBe(billed);
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.lastRunAt).toBeNull();
    // Pausing twice changes nothing.
    expect(s.addOn.rpc<ScheduleView[]>('pauseSchedule', { scheduleId: sched.id })[0]!.pausedReason).toBe(paused!.pausedReason);

    const [resumed] = s.addOn.rpc<ScheduleView[]>('resumeSchedule', { scheduleId: sched.id });
    expect(resumed!.pausedReason).toBeNull();
    expect(s.addOn.emulator.triggers.list().map((t) => t.handlerFunction)).toEqual(['tick']);
    s.addOn.runDueTriggers(HOUR);
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.lastRunAt).not.toBeNull();
    expect(s.sim.billedCents()).toBeGreaterThan(billed);
  });

  it("should refuse to pause another editor's schedule, or one that is gone, with a sentence", () => {
    const { s, sched } = scheduled();
    expect(() => s.addOn.as('colleague@example.com').rpc('pauseSchedule', { scheduleId: sched.id })).toThrow(/pause/);
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.pausedReason).toBeNull();
    expect(() => s.addOn.rpc('pauseSchedule', { scheduleId: 'nope' })).toThrow('That schedule no longer exists.');
  });

  it("should answer the spreadsheet's time zone for the schedule form", () => {
    const s = givenGu1({ emulator: { spreadsheetTimeZone: 'America/New_York' } });
    expect(s.addOn.rpc('getScheduleTimeZone')).toBe('America/New_York');
  });
});
