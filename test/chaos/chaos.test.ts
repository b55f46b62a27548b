/**
 * The seeded slice of the chaos suite inside `npm test` (the full run is `npm run chaos`): every
 * flow killed at sampled service calls, and seeds 1-20 of faults, kills and overlapping runs,
 * each compared with the fault-free run. See test/chaos/engine.ts.
 */
import { allFlows } from './flows';
import { classify, cleanRuns, runSeed, sweep, type Clean, type SeedResult } from './suite';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
/** Kill points per flow in this slice (evenly spread over its fault-free calls, first and last included). */
const POINTS = 12;
/** The slice is synchronous CPU work (about 15 s on 2 cores); generous limits keep a slow CI machine green. */
const TIMEOUT_MS = 180_000;

describe('chaos (seeded slice)', () => {
  let cleans: Clean[];
  let seeds: SeedResult[];

  beforeAll(() => {
    cleans = cleanRuns(allFlows());
    seeds = SEEDS.map((s) => runSeed(s, cleans));
  }, TIMEOUT_MS);

  describe('kill sweep', () => {
    it(
      'should end every flow killed at a sampled service call like the fault-free run',
      () => {
        const failures: string[] = [];
        for (const c of cleans) {
          const points = [...new Set(Array.from({ length: POINTS }, (_, i) => 1 + Math.round((i * (c.calls - 1)) / (POINTS - 1))))];
          for (const f of sweep(c, points).failed) failures.push(`${c.flow.name} killed at call ${f.k} (${f.killed}): ${f.problems.join('; ')}`);
        }
        expect(failures).toEqual([]);
      },
      TIMEOUT_MS,
    );
  });

  describe('seeds 1-20', () => {
    it("should never duplicate a row, an order or a batch, bill twice or touch the user's cells, and have no problem outside the known issues", () => {
      const unexplained = seeds.flatMap((s) => s.runs.flatMap((r) => classify(r).unexplained.map((p) => `seed ${s.seed} ${r.flow}: ${p} [${r.text}]`)));
      expect(unexplained).toEqual([]);
    });

    it('should end every flow of every seed exactly like the fault-free run', () => {
      const failed = seeds.filter((s) => !s.clean).map((s) => `seed ${s.seed}: ${s.runs.flatMap((r) => r.problems.map((p) => `${r.flow}: ${p}`)).join('; ')}`);
      expect(failed).toEqual([]);
    });
  });
});
