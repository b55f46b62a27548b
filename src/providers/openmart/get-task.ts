/**
 * `GET /api/v1/task/:task_id`: `{task_id, status, tracking_id, data}`; statuses PROCESSING,
 * COMPLETED, ERRORED, CANCELLED. `tracking_id` may be null (NOTES). Where an ERRORED task gives
 * its reason is not documented: the usual keys are read.
 */
import type { ApiRequest, ApiResponse } from '../../platform/http-types';
import { ApiError } from '../../platform/errors';
import { explain } from './errors';
import { parseAnswer } from '../../platform/response';
import { PATHS, TaskSchema, type Task } from './schemas';

/** The read request of one task. */
export function taskRequest(taskId: string): ApiRequest {
  return { method: 'get', path: PATHS.task(taskId) };
}

/** A task from its answer (errors explained and thrown). */
export function readTask(res: ApiResponse<unknown> | ApiError, taskId: string): Task {
  if (res instanceof ApiError) throw explain(res);
  const task = parseAnswer('openmart', TaskSchema, res, `GET /api/v1/task/${taskId}`);
  return { ...task, task_id: task.task_id ?? taskId };
}

const REASON_KEYS = ['error', 'error_message', 'message', 'detail', 'reason', 'failure_reason'];

/** Why a task did not complete, as text ("" when the task gives none). */
export function taskReason(task: Task): string {
  const t = task as Record<string, unknown>;
  for (const k of REASON_KEYS) {
    const v = t[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string') return String((v as { message: string }).message);
  }
  return '';
}
