import { MalformedResponseError, ServerError } from '../../../src/platform/errors';
import { newJob, type Job } from '../../../src/jobs/model';
import { applyError } from '../../../src/jobs/failure-policy';
import { UNREADABLE_RUNS, afterStep, isUnreadableAnswer, onUnreadable } from '../../../src/jobs/unreadable';

const T = Date.UTC(2026, 11, 7, 18);
const job = (): Job => ({ ...newJob({ id: 'j1', provider: 'openmart', kind: 'openmart.batches', title: 'People', now: T, data: {} }), state: 'WAITING' });
const garbled = new MalformedResponseError({
  provider: 'openmart',
  status: 200,
  message: 'GET /api/v1/task/batch/b1/status: the answer has no batch_ready flag',
  requestId: 'req-9',
});

describe('jobs/unreadable', () => {
  describe('#onUnreadable()', () => {
    it('should pause the job and say which try it was, then fail it at the limit naming the route', () => {
      let j = job();
      for (let run = 1; run < UNREADABLE_RUNS; run++) {
        j = onUnreadable(j, garbled, T + run);
        expect(j.state).toBe('WAITING');
        expect(j.resumeAt).toBe(T + run + 60_000);
        expect(j.lastError).toBe(
          `Openmart sent an answer the add-on cannot read: GET /api/v1/task/batch/b1/status: the answer has no batch_ready flag (request id req-9). Asked again at the next run (${run} of ${UNREADABLE_RUNS} tries).`,
        );
      }
      j = onUnreadable(j, garbled, T + 9);
      expect(j.state).toBe('FAILED');
      expect(j.lastError).toMatch(
        /^Stopped: Openmart answered 3 runs in a row with something the add-on cannot read: GET \/api\/v1\/task\/batch\/b1\/status: the answer has no batch_ready flag \(request id req-9\)\. Everything written so far is kept/,
      );
    });

    it('should be what the poller applies to an unreadable 2xx, and only to that', () => {
      expect(isUnreadableAnswer(garbled)).toBe(true);
      expect(isUnreadableAnswer(new MalformedResponseError({ provider: 'openmart', status: 502, message: 'x' }))).toBe(false);
      expect(applyError(job(), garbled, T, () => 'unused')).toEqual(onUnreadable(job(), garbled, T));
      expect(applyError(job(), new ServerError({ provider: 'openmart', status: 503, message: 'busy' }), T, () => 'busy').counts).toEqual({});
    });
  });

  describe('#afterStep()', () => {
    it('should end the run of unreadable answers after a step that met none, and keep it after one that did', () => {
      const once = onUnreadable(job(), garbled, T);
      expect(afterStep(once, { ...once, counts: { ...once.counts, rows: 5 } }).counts).toEqual({ rows: 5 });
      const twice = onUnreadable(once, garbled, T + 1);
      expect(afterStep(once, twice)).toBe(twice);
      expect(afterStep(job(), job())).toEqual(job());
    });
  });
});
