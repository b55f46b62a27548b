/**
 * The open sidebar drives progress (issue 16): any part of it calls `advanceJobs` again and
 * again, and the answer says when to call next.
 *
 * - `now`: a job has work that can be done at once (pages, rows, task reads): call again as soon
 *   as this answer arrives.
 * - `wait`: jobs only wait on a provider (an order in review, batches processing): call again
 *   after `waitMs`. The gate grows 30 s, 60 s, ... up to 5 min while nothing changes (1 min while
 *   Openmart batches process: they take minutes, not hours) and starts again at 30 s after any
 *   change. Until it opens an answer costs cache reads only: no Properties, no UrlFetch call.
 *   A poll by the trigger counts too (the gate runs from the last poll), so a waiting order costs
 *   at most 12 UrlFetch calls an hour with the sidebar open.
 * - `busy`: another execution holds the lock (a second sidebar of the same user, the trigger):
 *   this one returns at once instead of waiting for it, and never works on the same job.
 */
import * as z from 'zod/mini';
import { JsonCache } from '../platform/cache';
import { docStamp, lastPollAt } from './background';
import type { AppContext } from './context';
import { parseInput } from './input';
import { listJobs, runPoll } from './jobs';
import type { JobsView, JobView } from './job-view';
import { whoAmI } from './owner';

export interface AdvanceAnswer {
  next: 'now' | 'wait' | 'busy';
  /** When `next` is not `now`: how long to wait before calling again. */
  waitMs: number;
  /** The Jobs list when it changed since `since`, else null. */
  view: JobsView | null;
}

/** One slice of work per call (a step needs 30 s of it: jobs/poller.ts). */
export const SLICE_MS = 60_000;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 300_000;
/**
 * Openmart batches finish in minutes: their results are looked for at least this often. A look
 * asks only a few batches in turn (jobs/openmart-status-plan.ts), so it can be frequent.
 */
const BATCH_WAIT_MS = 60_000;

export const AdvanceInput = z.optional(z.object({ since: z.optional(z.string()) }));

interface Gate {
  /** The wait after the last poll. */
  step: number;
  /** The document's change stamp the gate was set at: any change opens it. */
  stamp: string;
}

const gateKey = (ctx: AppContext): string => `advance.gate.${whoAmI(ctx).id ?? 'new'}`;

function readGate(ctx: AppContext): Gate | undefined {
  const g = new JsonCache(ctx.documentCache()).get<unknown>(gateKey(ctx));
  if (typeof g !== 'object' || g === null) return undefined;
  const { step, stamp } = g as Record<string, unknown>;
  return typeof step === 'number' && typeof stamp === 'string' ? { step, stamp } : undefined;
}

const activeKey = (ctx: AppContext): string => `advance.polledAt.${whoAmI(ctx).id ?? 'new'}`;

/**
 * True while this user's open sidebar polls (it polled within the longest gate): the trigger run
 * then leaves the jobs to it, so its poll adds no UrlFetch call to the sidebar's.
 */
export function sidebarPolling(ctx: AppContext): boolean {
  const at = Number(ctx.documentCache().get(activeKey(ctx)) ?? Number.NaN);
  return Number.isFinite(at) && ctx.clock.now() - at < MAX_WAIT_MS + 60_000;
}

/** Work that can be done now: a job of mine being sent or fetched, not paused. */
function hasWorkNow(jobs: readonly JobView[], now: number): boolean {
  return jobs.some((j) => j.mine && j.open && (j.state === 'SUBMITTING' || j.state === 'FETCHING') && (j.resumeAt === null || j.resumeAt <= now));
}

/** The next wait while jobs only wait: doubles while nothing changes, bounded by what the jobs wait for. */
export function nextWait(jobs: readonly JobView[], prev: Gate | undefined, changed: boolean, now: number): number {
  const mine = jobs.filter((j) => j.mine && j.open);
  if (mine.length === 0) return MAX_WAIT_MS;
  // A fresh sidebar on jobs unchanged for a while starts where doubling would have got to.
  const quiet = now - Math.max(...mine.map((j) => j.updatedAt));
  let step = changed ? FIRST_WAIT_MS : prev ? prev.step * 2 : quiet;
  const cap = mine.some((j) => j.kind === 'openmart.batches') ? BATCH_WAIT_MS : MAX_WAIT_MS;
  step = Math.max(FIRST_WAIT_MS, Math.min(cap, step));
  const paused = mine.map((j) => j.resumeAt).filter((t): t is number => t !== null && t > now);
  return paused.length > 0 ? Math.max(FIRST_WAIT_MS, Math.min(step, Math.min(...paused) - now)) : step;
}

/** Advance this user's jobs by one slice when there is something to do; say when to call again. */
export function advanceJobs(ctx: AppContext, input?: unknown): AdvanceAnswer {
  const { since } = parseInput(AdvanceInput, input, 'the progress request') ?? {};
  const before = docStamp(ctx);
  const gate = readGate(ctx);
  const now = ctx.clock.now();
  const viewIfNew = (): JobsView | null => (since === before ? null : listJobs(ctx));
  if (gate && gate.stamp === before) {
    const due = (lastPollAt(ctx) ?? 0) + gate.step;
    if (now < due) return { next: 'wait', waitMs: due - now, view: viewIfNew() };
  }
  // No wait for the lock: another execution is at it, and this sidebar asks again later.
  const { poll, notice } = runPoll(ctx, SLICE_MS, 0);
  if (!poll.ran) return { next: 'busy', waitMs: FIRST_WAIT_MS, view: viewIfNew() };
  ctx.documentCache().put(activeKey(ctx), String(ctx.clock.now()), MAX_WAIT_MS / 1000);
  const view = listJobs(ctx, poll, notice);
  const after = view.stamp;
  if (poll.deferred > 0 || (after !== before && hasWorkNow(view.jobs, ctx.clock.now()))) {
    ctx.documentCache().remove(gateKey(ctx));
    return { next: 'now', waitMs: 0, view: since === after ? null : view };
  }
  const step = nextWait(view.jobs, gate, after !== before, ctx.clock.now());
  new JsonCache(ctx.documentCache()).put(gateKey(ctx), { step, stamp: after } satisfies Gate);
  return { next: 'wait', waitMs: step, view: since === after ? null : view };
}
