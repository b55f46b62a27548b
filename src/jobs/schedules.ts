/**
 * Scheduled refreshes: a saved job definition run again hourly, daily or weekly by the one
 * `tick` trigger (add-ons get one trigger per type, so no trigger per schedule). Each run
 * upserts into the job's own tabs, so a refresh adds and updates rows and never duplicates them.
 * A schedule whose key was removed or whose source sheet was deleted pauses itself with that reason.
 * Each schedule is its creator's: only their trigger runs it, with their key.
 */
import * as z from 'zod/mini';
import { boundText } from '../platform/scrub';
import { JsonStore, type PropertyStore } from '../platform/store';
import type { JobEnv, JobHandler } from './handler';
import { isOpen, type Job } from './model';
import { nextRunAt, type Every } from './schedule-time';
import { OwnerFields } from './ownership';
import type { JobStore } from './store';

export const ScheduleSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  every: z.enum(['hourly', 'daily', 'weekly']),
  hour: z.number(),
  weekday: z.number(),
  createdAt: z.number(),
  nextRunAt: z.number(),
  lastRunAt: z.optional(z.number()),
  lastError: z.optional(z.string()),
  pausedReason: z.optional(z.string()),
  ...OwnerFields,
});
export type Schedule = z.infer<typeof ScheduleSchema>;

const PREFIX = 'schedule:';

export class ScheduleStore {
  private readonly store: JsonStore;
  constructor(props: PropertyStore) {
    this.store = new JsonStore(props);
  }
  /** Every schedule that still parses (a damaged one is skipped, not fatal), oldest first. */
  all(): Schedule[] {
    return this.store.getAll(PREFIX, ScheduleSchema).sort((a, b) => a.createdAt - b.createdAt);
  }
  get(id: string): Schedule | undefined {
    return this.store.get(PREFIX + id, ScheduleSchema);
  }
  save(s: Schedule): void {
    this.store.set(PREFIX + s.id, ScheduleSchema, s);
  }
  delete(id: string): void {
    this.store.delete(PREFIX + id);
  }
  /** Schedules that still run (not paused). */
  active(): Schedule[] {
    return this.all().filter((s) => s.pausedReason === undefined);
  }
}

/** Why a schedule cannot run now (a sentence), or null when it can. */
export type Preflight = (job: Job) => string | null;

export interface ScheduleRunResult {
  ran: number;
  paused: number;
  skipped: number;
}

/**
 * Run every due schedule: re-arm its job with the handler's `rerun` and set the next run time.
 * A schedule whose job is still running skips this slot; one that cannot run pauses with the reason.
 */
export function runDueSchedules(
  schedules: ScheduleStore,
  jobs: JobStore,
  handlers: Record<string, JobHandler>,
  env: JobEnv,
  timeZone: string,
  preflight: Preflight,
  mine: (s: Schedule, job: Job | undefined) => boolean = () => true,
): ScheduleRunResult {
  const now = env.clock.now();
  const out: ScheduleRunResult = { ran: 0, paused: 0, skipped: 0 };
  for (const s of schedules.active()) {
    if (s.nextRunAt > now) continue;
    const job = jobs.get(s.jobId);
    // Another editor's schedule runs on their trigger and key, never on this run's.
    if (!mine(s, job)) continue;
    const next = nextRunAt(now, s.every as Every, s.hour, s.weekday, timeZone);
    const handler = job ? handlers[job.kind] : undefined;
    const pause = !job
      ? 'Its job was deleted; delete this schedule or schedule another job.'
      : !handler?.rerun
        ? 'This kind of job cannot be run again on a schedule.'
        : preflight(job);
    if (pause) {
      schedules.save({ ...s, pausedReason: pause, lastError: pause });
      out.paused++;
      continue;
    }
    if (!job || !handler?.rerun) continue;
    if (isOpen(job)) {
      schedules.save({ ...s, nextRunAt: next });
      out.skipped++;
      continue;
    }
    try {
      jobs.save(handler.rerun(job, env));
      const { lastError: _e, ...rest } = s;
      schedules.save({ ...rest, lastRunAt: now, nextRunAt: next });
      out.ran++;
    } catch (e) {
      schedules.save({ ...s, lastRunAt: now, nextRunAt: next, lastError: boundText(e instanceof Error ? e.message : String(e), 500) });
    }
  }
  return out;
}
