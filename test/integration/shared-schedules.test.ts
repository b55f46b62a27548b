/**
 * Schedules in a shared spreadsheet through the built bundle: other submits never break a
 * scheduled search, and a co-editor's trigger never runs or pays for the owner's work.
 */
import { OM_SIM_BASE, OM_SIM_KEY, givenOpenmart } from '../harness/scenarios';
import { jobsAs, keysSentTo } from '../harness/editors';
import type { JobView } from '../../src/app/jobs';
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

describe('schedules in a shared spreadsheet (built bundle)', () => {
  describe('a scheduled search and later submits', () => {
    it('should still run the owner\'s scheduled search after the owner and a co-editor submit other searches', () => {
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

    it('should leave the owner\'s finished search schedulable when only a co-editor submits in between', () => {
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

    it('should refuse with a sentence to schedule a finished search whose form the owner\'s later submit let go', () => {
      const s = givenOpenmart(asOwner);
      const old = search(s.addOn, 'Salons', 10);
      search(s.addOn, 'Bakeries', 5);
      expect(() => s.addOn.rpc('createSchedule', { jobId: old.id, every: 'daily' })).toThrow(/search form of this job is no longer kept .*run the search again from the sidebar and schedule the new job/);
      expect(s.addOn.rpc<ScheduleView[]>('listSchedules')).toEqual([]);
    });
  });
});
