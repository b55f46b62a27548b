/** Sidebar surface, Jobs section: the jobs list, refreshes, cancel, schedules, result columns beside the rows. */
import type * as C from '../app/contract';
import * as advance from '../app/advance';
import * as jobs from '../app/jobs';
import * as resultColumns from '../app/result-columns';
import * as schedules from '../app/schedules';
import { rpc } from './run';

/** Sidebar RPC: every job, after advancing open ones briefly (live progress). */
export function refreshJobs(input?: C.RefreshInput): C.JobsView | null {
  return rpc((ctx) => jobs.refreshJobs(ctx, input));
}

/** Sidebar RPC (any part of the open sidebar): one slice of work, and when to ask again. */
export function advanceJobs(input?: C.AdvanceInput): C.AdvanceAnswer {
  // Only the list carries text: an answer without one ("wait") reads no key for the scrubber.
  return rpc(
    (ctx) => advance.advanceJobs(ctx, input),
    (ctx, a) => (a.view ? { ...a, view: ctx.scrubber().deep(a.view) } : a),
  );
}

/** Sidebar RPC: every job, without polling. */
export function listJobs(): C.JobsView {
  return rpc((ctx) => jobs.listJobs(ctx));
}

/** Sidebar RPC: fetch newly delivered results of a finished job again (no duplicates). */
export function refreshJobResults(input: C.JobIdInput): C.JobsView {
  return rpc((ctx) => jobs.refreshJobResults(ctx, input));
}

/** Sidebar RPC: stop tracking a job. */
export function cancelJob(input: C.JobIdInput): C.JobsView {
  return rpc((ctx) => jobs.cancelJob(ctx, input));
}

/** Sidebar RPC: every scheduled refresh with its last and next run and last error. */
export function listSchedules(): C.ScheduleView[] {
  return rpc((ctx) => schedules.listSchedules(ctx));
}

/** Sidebar RPC: run a job again hourly, daily or weekly at an hour (the spreadsheet's time zone). */
export function createSchedule(input: C.CreateScheduleInput): C.ScheduleView[] {
  return rpc((ctx) => {
    const out = schedules.createSchedule(ctx, input);
    jobs.syncTrigger(ctx, jobs.openJobCount(ctx));
    return out;
  });
}

/** Sidebar RPC: delete a schedule (the job and its tabs stay). */
export function deleteSchedule(input: C.ScheduleIdInput): C.ScheduleView[] {
  return rpc((ctx) => schedules.deleteSchedule(ctx, input));
}

/** Sidebar RPC: resume a paused schedule. */
export function resumeSchedule(input: C.ScheduleIdInput): C.ScheduleView[] {
  return rpc((ctx) => {
    const out = schedules.resumeSchedule(ctx, input);
    jobs.syncTrigger(ctx, jobs.openJobCount(ctx));
    return out;
  });
}

/** Sidebar RPC: the choices of "Add result columns to my sheet" (result tabs, the tab's fields, the user's sheets). */
export function getResultColumnsOptions(input?: C.ResultColumnsOptionsInput): C.ResultColumnsOptions {
  return rpc((ctx) => resultColumns.resultColumnsOptions(ctx, input));
}

/** Sidebar RPC: add fields of a result tab as new columns right of the user's table (formulas or values). */
export function addResultColumns(input: C.AddResultColumnsInput): C.AddResultColumnsResult {
  return rpc((ctx) => resultColumns.addResultColumns(ctx, input));
}

/** Sidebar RPC: pause a schedule until Resume (the poll trigger goes when nothing else needs it). */
export function pauseSchedule(input: C.ScheduleIdInput): C.ScheduleView[] {
  return rpc((ctx) => {
    const out = schedules.pauseSchedule(ctx, input);
    jobs.syncTrigger(ctx, jobs.openJobCount(ctx));
    return out;
  });
}

/** Sidebar RPC: the spreadsheet's time zone, in which schedules are set and shown. */
export function getScheduleTimeZone(): string {
  return rpc((ctx) => ctx.timeZone());
}
