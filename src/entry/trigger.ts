/** Trigger surface: the one time-driven trigger that polls open jobs and runs due schedules. */
import { tick as tickRun } from '../app/tick';
import { noteFailedRun } from '../app/background';
import { context } from './run';

/**
 * Time-driven trigger: advance every open job within the time budget. It never throws: a failing
 * trigger run mails its owner and may get the trigger disabled (docs/PLATFORM.md), and every job
 * step is safe to repeat, so a run that meets an error notes it and the next run tries again.
 */
export function tick(_e?: unknown): void {
  const ctx = context();
  const started = ctx.clock.now();
  try {
    tickRun(ctx);
  } catch (e) {
    noteFailedRun(ctx, e);
  } finally {
    ctx.quota.addTriggerTime(ctx.clock.now() - started);
    ctx.quota.flush();
  }
}
