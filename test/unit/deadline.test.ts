import { Deadline, type Clock } from '../../src/platform/clock';

function fakeClock(start = 1_000): Clock & { t: number } {
  const c = {
    t: start,
    now: () => c.t,
    sleep: (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe('platform/clock', () => {
  describe('Deadline', () => {
    it('should count down as the clock moves', () => {
      const clock = fakeClock();
      const d = new Deadline(clock, 10_000);
      expect(d.remainingMs()).toBe(10_000);
      clock.sleep(4_000);
      expect(d.remainingMs()).toBe(6_000);
      expect(d.nearlyOver(5_000)).toBe(false);
      expect(d.canWait(5_000, 2_000)).toBe(false);
      clock.sleep(7_000);
      expect(d.remainingMs()).toBe(0);
      expect(d.nearlyOver()).toBe(true);
    });
  });
});
