/** Scheduled refreshes as the user manages them: create, list, pause/resume, delete; run by tick. */
import * as z from 'zod/mini';
import { nextRunAt } from '../jobs/schedule-time';
import { ScheduleStore, type Schedule } from '../jobs/schedules';
import { JobStore } from '../jobs/store';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';
import { handlers } from './jobs';

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
}

function view(s: Schedule, jobs: JobStore): ScheduleView {
  return {
    id: s.id,
    jobId: s.jobId,
    jobTitle: jobs.get(s.jobId)?.title ?? '(deleted job)',
    every: s.every,
    hour: s.hour,
    weekday: s.weekday,
    nextRunAt: s.pausedReason ? null : s.nextRunAt,
    lastRunAt: s.lastRunAt ?? null,
    lastError: s.lastError ?? null,
    pausedReason: s.pausedReason ?? null,
  };
}

export function listSchedules(ctx: AppContext): ScheduleView[] {
  const jobs = new JobStore(ctx.docProps());
  return new ScheduleStore(ctx.docProps()).all().map((s) => view(s, jobs));
}

const CreateInput = z.object({ jobId: z.string(), every: z.enum(['hourly', 'daily', 'weekly']), hour: z.optional(z.number()), weekday: z.optional(z.number()) });

/** Schedule a job to run again into its own tabs. */
export function createSchedule(ctx: AppContext, input: unknown): ScheduleView[] {
  const { jobId, every, hour = 6, weekday = 1 } = parseInput(CreateInput, input, 'the schedule form');
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new UserInputError('Choose an hour from 0 to 23.');
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) throw new UserInputError('Choose a weekday (0 = Sunday to 6 = Saturday).');
  const jobs = new JobStore(ctx.docProps());
  const job = jobs.get(jobId);
  if (!job) throw new UserInputError('That job no longer exists. Refresh the Jobs list.');
  if (!handlers()[job.kind]?.rerun) throw new UserInputError('This kind of job cannot be scheduled (running it again would bill every row again); submit it again by hand instead.');
  const now = ctx.clock.now();
  const schedule: Schedule = { id: ctx.uuid(), jobId, every, hour, weekday, createdAt: now, nextRunAt: nextRunAt(now, every, hour, weekday, ctx.timeZone()) };
  new ScheduleStore(ctx.docProps()).save(schedule);
  return listSchedules(ctx);
}

const IdInput = z.object({ scheduleId: z.string() });

export function deleteSchedule(ctx: AppContext, input: unknown): ScheduleView[] {
  const { scheduleId } = parseInput(IdInput, input, 'the schedule');
  new ScheduleStore(ctx.docProps()).delete(scheduleId);
  return listSchedules(ctx);
}

/** Resume a paused schedule (after the key or the sheet is back). */
export function resumeSchedule(ctx: AppContext, input: unknown): ScheduleView[] {
  const { scheduleId } = parseInput(IdInput, input, 'the schedule');
  const store = new ScheduleStore(ctx.docProps());
  const s = store.get(scheduleId);
  if (!s) throw new UserInputError('That schedule no longer exists.');
  const { pausedReason: _p, lastError: _e, ...rest } = s;
  store.save({ ...rest, nextRunAt: nextRunAt(ctx.clock.now(), s.every, s.hour, s.weekday, ctx.timeZone()) });
  return listSchedules(ctx);
}

