import { Deadline } from '../../../src/platform/clock';
import { AuthError, RateLimitError, ServerError } from '../../../src/platform/errors';
import type { JobEnv, JobHandler } from '../../../src/jobs/handler';
import { newJob, transition, type Job } from '../../../src/jobs/model';
import { applyError } from '../../../src/jobs/failure-policy';
import { pollJobs } from '../../../src/jobs/poller';
import { JobStore } from '../../../src/jobs/store';
import { memoryProps } from '../../harness/fixtures';

function setup(handler: JobHandler, budgetMs = 270_000) {
  let t = 1_000_000;
  const clock = { now: () => t, sleep: (ms: number) => void (t += ms) };
  const props = memoryProps();
  const store = new JobStore(props);
  let locked = false;
  const lock = { tryLock: () => !locked && (locked = true), releaseLock: () => void (locked = false) };
  const env = { clock, deadline: new Deadline(clock, budgetMs), checkpoint: (j: Job) => store.save(j) } as unknown as JobEnv;
  return { store, env, lock, clock, props, handlers: { test: handler }, isLocked: () => locked };
}

const job = (id: string, now = 1): Job => newJob({ id, provider: 'openprospect', kind: 'test', title: `Job ${id}`, now, data: {} });

describe('jobs/poller', () => {
  describe('#pollJobs()', () => {
    it('should advance every open job, save it, and release the lock', () => {
      const s = setup({ kind: 'test', advance: (j, env) => transition(j, 'DONE', env.clock.now()) });
      s.store.save(job('a'));
      s.store.save(job('b'));
      const r = pollJobs(s.store, s.handlers, s.env, s.lock, String);
      expect(r).toEqual({ ran: true, advanced: 2, deferred: 0, stillOpen: 0 });
      expect(s.store.all().map((j) => j.state)).toEqual(['DONE', 'DONE']);
      expect(s.isLocked()).toBe(false);
    });

    it('should skip the run when another run holds the lock', () => {
      const s = setup({ kind: 'test', advance: (j) => j });
      s.store.save(job('a'));
      s.lock.tryLock();
      expect(pollJobs(s.store, s.handlers, s.env, s.lock, String).ran).toBe(false);
    });

    it('should release the lock even when a handler throws something unexpected', () => {
      const s = setup({
        kind: 'test',
        advance: () => {
          throw new TypeError('boom');
        },
      });
      s.store.save(job('a'));
      pollJobs(s.store, s.handlers, s.env, s.lock, (e) => (e as Error).message);
      expect(s.isLocked()).toBe(false);
      expect(s.store.get('a')!.state).toBe('FAILED');
      expect(s.store.get('a')!.lastError).toBe('boom');
    });

    it('should leave a rate-limited job open until its Retry-After, then clear the error on success', () => {
      let calls = 0;
      const s = setup({
        kind: 'test',
        advance: (j, env) => {
          calls++;
          if (calls === 1) throw new RateLimitError({ provider: 'openprospect', status: 429, message: 'slow', retryAfterMs: 3_600_000 });
          return transition(j, 'WAITING', env.clock.now());
        },
      });
      s.store.save(job('a'));
      pollJobs(s.store, s.handlers, s.env, s.lock, String);
      const paused = s.store.get('a')!;
      expect(paused.state).toBe('SUBMITTING');
      expect(paused.resumeAt).toBe(1_000_000 + 3_600_000);
      pollJobs(s.store, s.handlers, s.env, s.lock, String);
      expect(calls).toBe(1);
      s.clock.sleep(3_600_000);
      pollJobs(s.store, s.handlers, { ...s.env, deadline: new Deadline(s.clock, 270_000) }, s.lock, String);
      const resumed = s.store.get('a')!;
      expect(calls).toBe(2);
      expect(resumed.lastError).toBeUndefined();
      expect(resumed.resumeAt).toBeUndefined();
    });

    it('should defer jobs it has no time for', () => {
      const s = setup({ kind: 'test', advance: (j) => j }, 20_000);
      s.store.save(job('a'));
      expect(pollJobs(s.store, s.handlers, s.env, s.lock, String)).toMatchObject({ advanced: 0, deferred: 1 });
    });

    it('should fail a job whose kind this version does not know', () => {
      const s = setup({ kind: 'test', advance: (j) => j });
      s.store.save({ ...job('a'), kind: 'future.kind' });
      pollJobs(s.store, s.handlers, s.env, s.lock, String);
      expect(s.store.get('a')!.lastError).toMatch(/cannot run jobs of kind "future.kind"/);
    });
  });

  describe('#applyError()', () => {
    const base = job('x');
    it('should fail the job on a refused key', () => {
      const e = new AuthError({ provider: 'gu1', status: 401, message: 'bad key' });
      expect(applyError(base, e, 5, (x) => (x as AuthError).userMessage()).state).toBe('FAILED');
    });
    it('should keep the job open on a server error', () => {
      const e = new ServerError({ provider: 'gu1', status: 503, message: 'down' });
      const j = applyError(base, e, 5, String);
      expect(j.state).toBe('SUBMITTING');
      expect(j.resumeAt).toBe(60_005);
    });
  });
});

describe('jobs/store', () => {
  it('should keep at most 40 finished jobs and every open one', () => {
    const props = memoryProps();
    const store = new JobStore(props);
    for (let i = 0; i < 45; i++) store.save(transition(job(`d${i}`, i + 10), 'DONE', i + 10));
    store.save(job('open', 1));
    expect(store.prune()).toBe(5);
    expect(store.all()).toHaveLength(41);
    expect(store.get('open')).toBeDefined();
    expect(store.get('d0')).toBeUndefined();
  });
});
