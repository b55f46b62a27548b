/** Jobs as the user sees them: list, poll now, refresh results, cancel tracking; the poll trigger (its run: ./tick.ts). */
import * as z from 'zod/mini';
import { Deadline } from '../platform/clock';
import { withLock } from '../platform/lock';
import { ensurePollTrigger, hasPollTrigger, removePollTrigger } from '../platform/triggers';
import type { JobEnv, JobHandler } from '../jobs/handler';
import { isOpen, transition, type Job } from '../jobs/model';
import { pollJobs, type PollResult } from '../jobs/poller';
import { JobStore } from '../jobs/store';
import { ScheduleStore, runDueSchedules, type Schedule } from '../jobs/schedules';
import { openProspectOrdersHandler } from '../jobs/openprospect-orders';
import { openProspectProfileHandler } from '../jobs/openprospect-profile';
import { gu1RunHandler } from '../jobs/gu1-run';
import { openmartBatchesHandler } from '../jobs/openmart-batches';
import { openmartEnrichHandler } from '../jobs/openmart-enrich';
import { openmartSearchHandler } from '../jobs/openmart-search';
import {
  VIEW_POLL_MS,
  backgroundNotice,
  clearTriggerRefused,
  docStamp,
  lastPollAt,
  notePoll,
  noteTriggerRan,
  noteTriggerRefused,
  TRIGGER_REVIVED_TEXT,
  triggerRefusal,
  triggerStale,
  unchangedSince,
} from './background';
import type { AppContext } from './context';
import { JsonCache } from '../platform/cache';
import { concurrencyFor } from './concurrency';
import { httpFor } from './clients';
import { UserInputError, parseInput } from './input';
import { rebuildOrderBody } from './openprospect-bodies';
import { preflight } from './preflight';
import { readPrefs } from './settings';
import { toUserMessage } from './user-error';
import { actionable, isMine, ownerNote, requireMine } from './owner';
import { toView, type JobsView } from './job-view';

export const TICK_HANDLER = 'tick';

export function handlers(): Record<string, JobHandler> {
  const list = [
    openProspectOrdersHandler(rebuildOrderBody),
    gu1RunHandler(),
    openmartBatchesHandler(),
    openmartSearchHandler(),
    openmartEnrichHandler(),
    openProspectProfileHandler(),
  ];
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
    // Opened on first use: most runs need no hint (and each service call counts).
    hints: {
      get: <T>(key: string) => new JsonCache(ctx.documentCache()).get<T>(key),
      put: (key: string, value: unknown) => new JsonCache(ctx.documentCache()).put(key, value),
    },
  };
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
  // Refused a moment ago (20 triggers of this user elsewhere): the Jobs view says so; the sidebar does the work.
  if (!had && triggerRefusal(ctx)) return null;
  const state = ensurePollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER, readPrefs(ctx).pollMinutes ?? 15);
  if (state.refused) return noteTriggerRefused(ctx, state.refused.full);
  // A new trigger starts its silence clock now (an old stamp would read as "disabled").
  if (state.created) noteTriggerRan(ctx);
  if (!had && state.created) {
    clearTriggerRefused(ctx);
    return backgroundChecksText(state, readPrefs(ctx).pollMinutes ?? 15);
  }
  return null;
}

/**
 * Run this user's due schedules, under the document lock (the trigger, the open sidebar and the
 * menu alike: a trigger may not see the spreadsheet, docs/PLATFORM.md). Only the owner's
 * executions run a schedule; nothing is locked or read again while none of theirs is due.
 */
export function runMySchedules(ctx: AppContext, deadline: Deadline, lockWaitMs = 2_000): void {
  const mine = (s: Schedule, job: Job | undefined): boolean => (s.owner !== undefined ? isMine(ctx, s) : job !== undefined && actionable(ctx, job) !== null);
  const due = (): boolean => {
    const jobs = new JobStore(ctx.docProps());
    return new ScheduleStore(ctx.docProps()).active().some((s) => s.nextRunAt <= ctx.clock.now() && mine(s, jobs.get(s.jobId)));
  };
  if (!due()) return;
  withLock(ctx.documentLock(), lockWaitMs, () =>
    runDueSchedules(
      new ScheduleStore(ctx.docProps()),
      new JobStore(ctx.docProps()),
      handlers(),
      jobEnv(ctx, deadline),
      ctx.timeZone(),
      (job) => preflight(ctx, job),
      mine,
    ),
  );
}

