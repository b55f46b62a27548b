/**
 * Schedules in a shared spreadsheet through the built bundle: other submits never break a
 * scheduled search, and a co-editor's trigger never runs or pays for the owner's work.
 */
import { DOMAIN_HEADER, OM_SIM_BASE, OM_SIM_KEY, domainRows, givenOpenmart } from '../harness/scenarios';
import type { AddOn } from '../harness/addon';
import { jobsAs, keysByUser, keysSentTo } from '../harness/editors';
import type { JobView } from '../../src/app/job-view';
import type { ScheduleView } from '../../src/app/schedules';

const HOUR = 3_600_000;
const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';
const EDITOR_OM_KEY = 'om_live_e1e2e3e4e5e6e7e8';
const SEARCH = '/api/v1/search';
const asOwner = { emulator: { userEmail: OWNER } };

function search(addOn: { rpc: <T>(name: string, ...args: unknown[]) => T }, title: string, count: number): JobView {
  return addOn.rpc<{ job: JobView }>('submitOpenmartSearch', { form: { title, query: `${title} near me`, count } }).job;
}

/** The owner's finished search on an hourly schedule, and an editor with their own Openmart key. */
function scheduledSearch() {
  const s = givenOpenmart(asOwner);
  s.sim.addKey(EDITOR_OM_KEY);
  const job = search(s.addOn, 'Salons', 20);
  expect(job.state).toBe('DONE');
  const [schedule] = s.addOn.rpc<ScheduleView[]>('createSchedule', { jobId: job.id, every: 'hourly' });
  const editor = s.addOn.as(EDITOR);
  editor.rpc('saveApiKey', { provider: 'openmart', key: EDITOR_OM_KEY });
  return { s, job, schedule: schedule!, editor };
}

/** A find_people batch job of `addOn`'s user over `n` rows of a new sheet, waiting at Openmart. */
function waitingBatch(owner: AddOn, addOn: Pick<AddOn, 'rpc'>, sheetName: string, offset: number): JobView {
  owner.emulator.spreadsheet.givenSheet(sheetName, [DOMAIN_HEADER, ...domainRows(3, offset)]);
  const job = addOn.rpc<{ job: JobView }>('submitOpenmartBatch', {
    operation: 'find_people',
    source: { sheetName },
    options: { title: sheetName, role: 'CEO', max_k: 1 },
  }).job;
  expect(job.state).toBe('WAITING');
  return job;
}

/** The raw document records of the owner's work: compared before and after a co-editor's run. */
function records(addOn: AddOn, ids: string[]): string[] {
  const doc = addOn.emulator.properties.document();
  return ids.map((id) => doc[id] ?? `(missing ${id})`);
}

