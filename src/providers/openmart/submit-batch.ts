/**
 * `POST /api/v1/task/batch/{find_people|find_tech|lookup_business_email|lookup_people}`: 1-100
 * tasks -> `{batch_id, submit_for, status: {...}}` (only `batch_id` is read: readers.ts). There is
 * no Idempotency-Key and no way to list batches: the route is `billed` in the billing table, so
 * Http re-sends it only after a 429 (nothing created). After a 408, 5xx, timeout or unreadable
 * answer the batch may exist.
 */
import type { ApiRequest, ApiResponse } from '../../platform/http-types';
import { ApiError } from '../../platform/errors';
import { explain } from './errors';
import { readBatchId } from './readers';
import { LIMITS, PATHS, type BatchOp } from './schemas';

/** The submit request for one batch. */
export function submitRequest(op: BatchOp, tasks: ReadonlyArray<Record<string, unknown>>): ApiRequest {
  if (tasks.length < 1 || tasks.length > LIMITS.batchTasks) throw new RangeError(`${op}: 1-${LIMITS.batchTasks} tasks per batch, got ${tasks.length}`);
  return { method: 'post', path: PATHS.submit(op), json: tasks };
}

/** The batch id from a submit answer (errors explained and thrown). */
export function readSubmit(res: ApiResponse<unknown> | ApiError, op: BatchOp): string {
  if (res instanceof ApiError) throw explain(res);
  return readBatchId(res, `POST /api/v1/task/batch/${op}`);
}
