/**
 * Which processing Openmart batches a run asks for their status (issue 16). The open sidebar
 * calls every minute while batches process; asking all of them each time (as before, every 2
 * minutes) cost about 3,000 UrlFetch calls an hour for 100 batches. So:
 *
 * - A run long after the last full look (SWEEP_MS: the hourly trigger, the first run after a
 *   submit) asks every batch.
 * - Any other run asks ROTATION batches: the oldest waiting one (batches finish about in the order
 *   they were submitted) and the next ones after where the last run stopped, in turn (every batch
 *   is asked within 100 / (ROTATION - 1) runs).
 * - When one of those is ready, the run asks all the others at once: batches submitted together
 *   finish together, so one ready batch says the rest are near (`followUp`); for HOT_MS after a
 *   batch turned ready, every run at least HOT_SWEEP_MS after the last full look asks all again.
 *
 * Pure: the state is two numbers, kept as a hint in the document cache (a lost one means a full
 * look; in the job it would count as a change and reset the open sidebar's backoff).
 */

/** Batches asked by a run that is not a full look. */
export const ROTATION = 4;
/** A run this long after the last full look asks every batch (below the hourly trigger's gap). */
export const SWEEP_MS = 45 * 60_000;
/** After a batch turned ready, the others are near: full looks this often... */
export const HOT_SWEEP_MS = 60_000;
/** ...for this long. */
export const HOT_MS = 10 * 60_000;

/** Where the rotation stands. */
export interface StatusPolls {
  /** Ledger index the rotation continues from. */
  next: number;
  /** When every batch was last asked (epoch ms). */
  sweptAt: number;
  /** When a batch last turned ready (epoch ms). */
  readyAt?: number;
}

/** What to ask now, and the state after asking it. */
export interface StatusPlan {
  /** Ledger indices to ask, in ledger order from the rotation's place. */
  ask: number[];
  /** True when `ask` holds every waiting batch. */
  sweep: boolean;
  state: StatusPolls;
}

/** The batches to ask among `waiting` (ledger indices, ascending) at `now`. */
export function planStatusPolls(waiting: readonly number[], state: StatusPolls | undefined, now: number): StatusPlan {
  const hot = state?.readyAt !== undefined && now - state.readyAt < HOT_MS;
  const since = state === undefined ? Number.POSITIVE_INFINITY : now - state.sweptAt;
  if (state === undefined || since >= SWEEP_MS || (hot && since >= HOT_SWEEP_MS) || waiting.length <= ROTATION) {
    return { ask: [...waiting], sweep: true, state: { ...state, next: state?.next ?? 0, sweptAt: now } };
  }
  const oldest = waiting[0] as number;
  const rest = waiting.slice(1);
  const start = Math.max(
    0,
    rest.findIndex((i) => i >= state.next),
  );
  const ask: number[] = [oldest];
  for (let k = 0; k < ROTATION - 1; k++) ask.push(rest[(start + k) % rest.length] as number);
  const last = ask[ask.length - 1] as number;
  return { ask, sweep: false, state: { ...state, next: last + 1 } };
}

/** After a partial look found a ready batch: every other waiting batch, and the state of a full look. */
export function followUp(waiting: readonly number[], asked: readonly number[], state: StatusPolls, now: number): { ask: number[]; state: StatusPolls } {
  const seen = new Set(asked);
  return { ask: waiting.filter((i) => !seen.has(i)), state: { ...state, sweptAt: now } };
}

/**
 * Ask by the plan, and all the others when a partial look found a ready batch; `ask` asks the
 * given batches and returns how many turned ready. Returns the state to keep.
 */
export function askInTurn(waiting: readonly number[], state: StatusPolls | undefined, now: number, ask: (batches: readonly number[]) => number): StatusPolls {
  const plan = planStatusPolls(waiting, state, now);
  if (ask(plan.ask) === 0) return plan.state;
  if (plan.sweep) return { ...plan.state, readyAt: now };
  const more = followUp(waiting, plan.ask, plan.state, now);
  ask(more.ask);
  return { ...more.state, readyAt: now };
}

/** A hint read back from the cache, or undefined when it is missing or not this shape. */
export function readStatusPolls(v: unknown): StatusPolls | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { next, sweptAt, readyAt } = v as Record<string, unknown>;
  if (typeof next !== 'number' || typeof sweptAt !== 'number') return undefined;
  return typeof readyAt === 'number' ? { next, sweptAt, readyAt } : { next, sweptAt };
}