describe('schedules in a shared spreadsheet (built bundle)', () => {
  describe("a co-editor's own trigger while the owner has open work", () => {
    it("should run only the co-editor's jobs, on the co-editor's key, and leave the owner's due schedule and open job untouched", () => {
      const { s, job, schedule, editor } = scheduledSearch();
      const ownerBatch = waitingBatch(s.addOn, s.addOn, 'Owner leads', 0);
      const editorBatch = waitingBatch(s.addOn, editor, 'Editor leads', 100);
      expect(
        s.addOn.emulator.triggers
          .list()
          .map((t) => t.user)
          .sort(),
      ).toEqual([EDITOR, OWNER]);
      const owned = [`job:${job.id}`, `job:${ownerBatch.id}`, `schedule:${schedule.id}`];
      const before = records(s.addOn, owned);
      s.sim.completeTasks();
      const sentBefore = s.addOn.emulator.http.log.length;

      // An hour later only the co-editor's trigger fires; the owner's schedule is due by then.
      expect(s.addOn.runDueTriggers(HOUR, EDITOR)).toBe(1);
      expect(s.addOn.emulator.clock.now()).toBeGreaterThanOrEqual(schedule.nextRunAt!);
      expect(records(s.addOn, owned)).toEqual(before);
      const editorRun = s.addOn.emulator.http.log.slice(sentBefore);
      expect(editorRun.length).toBeGreaterThan(0);
      expect(editorRun.filter((e) => e.url.includes(SEARCH))).toEqual([]);
      expect(keysByUser(s.addOn, OM_SIM_BASE)).toEqual({ [OWNER]: [OM_SIM_KEY], [EDITOR]: [EDITOR_OM_KEY] });
      const seen = jobsAs(s.addOn, OWNER);
      expect(seen.find((j) => j.id === editorBatch.id)!.state).toBe('DONE');
      expect(seen.find((j) => j.id === ownerBatch.id)!.state).toBe('WAITING');
      expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]).toMatchObject({ lastRunAt: null, nextRunAt: schedule.nextRunAt });

      // The owner's trigger then runs the owner's schedule and finishes the owner's batch, on the owner's key.
      expect(s.addOn.runDueTriggers(0, OWNER)).toBe(1);
      const after = jobsAs(s.addOn, OWNER);
      expect(after.find((j) => j.id === ownerBatch.id)!.state).toBe('DONE');
      expect(after.find((j) => j.id === job.id)!.history.map((h) => h.text)).toContain('FETCHING: scheduled refresh: searching again');
      expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.lastRunAt).not.toBeNull();
      expect(keysByUser(s.addOn, OM_SIM_BASE)).toEqual({ [OWNER]: [OM_SIM_KEY], [EDITOR]: [EDITOR_OM_KEY] });
    });
  });

  describe('a scheduled search and later submits', () => {
    it("should still run the owner's scheduled search after the owner and a co-editor submit other searches", () => {
      const { s, job, editor } = scheduledSearch();
      expect(search(s.addOn, 'Bakeries', 5).state).toBe('DONE');
      expect(search(editor, 'Cafes', 5).state).toBe('DONE');
      const ownerSearches = keysSentTo(s.addOn, OM_SIM_BASE, SEARCH).filter((k) => k === OM_SIM_KEY).length;

      s.addOn.runDueTriggers(HOUR);
      const [after] = s.addOn.rpc<ScheduleView[]>('listSchedules');
      expect(after).toMatchObject({ lastError: null, pausedReason: null });
      expect(after!.lastRunAt).not.toBeNull();
      const rerun = jobsAs(s.addOn, OWNER).find((j) => j.id === job.id)!;
      expect(rerun).toMatchObject({ state: 'DONE', lastError: null });
      expect(rerun.history.map((h) => h.text)).toContain('FETCHING: scheduled refresh: searching again');
      // The refresh searched again on the owner's key only.
      const sent = keysSentTo(s.addOn, OM_SIM_BASE, SEARCH);
      expect(sent.filter((k) => k === OM_SIM_KEY).length).toBeGreaterThan(ownerSearches);
      expect(sent.filter((k) => k === EDITOR_OM_KEY)).toEqual([EDITOR_OM_KEY]);
    });

    it("should leave the owner's finished search schedulable when only a co-editor submits in between", () => {
      const s = givenOpenmart(asOwner);
      s.sim.addKey(EDITOR_OM_KEY);
      const job = search(s.addOn, 'Salons', 10);
      const editor = s.addOn.as(EDITOR);
      editor.rpc('saveApiKey', { provider: 'openmart', key: EDITOR_OM_KEY });
      search(editor, 'Cafes', 5);
      s.addOn.rpc('createSchedule', { jobId: job.id, every: 'hourly' });
      s.addOn.runDueTriggers(HOUR);
      expect(jobsAs(s.addOn, OWNER).find((j) => j.id === job.id)).toMatchObject({ state: 'DONE', lastError: null });
      expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]).toMatchObject({ lastError: null, pausedReason: null });
    });

    it("should refuse with a sentence to schedule a finished search whose form the owner's later submit let go", () => {
      const s = givenOpenmart(asOwner);
      const old = search(s.addOn, 'Salons', 10);
      search(s.addOn, 'Bakeries', 5);
      expect(() => s.addOn.rpc('createSchedule', { jobId: old.id, every: 'daily' })).toThrow(
        /search form of this job is no longer kept .*run the search again from the sidebar and schedule the new job/,
      );
      expect(s.addOn.rpc<ScheduleView[]>('listSchedules')).toEqual([]);
    });
  });
});
