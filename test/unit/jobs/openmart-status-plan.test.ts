import { HOT_MS, HOT_SWEEP_MS, ROTATION, SWEEP_MS } from '../../../src/jobs/openmart-status-plan';
import { askInTurn, followUp, planStatusPolls, readStatusPolls } from '../../../src/jobs/openmart-status-plan';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);
const T0 = 1_700_000_000_000;
const MIN = 60_000;

describe('jobs/openmart-status-plan', () => {
  describe('#planStatusPolls()', () => {
    it('should ask every batch when there is no state (the run after a submit, a lost hint)', () => {
      const plan = planStatusPolls(range(100), undefined, T0);
      expect(plan).toEqual({ ask: range(100), sweep: true, state: { next: 0, sweptAt: T0 } });
    });

    it('should ask every batch again SWEEP_MS after the last full look (the hourly trigger)', () => {
      expect(planStatusPolls(range(100), { next: 40, sweptAt: T0 }, T0 + SWEEP_MS - 1).sweep).toBe(false);
      const plan = planStatusPolls(range(100), { next: 40, sweptAt: T0 }, T0 + SWEEP_MS);
      expect(plan.sweep).toBe(true);
      expect(plan.ask).toHaveLength(100);
      expect(plan.state).toEqual({ next: 40, sweptAt: T0 + SWEEP_MS });
    });

    it('should otherwise ask the oldest batch and ROTATION - 1 others in turn, every batch within 33 runs', () => {
      let state = { next: 0, sweptAt: T0 };
      const asked: number[] = [];
      for (let run = 1; run <= Math.ceil(99 / (ROTATION - 1)); run++) {
        const plan = planStatusPolls(range(100), state, T0 + run * MIN);
        expect(plan.sweep).toBe(false);
        expect(plan.ask).toHaveLength(ROTATION);
        expect(plan.ask[0]).toBe(0);
        asked.push(...plan.ask);
        state = plan.state;
      }
      expect([...new Set(asked)].sort((a, b) => a - b)).toEqual(range(100));
      expect(state.sweptAt).toBe(T0);
    });

    it('should skip batches no longer waiting and wrap around', () => {
      expect(ROTATION).toBe(4);
      const waiting = [3, 7, 8, 20, 41, 42, 90];
      const plan = planStatusPolls(waiting, { next: 42, sweptAt: T0 }, T0 + MIN);
      expect(plan.ask).toEqual([3, 42, 90, 7]);
      expect(plan.state.next).toBe(8);
      expect(planStatusPolls(waiting, plan.state, T0 + 2 * MIN).ask).toEqual([3, 8, 20, 41]);
    });

    it('should look at all again every HOT_SWEEP_MS for HOT_MS after a batch turned ready', () => {
      const hot = { next: 0, sweptAt: T0, readyAt: T0 };
      expect(planStatusPolls(range(50), hot, T0 + HOT_SWEEP_MS - 1).sweep).toBe(false);
      const again = planStatusPolls(range(50), hot, T0 + HOT_SWEEP_MS);
      expect(again).toMatchObject({ sweep: true, state: { sweptAt: T0 + HOT_SWEEP_MS, readyAt: T0 } });
      expect(planStatusPolls(range(50), { ...hot, sweptAt: T0 + HOT_MS - 1 }, T0 + HOT_MS).sweep).toBe(false);
    });

    it('should ask all when no more than ROTATION batches wait', () => {
      expect(planStatusPolls([4, 9], { next: 5, sweptAt: T0 }, T0 + MIN)).toMatchObject({ ask: [4, 9], sweep: true });
    });
  });

  describe('#askInTurn()', () => {
    it('should ask all the others in the same run when a partial look finds a ready batch', () => {
      const calls: number[][] = [];
      const state = askInTurn(range(100), { next: 10, sweptAt: T0 }, T0 + MIN, (b) => {
        calls.push([...b]);
        return calls.length === 1 ? 1 : 0;
      });
      expect(calls[0]).toEqual([0, ...range(ROTATION - 1, 10)]);
      expect(calls[1]).toEqual([...range(9, 1), ...range(100 - 9 - ROTATION, 9 + ROTATION)]);
      expect(state).toEqual({ next: 9 + ROTATION, sweptAt: T0 + MIN, readyAt: T0 + MIN });
    });

    it('should ask once when nothing is ready or the look was full', () => {
      let n = 0;
      const counted = (ready: number) => (): number => {
        n++;
        return ready;
      };
      askInTurn(range(100), { next: 0, sweptAt: T0 }, T0 + MIN, counted(0));
      askInTurn(range(100), undefined, T0, counted(3));
      expect(n).toBe(2);
    });
  });

  describe('#followUp()', () => {
    it('should leave out the batches just asked', () => {
      const more = followUp([1, 2, 3, 4], [2, 3], { next: 4, sweptAt: 0 }, T0);
      expect(more).toEqual({ ask: [1, 4], state: { next: 4, sweptAt: T0 } });
    });
  });

  describe('#readStatusPolls()', () => {
    it('should read the hint back, and nothing from a damaged one', () => {
      expect(readStatusPolls({ next: 3, sweptAt: T0 })).toEqual({ next: 3, sweptAt: T0 });
      expect(readStatusPolls({ next: 3, sweptAt: T0, readyAt: T0 })).toEqual({ next: 3, sweptAt: T0, readyAt: T0 });
      expect(readStatusPolls({ next: '3', sweptAt: T0 })).toBeUndefined();
      expect(readStatusPolls(null)).toBeUndefined();
      expect(readStatusPolls(undefined)).toBeUndefined();
    });
  });
});
