/** Jobs as the user sees them: list, poll now, refresh results, cancel tracking; the poll trigger (its run: ./tick.ts). */
import { assertNotRepeat, submitDigest } from './duplicates';
import { clockTime } from '../platform/http';
import { costLine } from './job-costs';
import * as z from 'zod/mini';
import { BUDGET, Deadline } from '../platform/clock';
import { withLock } from '../platform/lock';
import { ensurePollTrigger, hasPollTrigger, removePollTrigger } from '../platform/triggers';
import type { JobEnv, JobHandler } from '../jobs/handler';
import { isOpen, transition, type Job } from '../jobs/model';
import { applyError, pollJobs, type PollResult } from '../jobs/poller';
import { JobStore } from '../jobs/store';
import { jobBudgetRefusal } from '../jobs/budgets';
import { ScheduleStore } from '../jobs/schedules';
import { afterStep } from '../jobs/unreadable';
import { openProspectOrdersHandler } from '../jobs/openprospect-orders';
import { openProspectProfileHandler } from '../jobs/openprospect-profile';
import { gu1RunHandler } from '../jobs/gu1-run';
import { openmartBatchesHandler } from '../jobs/openmart-batches';
import { openmartEnrichHandler } from '../jobs/openmart-enrich';
import { openmartSearchHandler } from '../jobs/openmart-search';
import { VIEW_POLL_MS, backgroundNotice, docStamp, lastPollAt, notePoll, unchangedSince } from './background';
import type { AppContext } from './context';
import { concurrencyFor } from './concurrency';
import { httpFor } from './clients';
import { UserInputError, parseInput } from './input';
import { rebuildOrderBody } from './openprospect-bodies';
import { readPrefs } from './settings';
import { toUserMessage } from './user-error';
import { actionable, isMine, ownedByMe, ownerNote, requireMine } from './owner';

export const TICK_HANDLER = 'tick';

export function handlers(): Record<string, JobHandler> {
  const list = [openProspectOrdersHandler(rebuildOrderBody), gu1RunHandler(), openmartBatchesHandler(), openmartSearchHandler(), openmartEnrichHandler(), openProspectProfileHandler()];
  return Object.fromEntries(list.map((h) => [h.kind, h]));
}

/** The environment jobs run in for one execution. */
export function jobEnv(ctx: AppContext, deadline: Deadline): JobEnv {
  const store = new JobStore(ctx.docProps());
  return {
    spreadsheet: ctx.spreadsheet(),
    clock: ctx.clock,
    deadline,
    http: (provider) => httpFor(ctx, provider, deadline),
    docProps: ctx.docProps(),
    checkpoint: (job) => store.save(job),
    quota: ctx.quota,
    scrub: (text) => ctx.scrubber().text(text),
    concurrency: concurrencyFor(ctx),
  };
}

/** A job as the sidebar shows it (plain data only). */
export interface JobView {
  id: string;
  provider: string;
  kind: string;
  title: string;
  state: string;
  open: boolean;
  progress: { done: number; total: number; percent: number };
  counts: Record<string, number>;
  lastError: string | null;
  resumeAt: number | null;
  warnings: string[];
  history: Array<{ at: number; text: string }>;
  tabs: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  /** True for the viewer's own jobs; other editors' jobs are read-only. */
  mine: boolean;
  /** Why the viewer cannot act on it ("Read-only: started by another editor ..."), or null. */
  ownerNote: string | null;
  /** What the job cost (or will), in the provider's unit with the unit named; null: nothing. */
  cost: string | null;
}

/** The sidebar's view of a job; `note` is the viewer's ownerNote (null: the viewer's own job). */
export function toView(job: Job, note: string | null = null): JobView {
  const total = job.progress.total;
  return {
    id: job.id,
    provider: job.provider,
    kind: job.kind,
    title: job.title,
    state: job.state,
    open: isOpen(job),
    progress: { done: job.progress.done, total, percent: total > 0 ? Math.min(100, Math.round((job.progress.done / total) * 100)) : job.state === 'DONE' ? 100 : 0 },
    counts: job.counts,
    lastError: job.lastError ?? null,
    resumeAt: job.resumeAt ?? null,
    warnings: job.warnings,
    history: job.history.slice(-10),
    tabs: job.tabs,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    mine: note === null,
    ownerNote: note,
    cost: costLine(job),
  };
}

export interface JobsView {
  jobs: JobView[];
  poll: PollResult | null;
  triggerPresent: boolean;
  /** When a poll last ran (trigger, menu or sidebar), or null if never. */
  lastPollAt: number | null;
  /** A sentence when the poller trigger had to be recreated. */
  notice: string | null;
  /** A sentence when background (trigger) runs cannot reach this spreadsheet, or null. */
  background: string | null;
  /** The document's change stamp this view was read at (send it back as `since`). */
  stamp: string;
}

/** Recreate the poll trigger at the frequency now chosen (when one is needed). */
export function reschedulePoller(ctx: AppContext): string | null {
  removePollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER);
  return syncTrigger(ctx, openJobCount(ctx));
}

