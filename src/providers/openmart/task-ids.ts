/**
 * `GET /api/v1/task/batch/:batch_id/task_ids?status=`: a bare array of task ids. A batch holds at
 * most 100, so one call per batch and status; the ids are never stored, only re-listed.
 */
import type { ApiRequest, ApiResponse } from '../../platform/http-types';
import { ApiError } from '../../platform/errors';
import { explain } from './errors';
import { parseAnswer } from '../../platform/response';
import { PATHS, TaskIdsSchema } from './schemas';

export type ListedStatus = 'COMPLETED' | 'ERRORED' | 'CANCELLED';

/** The request listing a batch's task ids of one status. */
export function taskIdsRequest(batchId: string, status: ListedStatus): ApiRequest {
  return { method: 'get', path: PATHS.taskIds(batchId), query: { status } };
}

/** The ids, sorted so a position in the list is stable across runs (the order is not documented). */
export function readTaskIds(res: ApiResponse<unknown> | ApiError, batchId: string): string[] {
  if (res instanceof ApiError) throw explain(res);
  return [...parseAnswer('openmart', TaskIdsSchema, res, `GET /api/v1/task/batch/${batchId}/task_ids`)].sort();
}
