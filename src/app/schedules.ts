/** Scheduled refreshes as the user manages them: create, list, pause/resume, delete; run by tick. */
import * as z from 'zod/mini';
import { localText, nextRunAt } from '../jobs/schedule-time';
import { ScheduleStore, type Schedule } from '../jobs/schedules';
import { JobStore } from '../jobs/store';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';
import { handlers } from './jobs';
import { preflight } from './preflight';
import { scheduleBudgetRefusal } from '../jobs/budgets';
import { notYoursSentence } from '../jobs/ownership';
import { isMine, ownedByMe, ownerNote, requireMine, whoAmI } from './owner';

export interface ScheduleView {
  id: string;
  jobId: string;
  jobTitle: string;
  every: string;
  hour: number;
  weekday: number;
  nextRunAt: number | null;
  lastRunAt: number | null;
  lastError: string | null;
  pausedReason: string | null;
  /** True for the viewer's own schedules; other editors' are read-only. */
  mine: boolean;
  ownerNote: string | null;
  /** The spreadsheet's time zone, in which `hour` and `weekday` are meant. */
  timeZone: string;
  /** `nextRunAt` / `lastRunAt` as read in that zone, with the zone named (null when none). */
  nextRunText: string | null;
  lastRunText: string | null;
}

function view(ctx: AppContext, s: Schedule, jobs: JobStore, timeZone: string): ScheduleView {
  const note = s.owner === undefined ? ownerNote(ctx, jobs.get(s.jobId) ?? {}) : ownerNote(ctx, s);
  const next = s.pausedReason ? null : s.nextRunAt;
  return {
    mine: note === null,
    ownerNote: note,
    id: s.id,
    jobId: s.jobId,
    jobTitle: jobs.get(s.jobId)?.title ?? '(deleted job)',
    every: s.every,
    hour: s.hour,
    weekday: s.weekday,
    nextRunAt: next,
    lastRunAt: s.lastRunAt ?? null,
    lastError: s.lastError ?? null,
    pausedReason: s.pausedReason ?? null,
    timeZone,
    nextRunText: next === null ? null : localText(next, timeZone),
    lastRunText: s.lastRunAt === undefined ? null : localText(s.lastRunAt, timeZone),
  };
}

export function listSchedules(ctx: AppContext): ScheduleView[] {
  const jobs = new JobStore(ctx.docProps());
  const timeZone = ctx.timeZone();
  return new ScheduleStore(ctx.docProps()).all().map((s) => view(ctx, s, jobs, timeZone));
}

export const CreateInput = z.object({
  jobId: z.string(),
  every: z.enum(['hourly', 'daily', 'weekly']),
  hour: z.optional(z.number()),
  weekday: z.optional(z.number()),
});

/** Schedule a job to run again into its own tabs. */
export function createSchedule(ctx: AppContext, input: unknown): ScheduleView[] {
  const { jobId, every, hour = 6, weekday = 1 } = parseInput(CreateInput, input, 'the schedule form');
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new UserInputError('Choose an hour from 0 to 23.');
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) throw new UserInputError('Choose a weekday (0 = Sunday to 6 = Saturday).');
  const jobs = new JobStore(ctx.docProps());
  const stored = jobs.get(jobId);
  if (!stored) throw new UserInputError('That job no longer exists. Refresh the Jobs list.');
  // Only the job's owner may schedule it: every run spends on the schedule creator's key.
  const job = requireMine(ctx, stored, 'schedule');
  if (job !== stored) jobs.save(job);
  const full = scheduleBudgetRefusal(new ScheduleStore(ctx.docProps()).all(), whoAmI(ctx).id);
  if (full) throw new UserInputError(full);
  if (!handlers()[job.kind]?.rerun)
    throw new UserInputError('This kind of job cannot be scheduled (running it again would bill every row again); submit it again by hand instead.');
  const cannot = preflight(ctx, job);
  if (cannot) throw new UserInputError(cannot);
  const now = ctx.clock.now();
  const schedule = ownedByMe<Schedule>(ctx, {
    id: ctx.uuid(),
    jobId,
    every,
    hour,
    weekday,
    createdAt: now,
    nextRunAt: nextRunAt(now, every, hour, weekday, ctx.timeZone()),
  });
  new ScheduleStore(ctx.docProps()).save(schedule);
  return listSchedules(ctx);
}

export const IdInput = z.object({ scheduleId: z.string() });

export function deleteSchedule(ctx: AppContext, input: unknown): ScheduleView[] {
  const { scheduleId } = parseInput(IdInput, input, 'the schedule');
  const store = new ScheduleStore(ctx.docProps());
  const s = store.get(scheduleId);
  if (s) requireMySchedule(ctx, s, 'delete');
  store.delete(scheduleId);
  return listSchedules(ctx);
}

/** The schedule an action names, when it exists and is the caller's (else a sentence). */
function ownSchedule(ctx: AppContext, input: unknown, action: string): { store: ScheduleStore; s: Schedule } {
  const { scheduleId } = parseInput(IdInput, input, 'the schedule');
  const store = new ScheduleStore(ctx.docProps());
  const s = store.get(scheduleId);
  if (!s) throw new UserInputError('That schedule no longer exists.');
  requireMySchedule(ctx, s, action);
  return { store, s };
}

/** Resume a paused schedule (after the key or the sheet is back). */
export function resumeSchedule(ctx: AppContext, input: unknown): ScheduleView[] {
  const { store, s } = ownSchedule(ctx, input, 'resume');
  const { pausedReason: _p, lastError: _e, ...rest } = s;
  store.save({ ...rest, nextRunAt: nextRunAt(ctx.clock.now(), s.every, s.hour, s.weekday, ctx.timeZone()) });
  return listSchedules(ctx);
}

/** Why a schedule the user paused is not running (shown in the Jobs view). */
export const PAUSED_BY_YOU = 'Paused by you; press Resume to run it again.';

/** Pause a schedule until Resume (its job and tabs stay; nothing runs meanwhile). */
export function pauseSchedule(ctx: AppContext, input: unknown): ScheduleView[] {
  const { store, s } = ownSchedule(ctx, input, 'pause');
  if (s.pausedReason === undefined) store.save({ ...s, pausedReason: PAUSED_BY_YOU });
  return listSchedules(ctx);
}

/** A schedule is its creator's (an older one without an owner: its job's owner's); anyone else gets the sentence. */
function requireMySchedule(ctx: AppContext, s: Schedule, action: string): void {
  if (s.owner !== undefined) {
    if (!isMine(ctx, s)) throw new UserInputError(notYoursSentence(s, 'schedule', action));
    return;
  }
  const job = new JobStore(ctx.docProps()).get(s.jobId);
  if (job) requireMine(ctx, job, action);
}
