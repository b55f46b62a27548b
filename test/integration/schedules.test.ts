/** Scheduled refreshes through the built bundle: run by the one trigger, upserting, pausing themselves. */
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows, tabObjects } from '../harness/scenarios';
import type { JobView } from '../../src/app/job-view';
import type { ScheduleView } from '../../src/app/schedules';

const AFIP = 'ar_afip_enrichment';
const HOUR = 3_600_000;

function gu1Job(mode: 'addon' | 'bound' = 'addon', spreadsheetTimeZone?: string) {
  const s = givenGu1({ entities: gu1Ids(12), emulator: { mode, ...(spreadsheetTimeZone ? { spreadsheetTimeZone } : {}) } });
  s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(12)]);
  const r = s.addOn.rpc<{ job: JobView }>('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'Nightly KYB', integrationCodes: [AFIP], forceRefresh: true },
    confirmed: true,
  });
  expect(r.job.state).toBe('DONE');
  return { s, job: r.job };
}

describe('scheduled refreshes (built bundle)', () => {
  it('should run a finished job again at the chosen hour into the same tab, without duplicating rows', () => {
    const { s, job } = gu1Job();
    const tab = job.tabs['results']!;
    const before = tabObjects(s.addOn, tab);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);

    const [created] = s.addOn.rpc<ScheduleView[]>('createSchedule', { jobId: job.id, every: 'daily', hour: 3 });
    expect(created).toMatchObject({ jobTitle: 'Nightly KYB', every: 'daily', lastRunAt: null, pausedReason: null });
    // 03:00 in the spreadsheet's time zone (Europe/Berlin, UTC+1 in January) = 02:00 UTC.
    expect(new Date(created!.nextRunAt!).toISOString()).toBe('2026-01-06T02:00:00.000Z');
    // The schedule keeps the one poll trigger alive although no job is open.
    expect(s.addOn.emulator.triggers.list().map((t) => t.handlerFunction)).toEqual(['tick']);

    const billed = s.sim.billedCents();
    // Hourly ticks until past the slot: the job runs once, at the first tick after 02:00 UTC.
    while (s.addOn.emulator.clock.now() < created!.nextRunAt! + HOUR) s.addOn.runDueTriggers(HOUR);
    const [after] = s.addOn.rpc<ScheduleView[]>('listSchedules');
    expect(after!.lastRunAt).toBeGreaterThanOrEqual(created!.nextRunAt!);
    expect(new Date(after!.nextRunAt!).toISOString()).toBe('2026-01-07T02:00:00.000Z');
    expect(after!.lastError).toBeNull();
    // forceRefresh: every row billed again; the tab is upserted, not appended to.
    expect(s.sim.billedCents()).toBe(2 * billed);
    const rows = tabObjects(s.addOn, tab);
    expect(rows).toHaveLength(before.length);
    expect(s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs[0]!.state).toBe('DONE');
  });

  it("should run a daily schedule at 08:00 in the spreadsheet's time zone, not the script's, and name the zone", () => {
    // The script's zone (manifest) is Europe/Berlin; this spreadsheet lives in New York.
    const { s, job } = gu1Job('addon', 'America/New_York');
    expect(s.addOn.emulator.gas.Session.getScriptTimeZone()).toBe('Europe/Berlin');
    const [created] = s.addOn.rpc<ScheduleView[]>('createSchedule', { jobId: job.id, every: 'daily', hour: 8 });
    // 08:00 in New York in January (UTC-5) is 13:00 UTC; in Berlin it would have been 07:00 UTC.
    expect(new Date(created!.nextRunAt!).toISOString()).toBe('2026-01-05T13:00:00.000Z');
    expect(created!.timeZone).toBe('America/New_York');
    expect(created!.nextRunText).toBe('Mon, Jan 5, 08:00 (America/New_York)');

    const ranAt: number[] = [];
    let lastRun: number | null = null;
    while (s.addOn.emulator.clock.now() < Date.UTC(2026, 0, 6, 14)) {
      s.addOn.runDueTriggers(HOUR);
      const [v] = s.addOn.rpc<ScheduleView[]>('listSchedules');
      if (v!.lastRunAt !== lastRun) ranAt.push((lastRun = v!.lastRunAt!));
    }
    // Two runs, each at the first hourly tick at or after 08:00 New York time.
    expect(ranAt).toHaveLength(2);
    const nyHour = (ms: number) => Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(ms));
    for (const t of ranAt) expect(nyHour(t)).toBe(8);
    const [after] = s.addOn.rpc<ScheduleView[]>('listSchedules');
    expect(after!.lastRunText).toMatch(/^Tue, Jan 6, 08:\d\d \(America\/New_York\)$/);
    expect(after!.nextRunText).toBe('Wed, Jan 7, 08:00 (America/New_York)');
  });

  it('should pause itself when the key was removed, and run again once resumed', () => {
    const { s, job } = gu1Job();
    s.addOn.rpc('createSchedule', { jobId: job.id, every: 'hourly' });
    s.addOn.rpc('removeApiKey', { provider: 'gu1' });
    s.addOn.runDueTriggers(HOUR);
    const [paused] = s.addOn.rpc<ScheduleView[]>('listSchedules');
    expect(paused!.pausedReason).toMatch(/gu1 key was removed.*Settings.*resume/);
    expect(paused!.nextRunAt).toBeNull();

    s.addOn.rpc('saveApiKey', { provider: 'gu1', key: 'gk_sandbox_9f8e7d6c5b4a3210' });
    const [resumed] = s.addOn.rpc<ScheduleView[]>('resumeSchedule', { scheduleId: paused!.id });
    expect(resumed!.pausedReason).toBeNull();
    s.addOn.runDueTriggers(HOUR);
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.lastRunAt).not.toBeNull();
  });

  it('should pause itself when the source sheet was deleted', () => {
    const { s, job } = gu1Job();
    s.addOn.rpc('createSchedule', { jobId: job.id, every: 'hourly' });
    s.addOn.emulator.execution.run('rpc', () => {
      const ss = s.addOn.emulator.gas.SpreadsheetApp.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName('Clients')!);
    });
    s.addOn.runDueTriggers(HOUR);
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.pausedReason).toMatch(/source sheet "Clients" was deleted/);
  });

  it('should refuse bad schedules, and remove the trigger when nothing is left', () => {
    const { s, job } = gu1Job();
    const [sched] = s.addOn.rpc<ScheduleView[]>('createSchedule', { jobId: job.id, every: 'weekly', hour: 8, weekday: 5 });
    expect(() => s.addOn.rpc('createSchedule', { jobId: 'nope', every: 'daily' })).toThrow(/no longer exists/);
    expect(() => s.addOn.rpc('createSchedule', { jobId: job.id, every: 'daily', hour: 24 })).toThrow(/hour from 0 to 23/);
    s.addOn.rpc('deleteSchedule', { scheduleId: sched!.id });
    s.addOn.runDueTriggers(HOUR);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
  });
});

