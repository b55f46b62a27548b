/**
 * The latency model of the emulator, in one place.
 *
 * Sources (see docs/PLATFORM.md, "Costs to model in the benchmark"):
 * - "One sequential UrlFetch costs about 0.3-0.5 s beyond the server's own time" -> urlFetchMs 300
 *   plus the simulator's own `latencyMs`.
 * - "a fetchAll wave costs its slowest request plus about 0.5 s" -> fetchAllOverheadMs 500 plus the
 *   slowest server `latencyMs` of the wave.
 * - "A Sheets service call costs tens to hundreds of milliseconds (about 0.25 s on very large sheets);
 *   one setValues of a block costs little more than one cell" -> sheetsCallMs 50 per call plus
 *   sheetsPerCellUs 10 µs per cell the call touches (100,000 cells ≈ +1 s).
 * - Properties and Cache calls are not quoted in docs/PLATFORM.md; they are small round trips
 *   (assumption: 10 ms each). Lock calls cost nothing beyond the time spent waiting.
 *
 * - "Script time counts" (issue 20): the 6-minute limit counts the script's own computing too. The
 *   emulator measures the process CPU time an execution spends between service calls and charges
 *   it times cpuFactor 3: Apps Script's V8 runs on shared servers and is commonly measured 2-4x
 *   slower than Node on a developer machine for the same loop (no official figure: a pessimistic
 *   middle, set here only). 0 turns it off (deterministic virtual time, e.g. seeded chaos replays).
 *
 * Tests may set every entry to 0 through `createEmulator({ latency: {...} })`.
 */
export interface LatencyModel {
  /** Fixed cost of one UrlFetchApp.fetch beyond the server's own latencyMs. */
  urlFetchMs: number;
  /** Fixed cost of one fetchAll wave beyond its slowest request's server latency. */
  fetchAllOverheadMs: number;
  /** Fixed cost of any Spreadsheet / Sheet / Range method call. */
  sheetsCallMs: number;
  /** Extra cost per cell a Sheets call reads or writes, in microseconds. */
  sheetsPerCellUs: number;
  /** Cost of one Properties call (assumption, not in docs/PLATFORM.md). */
  propertiesCallMs: number;
  /** Cost of one Cache call (assumption, not in docs/PLATFORM.md). */
  cacheCallMs: number;
  /** Virtual time a transport timeout takes when the simulator gives no latencyMs (docs/PLATFORM.md: about 60 s). */
  urlFetchTimeoutMs: number;
  /** Virtual ms charged per ms of the script's own CPU time (0: not charged). */
  cpuFactor: number;
}

/** Default latencies; see the comment above for where each number comes from. */
export const DEFAULT_LATENCY: Readonly<LatencyModel> = Object.freeze({
  urlFetchMs: 300,
  fetchAllOverheadMs: 500,
  sheetsCallMs: 50,
  sheetsPerCellUs: 10,
  propertiesCallMs: 10,
  cacheCallMs: 10,
  urlFetchTimeoutMs: 60_000,
  cpuFactor: 3,
});

/** A latency model with every cost set to 0 (handy in unit tests). */
export const ZERO_LATENCY: Readonly<LatencyModel> = Object.freeze({
  urlFetchMs: 0,
  fetchAllOverheadMs: 0,
  sheetsCallMs: 0,
  sheetsPerCellUs: 0,
  propertiesCallMs: 0,
  cacheCallMs: 0,
  urlFetchTimeoutMs: 0,
  cpuFactor: 0,
});
