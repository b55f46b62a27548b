/**
 * One deterministic reproduction per open finding of the chaos suite (see KNOWN_ISSUES in
 * suite.ts). Each is `it.failing` while the add-on has the defect: when a fix lands, Jest reports
 * the test as failing because it passed; turn it into a plain `it` then.
 */
import type { FaultRule } from '../../emulator/apis/faults';
import { runFlow, type Disruption, type Flow, type TracedCall } from './engine';
import { gu1Flow, openmartFlow, openProspectFlow } from './flows';

function against(flow: Flow, disruption: Disruption): ReturnType<typeof runFlow> {
  const clean = runFlow(flow, {}, null);
  return runFlow(flow, disruption, clean.snapshot);
}

const malformed = (m: Omit<FaultRule, 'malformed'>): FaultRule => ({ ...m, malformed: true }) as FaultRule;

jest.setTimeout(60_000);

describe('chaos findings (reproductions)', () => {
  describe('OpenProspect', () => {
    it('should create exactly one order when the answer to the order POST arrives truncated', () => {
      // Fixed: a truncated 2xx to a keyed POST is retried with the same Idempotency-Key (one order).
      const r = against(openProspectFlow() as unknown as Flow, { rules: [malformed({ method: 'POST', pathIncludes: '/orders', nth: 1 })] });
      expect(r.problems).toEqual([]);
    });

    it('should retry a results page whose body arrives truncated and finish with every row', () => {
      // Fixed: a truncated page is a safe GET, retried by the http layer; a later run resumes otherwise.
      const r = against(openProspectFlow() as unknown as Flow, { rules: [malformed({ method: 'GET', pathIncludes: '/results', nth: 2 })] });
      expect(r.problems).toEqual([]);
    });
  });

  describe('Openmart', () => {
    it('should mark the rows of a batch whose submit answer is unreadable "outcome unknown", not REJECTED', () => {
      // Fixed: only a 4xx refusal rejects a batch; a 2xx with an unreadable body leaves it "outcome unknown".
      const r = against(openmartFlow() as unknown as Flow, { rules: [malformed({ method: 'POST', nth: 1 })] });
      expect(r.problems).toEqual([]);
    });

    it('should submit each batch once when the sidebar refreshes while submitOpenmartBatch waits for the lock', () => {
      const trace: TracedCall[] = [];
      runFlow(openmartFlow() as unknown as Flow, {}, null, 1, trace);
      const lockCall = trace.find((c) => c.kind === 'rpc' && c.service === 'Lock' && c.method === 'tryLock');
      expect(lockCall).toBeDefined();
      const r = against(openmartFlow() as unknown as Flow, { overlapAt: [{ call: lockCall?.k ?? 0, what: 'sidebar' }] });
      expect(r.fired.overlaps).toHaveLength(1);
      expect(r.problems).toEqual([]);
      expect(r.snapshot['batches']).toBe(2);
    });
  });

  describe('gu1', () => {
    it('should retry at a later run the rows of a wave that timed out twice instead of writing them as failed', () => {
      // Fixed: the 10 rows stay unwritten, the run pauses, and a later run sends them again without forceRefresh.
      const r = against(gu1Flow() as unknown as Flow, { rules: [{ method: 'POST', nth: [1, 11], transport: 'timeout' }] });
      expect(r.problems).toEqual([]);
    });

    it('should not re-send rows or lose the cost when the sidebar refreshes while submitGu1 waits for the lock', () => {
      // Fixed: submitGu1 re-reads the job inside the lock and finds it already DONE by the overlapping refresh.
      const trace: TracedCall[] = [];
      runFlow(gu1Flow() as unknown as Flow, {}, null, 1, trace);
      const lockCall = trace.find((c) => c.kind === 'rpc' && c.service === 'Lock' && c.method === 'tryLock');
      expect(lockCall).toBeDefined();
      const r = against(gu1Flow() as unknown as Flow, { overlapAt: [{ call: lockCall?.k ?? 0, what: 'sidebar' }] });
      expect(r.problems).toEqual([]);
      expect({ requests: r.snapshot['requests'], reported: r.snapshot['jobCost'] }).toEqual({ requests: 25, reported: r.snapshot['billed'] });
    });

    it('should never bill a row twice when the sidebar refreshes while submitGu1 waits for the lock', () => {
      const trace: TracedCall[] = [];
      runFlow(gu1Flow() as unknown as Flow, {}, null, 1, trace);
      const lockCall = trace.find((c) => c.kind === 'rpc' && c.service === 'Lock' && c.method === 'tryLock');
      const r = against(gu1Flow() as unknown as Flow, { overlapAt: [{ call: lockCall?.k ?? 0, what: 'sidebar' }] });
      expect(r.problems.filter((p) => /billed/.test(p))).toEqual([]);
      expect(r.fired.overlaps).toHaveLength(1);
    });
  });
});
