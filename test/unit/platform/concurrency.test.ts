import {
  aimd,
  GU1_AIMD,
  initialState,
  MAX_WAVE,
  nextState,
  parseState,
  type AimdConfig,
  type AimdState,
  type WaveReport,
} from '../../../src/platform/concurrency';

const C: AimdConfig = { start: 10, min: 2, max: 100, slowMs: 30_000 };
const clean = (sent: number, slowestMs = 2_000): WaveReport => ({ sent, throttled: 0, failed: 0, slowestMs });

describe('platform/concurrency', () => {
  describe('#nextState()', () => {
    const cases: Array<[string, AimdState, WaveReport, AimdState]> = [
      ['doubles after a clean, full wave in slow start', { size: 10, congested: false }, clean(10), { size: 20, congested: false }],
      ['adds one after a clean, full wave once congested', { size: 10, congested: true }, clean(10), { size: 11, congested: true }],
      [
        'holds after a wave smaller than the size (it proves nothing about a bigger one)',
        { size: 20, congested: false },
        clean(7),
        { size: 20, congested: false },
      ],
      ['holds after a clean wave slower than slowMs', { size: 20, congested: true }, clean(20, 31_000), { size: 20, congested: true }],
      [
        'shrinks to 3/4 of what was accepted on a 429',
        { size: 20, congested: false },
        { sent: 20, throttled: 5, failed: 0, slowestMs: 500 },
        { size: 11, congested: true },
      ],
      [
        'shrinks on a 5xx or timeout as on a 429',
        { size: 40, congested: true },
        { sent: 40, throttled: 0, failed: 1, slowestMs: 60_000 },
        { size: 29, congested: true },
      ],
      [
        'never grows on a small wave that met pressure',
        { size: 8, congested: true },
        { sent: 30, throttled: 1, failed: 0, slowestMs: 500 },
        { size: 6, congested: true },
      ],
      ['never goes below min', { size: 2, congested: true }, { sent: 2, throttled: 2, failed: 0, slowestMs: 500 }, { size: 2, congested: true }],
      ['never goes above max', { size: 80, congested: false }, clean(80), { size: 100, congested: false }],
      ['ignores an empty wave', { size: 12, congested: true }, clean(0), { size: 12, congested: true }],
    ];
    it.each(cases)('should: %s', (_name, state, wave, expected) => {
      expect(nextState(state, wave, C)).toEqual(expected);
    });
  });

  describe('#parseState()', () => {
    it('should start afresh from anything that is not a stored state', () => {
      for (const raw of [null, undefined, 'x', 3, {}, { size: 'big' }, { size: Number.NaN }]) expect(parseState(raw, C)).toEqual(initialState(C));
    });
    it('should clamp a stored size into the bounds', () => {
      expect(parseState({ size: 5_000, congested: true }, C)).toEqual({ size: 100, congested: true });
      expect(parseState({ size: 0 }, C)).toEqual({ size: 2, congested: false });
    });
  });

  describe('#aimd()', () => {
    it('should load once and store only changes', () => {
      const stored: AimdState[] = [];
      const c = aimd(
        C,
        () => ({ size: 30, congested: true }),
        (s) => stored.push(s),
      );
      expect(c.size()).toBe(30);
      c.observe(clean(5));
      expect(stored).toEqual([]);
      c.observe(clean(30));
      expect(stored).toEqual([{ size: 31, congested: true }]);
    });

    // A provider that answers 429 to every request past `limit` in one wave, as the simulators do.
    function run(limit: number, requests: number): { mean: number; throttled: number; sent: number } {
      const c = aimd(
        GU1_AIMD,
        () => undefined,
        () => undefined,
      );
      let left = requests;
      let sent = 0;
      let throttled = 0;
      const sizes: number[] = [];
      let retry = 0;
      while (left > 0 || retry > 0) {
        const n = retry > 0 ? retry : Math.min(c.size(), left);
        if (retry === 0) left -= n;
        const over = Math.max(0, n - limit);
        sent += n;
        throttled += over;
        sizes.push(c.size());
        c.observe({ sent: n, throttled: over, failed: 0, slowestMs: 2_000 });
        retry = over;
      }
      const tail = sizes.slice(Math.floor(sizes.length / 2));
      return { mean: tail.reduce((a, b) => a + b, 0) / tail.length, throttled, sent };
    }

    it.each([15, 60])('should settle within 25 %% of a limit of %i with under 2 %% of requests answered 429', (limit) => {
      const r = run(limit, 20_000);
      expect(Math.abs(r.mean - limit) / limit).toBeLessThanOrEqual(0.25);
      expect(r.throttled / r.sent).toBeLessThan(0.02);
    });

    it('should reach the practical maximum when nothing pushes back', () => {
      expect(run(1_000, 5_000).mean).toBe(MAX_WAVE);
    });
  });
});