/** This user's jobs still running (their trigger advances only these). */
export function openJobCount(ctx: AppContext): number {
  return new JobStore(ctx.docProps()).open().filter((j) => isMine(ctx, j) || j.owner === undefined).length;
}

/** This user's active schedules (their trigger runs only these). */
function myActiveSchedules(ctx: AppContext): number {
  return new ScheduleStore(ctx.docProps()).active().filter((s) => isMine(ctx, s)).length;
}

/** Keep exactly one poll trigger of this user while their jobs are open or schedules active; none when idle. */
export function syncTrigger(ctx: AppContext, openJobs: number): string | null {
  if (openJobs === 0 && myActiveSchedules(ctx) === 0) {
    removePollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER);
    return null;
  }
  const had = hasPollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER);
  const state = ensurePollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER, readPrefs(ctx).pollMinutes ?? 15);
  if (!had && state.created) {
    return backgroundChecksText(state, readPrefs(ctx).pollMinutes ?? 15);
  }
  return null;
}

/** Advance open jobs within `budgetMs`, then keep the trigger in line with what is open. */
export function runPoll(ctx: AppContext, budgetMs: number): { poll: PollResult; notice: string | null } {
  const deadline = new Deadline(ctx.clock, budgetMs);
  const store = new JobStore(ctx.docProps());
  // Only this user's jobs (and ownerless ones they can adopt with a key): never another editor's.
  const poll = pollJobs(store, handlers(), jobEnv(ctx, deadline), ctx.documentLock(), toUserMessage, (job) => actionable(ctx, job));
  if (poll.ran) notePoll(ctx);
  const notice = syncTrigger(ctx, openJobCount(ctx));
  return { poll, notice };
}

/**
 * What the background checks do, in the words Settings uses ("Check open jobs every ..."): the
 * same sentence after a submit as under the setting, so the two never disagree.
 */
export function backgroundChecksText(state: { everyMinutes?: number; fellBackToHourly?: boolean }, asked: number): string {
  if (state.fellBackToHourly) return `Background checks are on: every hour (Settings asks for every ${asked} minutes, but Google lets an add-on check at most hourly). The open sidebar checks every 20 seconds.`;
  const every = (state.everyMinutes ?? 60) >= 60 ? 'every hour' : `every ${state.everyMinutes} minutes`;
  return `Background checks are on: ${every}, as set in Settings. The open sidebar checks every 20 seconds.`;
}

const RefreshInput = z.optional(z.object({ auto: z.optional(z.boolean()), since: z.optional(z.string()) }));

/**
 * Sidebar: poll now (short budget so the page stays responsive) and list every job. The view's own
 * periodic refresh (`auto`) polls only when the last poll is `VIEW_POLL_MS` old; in between it
 * answers null ("nothing new", no Properties call) while the change stamp is still its `since`.
 */
export function refreshJobs(ctx: AppContext, input?: unknown): JobsView | null {
  const { auto, since } = parseInput(RefreshInput, input, 'the refresh') ?? {};
  const last = auto === true ? lastPollAt(ctx) : null;
  if (last !== null && ctx.clock.now() - last < VIEW_POLL_MS) return unchangedSince(ctx, since) ? null : listJobs(ctx);
  return pollAndList(ctx);
}

/** Poll now, then list every job. */
function pollAndList(ctx: AppContext): JobsView {
  const { poll, notice } = runPoll(ctx, 60_000);
  return listJobs(ctx, poll, notice);
}

/**
 * Every job, newest first. Opening the Jobs view heals the poller: when jobs are open but the
 * trigger is gone (deleted, or disabled by Apps Script after failures), it is recreated and the
 * view says so.
 */
export function listJobs(ctx: AppContext, poll: PollResult | null = null, notice: string | null = null): JobsView {
  const stamp = docStamp(ctx);
  const jobs = new JobStore(ctx.docProps()).all().reverse().map((j) => toView(j, ownerNote(ctx, j)));
  const healed = healTrigger(ctx, jobs.filter((j) => j.open && j.mine).length);
  return { jobs, poll, triggerPresent: hasPollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER), lastPollAt: lastPollAt(ctx), notice: healed ?? notice, background: backgroundNotice(ctx), stamp };
}

/**
 * The poller heals itself: when jobs are open (or schedules active) but the trigger is gone
 * (deleted, or disabled by Apps Script after failures), recreate it and say so; null otherwise.
 */
export function healTrigger(ctx: AppContext, openJobs = openJobCount(ctx)): string | null {
  const needed = openJobs > 0 || myActiveSchedules(ctx) > 0;
  if (!needed || hasPollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER)) return null;
  const how = syncTrigger(ctx, openJobs);
  return `Background checks were off while jobs were open; they are back on.${how ? ` ${how}` : ''}`;
}

const JobIdInput = z.object({ jobId: z.string() });

function requireJob(store: JobStore, input: unknown): Job {
  const { jobId } = parseInput(JobIdInput, input, 'the job');
  const job = store.get(jobId);
  if (!job) throw new UserInputError('That job no longer exists. Refresh the Jobs list.');
  return job;
}