describe('poll frequency (built bundle)', () => {
  it('should recreate the trigger at the new frequency in a bound script, hourly at best in an add-on', () => {
    const { s, job } = gu1Job();
    s.addOn.rpc('createSchedule', { jobId: job.id, every: 'hourly' });
    expect(s.addOn.emulator.triggers.list()[0]!.everyMs).toBe(HOUR);
    s.addOn.rpc('savePollMinutes', { pollMinutes: 10 });
    // Installed as an add-on: Apps Script refuses more often than hourly, so it stays hourly.
    expect(s.addOn.emulator.triggers.list().map((t) => t.everyMs)).toEqual([HOUR]);
    expect(() => s.addOn.rpc('savePollMinutes', { pollMinutes: 7 })).toThrow('Choose 5, 10, 15, 30 or 60 minutes.');

    const bound = gu1Job('bound');
    bound.s.addOn.rpc('createSchedule', { jobId: bound.job.id, every: 'hourly' });
    bound.s.addOn.rpc('savePollMinutes', { pollMinutes: 10 });
    expect(bound.s.addOn.emulator.triggers.list().map((t) => t.everyMs)).toEqual([10 * 60_000]);
  });
});

describe('schedules when trigger runs cannot see the spreadsheet (built bundle)', () => {
  function docLessSchedule() {
    const s = givenGu1({ entities: gu1Ids(12), emulator: { triggersWithoutDocument: true } });
    s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(12)]);
    const r = s.addOn.rpc<{ job: JobView }>('submitGu1', {
      source: { sheetName: 'Clients' },
      mapping: { external_id: 0 },
      options: { title: 'Nightly KYB', integrationCodes: [AFIP], forceRefresh: true },
      confirmed: true,
    });
    const [created] = s.addOn.rpc<ScheduleView[]>('createSchedule', { jobId: r.job.id, every: 'daily', hour: 3 });
    const billed = s.sim.billedCents();
    // Hourly trigger runs past the slot: they see no spreadsheet, so they run nothing.
    while (s.addOn.emulator.clock.now() < created!.nextRunAt! + HOUR) s.addOn.runDueTriggers(HOUR);
    expect(s.sim.billedCents()).toBe(billed);
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.lastRunAt).toBeNull();
    return { s, created: { nextRunAt: created!.nextRunAt! }, billed, tab: r.job.tabs['results']! };
  }

  it("should run a due daily schedule from the open sidebar's progress loop, once", () => {
    const { s, created, billed, tab } = docLessSchedule();
    const rows = tabObjects(s.addOn, tab).length;
    const a = s.addOn.rpc<{ view: { jobs: JobView[] } | null }>('advanceJobs', {});
    expect(a.view).not.toBeNull();
    const [after] = s.addOn.rpc<ScheduleView[]>('listSchedules');
    expect(after!.lastRunAt).toBeGreaterThanOrEqual(created.nextRunAt);
    expect(after!.nextRunAt).toBe(created.nextRunAt + 24 * HOUR);
    // The next progress call does not run it again (billed once more, not twice).
    s.addOn.rpc('advanceJobs', {});
    s.addOn.rpc('refreshJobs');
    expect(s.sim.billedCents()).toBe(2 * billed);
    expect(tabObjects(s.addOn, tab)).toHaveLength(rows);
  });

  it('should run a due schedule from the menu\'s "Refresh jobs now", and never a co-editor\'s', () => {
    const { s, created, billed } = docLessSchedule();
    // A co-editor's refresh does not run the owner's schedule (nor spend with their key).
    s.addOn.as('colleague@example.com').call('menu', 'refreshJobsNow');
    expect(s.sim.billedCents()).toBe(billed);
    s.addOn.call('menu', 'refreshJobsNow');
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.lastRunAt).toBeGreaterThanOrEqual(created.nextRunAt);
    expect(s.sim.billedCents()).toBe(2 * billed);
  });
});
