/** The time-driven trigger's run: due schedules, then every open job of this user, within today's trigger time. */
import { BUDGET, Deadline } from '../platform/clock';
import type { PollResult } from '../jobs/poller';
import { sidebarPolling } from './advance';
import { noteTriggerRan, spreadsheetReached } from './background';
import type { AppContext } from './context';
import { runMySchedules, runPoll } from './jobs';

/** Trigger runs skipped for the rest of the day once less than this much trigger time is left. */
const MIN_TRIGGER_MS = 5 * 60_000;

/**
 * The trigger handler: a full budget, but never more than today's remaining trigger run time
 * (90 min a day for consumer accounts): past it the run does nothing and jobs wait for tomorrow
 * (or for the open sidebar, which does not use trigger time).
 */
export function tick(ctx: AppContext): PollResult | null {
  if (!spreadsheetReached(ctx)) return null;
  // The Jobs view sets the trigger up again when it stops firing (disabled without notice).
  noteTriggerRan(ctx);
  const left = ctx.quota.triggerMsLeft();
  if (left < MIN_TRIGGER_MS) return null;
  const budget = Math.min(BUDGET.executionMs, left);
  // Due schedules first: the jobs they re-arm are advanced by this same run.
  runMySchedules(ctx, new Deadline(ctx.clock, budget));
  // The open sidebar is polling this user's jobs (app/advance.ts): leave them to it.
  if (sidebarPolling(ctx)) return null;
  return runPoll(ctx, budget).poll;
}
