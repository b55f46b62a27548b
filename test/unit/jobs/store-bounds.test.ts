import { Deadline } from '../../../src/platform/clock';
import type { JobEnv } from '../../../src/jobs/handler';
import { newJob, note, transition, type Job } from '../../../src/jobs/model';
import { pollJobs } from '../../../src/jobs/poller';
import { JobStore, TEXT_BOUNDS, boundJob } from '../../../src/jobs/store';
import { BUDGETS, jobBudgetRefusal, scheduleBudgetRefusal } from '../../../src/jobs/budgets';
import { PROPERTY_VALUE_LIMIT, utf8Length } from '../../../src/platform/store';
import { memoryProps } from '../../harness/fixtures';

const job = (id: string, owner?: string): Job => ({
  ...newJob({ id, provider: 'openprospect', kind: 'test', title: `Job ${id}`, now: 1, data: {} }),
  ...(owner ? { owner } : {}),
});

describe('jobs/store bounds', () => {
  describe('#boundJob()', () => {
    it('should cut a 20 KB error to the bound with a marker and keep the record under 9 KB', () => {
      let j: Job = { ...job('a'), lastError: 'x'.repeat(20_000) };
      for (let i = 0; i < 40; i++) j = note(j, i, `line ${i} ${'é'.repeat(400)}`);
      const props = memoryProps();
      new JobStore(props).save(j);
      const raw = props.data['job:a'] as string;
      expect(utf8Length(`job:a${raw}`)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
      const saved = JSON.parse(raw) as Job;
      expect(saved.lastError?.length).toBe(TEXT_BOUNDS.lastError);
      expect(saved.lastError).toMatch(/more characters cut\]$/);
      // Oldest history dropped first; the newest line is kept.
      expect(saved.history.at(-1)?.text).toMatch(/^line 39/);
    });

    it('should leave a small record as it is', () => {
      const j = transition(job('a'), 'DONE', 5, 'done');
      expect(boundJob(j)).toEqual(j);
    });
  });

  describe('#pollJobs() with a failing save', () => {
    it("should advance and save the other jobs when one job's save fails", () => {
      let t = 1_000;
      const clock = { now: () => t, sleep: (ms: number) => void (t += ms) };
      const props = memoryProps();
      const store = new JobStore(props);
      store.save(job('a'));
      store.save(job('b'));
      store.save(job('c'));
      const set = props.setProperty.bind(props);
      (props as { setProperty: (k: string, v: string) => unknown }).setProperty = (k: string, v: string) => {
        if (k === 'job:b') throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
        return set(k, v);
      };
      const env = { clock, deadline: new Deadline(clock, 270_000), checkpoint: (j: Job) => store.save(j) } as unknown as JobEnv;
      const lock = { tryLock: () => true, releaseLock: () => undefined };
      const r = pollJobs(store, { test: { kind: 'test', advance: (j, e) => transition(j, 'DONE', e.clock.now()) } }, env, lock, (e) => (e as Error).message);
      expect(r.ran).toBe(true);
      expect(store.all().map((j) => `${j.id}:${j.state}`)).toEqual(['a:DONE', 'b:SUBMITTING', 'c:DONE']);
    });
  });
});

describe('jobs/budgets', () => {
  it('should refuse past the per-editor and per-document numbers, with what to do', () => {
    const mine = Array.from({ length: BUDGETS.openJobsPerEditor }, (_, i) => job(`m${i}`, 'me'));
    expect(jobBudgetRefusal(mine.slice(1), 'me')).toBeNull();
    expect(jobBudgetRefusal(mine, 'me')).toMatch(/You already have 25 open jobs .*cancel ones you no longer need/);
    const others = Array.from({ length: BUDGETS.openJobsPerDocument }, (_, i) => job(`o${i}`, `other${i % 3}`));
    expect(jobBudgetRefusal(others, 'me')).toMatch(/This spreadsheet already holds 50 open jobs \(at most 50, all editors together\)/);
    expect(
      scheduleBudgetRefusal(
        Array.from({ length: 25 }, () => ({ owner: 'me' })),
        'me',
      ),
    ).toMatch(/Delete schedules you no longer need/);
    expect(
      scheduleBudgetRefusal(
        Array.from({ length: 24 }, () => ({ owner: 'me' })),
        'me',
      ),
    ).toBeNull();
  });
});