/** Advance open jobs within `budgetMs`, run due schedules (their jobs move at the next poll), keep the trigger in line. */
export function runPoll(ctx: AppContext, budgetMs: number, lockWaitMs?: number): { poll: PollResult; notice: string | null } {
  const deadline = new Deadline(ctx.clock, budgetMs);
  const store = new JobStore(ctx.docProps());
  // Only this user's jobs (and ownerless ones they can adopt with a key): never another editor's.
  const poll = pollJobs(store, handlers(), jobEnv(ctx, deadline), ctx.documentLock(), toUserMessage, (job) => actionable(ctx, job), lockWaitMs);
  if (poll.ran) notePoll(ctx);
  // After the poll, whose lock already read the stores: a check that finds nothing due costs no Properties call.
  runMySchedules(ctx, deadline, lockWaitMs);
  const notice = syncTrigger(ctx, openJobCount(ctx));
  return { poll, notice };
}

/** The menu's "Refresh jobs now": due schedules first, so the jobs they re-arm move in this same run. */
export function refreshNow(ctx: AppContext, budgetMs: number): { poll: PollResult; notice: string | null } {
  runMySchedules(ctx, new Deadline(ctx.clock, budgetMs));
  return runPoll(ctx, budgetMs);
}

/**
 * What the background checks do, in the words Settings uses ("Check open jobs every ..."): the
 * same sentence after a submit as under the setting, so the two never disagree.
 */
export function backgroundChecksText(state: { everyMinutes?: number; fellBackToHourly?: boolean }, asked: number): string {
  const open = 'While the sidebar is open, it moves the jobs on itself.';
  if (state.fellBackToHourly)
    return `Background checks are on: every hour (Settings asks for every ${asked} minutes, but Google lets an add-on check at most hourly). ${open}`;
  const every = (state.everyMinutes ?? 60) >= 60 ? 'every hour' : `every ${state.everyMinutes} minutes`;
  return `Background checks are on: ${every}, as set in Settings. ${open}`;
}

export const RefreshInput = z.optional(z.object({ auto: z.optional(z.boolean()), since: z.optional(z.string()) }));

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
  const jobs = new JobStore(ctx.docProps())
    .all()
    .reverse()
    .map((j) => toView(j, ownerNote(ctx, j)));
  const healed = healTrigger(ctx, jobs.filter((j) => j.open && j.mine).length) ?? notice;
  const background = backgroundNotice(ctx);
  // A refusal is said once, as the background notice.
  const said = healed !== null && background?.includes(healed) === true;
  const triggerPresent = hasPollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER);
  return { jobs, poll, triggerPresent, lastPollAt: lastPollAt(ctx), notice: said ? null : healed, background, stamp };
}

/**
 * The poller heals itself: when jobs are open (or schedules active) but the trigger is gone
 * (deleted, or disabled by Apps Script after failures), recreate it and say so; null otherwise.
 */
export function healTrigger(ctx: AppContext, openJobs = openJobCount(ctx)): string | null {
  const needed = openJobs > 0 || myActiveSchedules(ctx) > 0;
  if (!needed) return null;
  if (hasPollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER)) {
    // Listed but silent for hours: Apps Script disabled it without notice (docs/PLATFORM.md). Set it up again.
    if (!triggerStale(ctx)) return null;
    removePollTrigger(ctx.scriptApp, ctx.spreadsheet(), TICK_HANDLER);
    const how = syncTrigger(ctx, openJobs);
    return triggerRefusal(ctx) ? how : TRIGGER_REVIVED_TEXT;
  }
  // A standing refusal is the Jobs view's background notice already; nothing was healed.
  if (triggerRefusal(ctx)) return null;
  const how = syncTrigger(ctx, openJobs);
  if (triggerRefusal(ctx)) return how;
  return `Background checks were off while jobs were open; they are back on.${how ? ` ${how}` : ''}`;
}

export const JobIdInput = z.object({ jobId: z.string() });

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