/** Fetch results delivered since the last sync (also while an order is still delivering); upserts, no duplicates. */
export function refreshJobResults(ctx: AppContext, input: unknown): JobsView {
  const store = new JobStore(ctx.docProps());
  // Read and write the job under the lock a trigger run holds, so neither overwrites the other.
  underLock(ctx, () => {
    const job = requireMine(ctx, requireJob(store, input), 'refresh');
    const handler = handlers()[job.kind];
    if (!handler?.refresh) throw new UserInputError('This job has no results to refresh.');
    if (job.state === 'SUBMITTING') throw new UserInputError('This job is still being submitted; its results arrive by themselves.');
    store.save(handler.refresh(job, jobEnv(ctx, new Deadline(ctx.clock, 60_000))));
  });
  return pollAndList(ctx);
}

/** Run `fn` under the document lock, or say that a run is busy with the jobs. */
function underLock(ctx: AppContext, fn: () => void): void {
  const r = withLock(ctx.documentLock(), 10_000, fn);
  if (!r.ran) throw new UserInputError('Another run is updating the jobs right now; try again in a minute.');
}

/** Stop tracking a job (nothing is cancelled at the provider; written tabs stay). */
export function cancelJob(ctx: AppContext, input: unknown): JobsView {
  const store = new JobStore(ctx.docProps());
  underLock(ctx, () => {
    const job = requireMine(ctx, requireJob(store, input), 'cancel');
    if (!isOpen(job)) throw new UserInputError('This job has already finished.');
    store.save(transition(job, 'CANCELLED', ctx.clock.now(), 'tracking cancelled by the user; the order itself is not cancelled at the provider'));
  });
  syncTrigger(ctx, openJobCount(ctx));
  return listJobs(ctx);
}

export interface StartOptions {
  /** Save the job before starting it (false for a job already saved under the lock, e.g. requeued rows). */
  fresh?: boolean;
  /** True when the job ended refused before anything was created or billed at the provider. */
  refused(latest: Job): boolean;
  /** Remove what a refused job leaves behind (side records, its empty tabs). */
  cleanup(latest: Job): void;
  /** The rows (or form) the job sends, and whether the user said "submit again": a repeat within 24 h asks first. */
  repeat?: { rows: unknown; again: boolean };
}

/**
 * Start a submitted job in this execution: the poll trigger exists before any request (a run
 * that dies midway is resumed by it), the job is advanced under the document lock from the
 * stored record (a trigger run or the sidebar may have advanced it while this one waited), and
 * a job refused before anything was created leaves nothing behind: the sidebar keeps the form
 * and shows the sentence.
 */
export function startJob(ctx: AppContext, job: Job, opts: StartOptions): { job: Job; notice: string | null } {
  const store = new JobStore(ctx.docProps());
  const fresh = opts.fresh !== false;
  // A new job is the submitter's; a stored one (requeued rows) only its owner may start again.
  job = fresh ? ownedByMe(ctx, job) : requireMine(ctx, job, 'resubmit');
  if (fresh) {
    const full = jobBudgetRefusal(store.open(), job.owner);
    if (full) {
      opts.cleanup(job);
      throw new UserInputError(full);
    }
    if (opts.repeat) {
      const digest = submitDigest(ctx.sha256, job.kind, job.title, opts.repeat.rows);
      try {
        assertNotRepeat(store.all(), digest, job.title, ctx.clock.now(), opts.repeat.again, (ms) => clockTime(ms, () => ctx.spreadsheet().getSpreadsheetTimeZone()));
      } catch (e) {
        opts.cleanup(job);
        throw e;
      }
      job = { ...job, digest };
    }
    store.save(job);
  }
  const notice = syncTrigger(ctx, openJobCount(ctx));
  const handler = handlers()[job.kind];
  const ran = withLock(ctx.documentLock(), 5_000, () => {
    const current = store.get(job.id);
    if (!current || !isOpen(current) || (current.resumeAt !== undefined && current.resumeAt > ctx.clock.now())) return current ?? job;
    const { lastError: _e, resumeAt: _r, ...ready } = current;
    let next: Job = ready;
    if (handler) {
      try {
        next = afterStep(ready, handler.advance(ready, jobEnv(ctx, new Deadline(ctx.clock, BUDGET.executionMs))));
      } catch (e) {
        next = applyError(store.get(job.id) ?? ready, e, ctx.clock.now(), toUserMessage);
      }
    }
    store.save(next);
    return next;
  });
  // A busy lock: a trigger run is working; this job follows in the next run.
  const latest = ran.ran ? ran.value : (store.get(job.id) ?? job);
  if (fresh && opts.refused(latest)) {
    store.delete(job.id);
    opts.cleanup(latest);
    syncTrigger(ctx, openJobCount(ctx));
    throw new UserInputError(latest.lastError ?? 'The provider refused the request.');
  }
  const open = openJobCount(ctx);
  syncTrigger(ctx, open);
  return { job: latest, notice: open > 0 ? notice : null };
}
