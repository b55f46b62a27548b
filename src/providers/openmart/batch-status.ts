/** `GET /api/v1/task/batch/:batch_id/status`: `{processing, completed, errored, total, batch_ready}` at the top level. */
import type { ApiRequest, ApiResponse } from '../../platform/http-types';
import { ApiError } from '../../platform/errors';
import { explain } from './errors';
import { BatchStatusSchema, PATHS, parseOm, type BatchStatus } from './schemas';

/** The status request of one batch. */
export function statusRequest(batchId: string): ApiRequest {
  return { method: 'get', path: PATHS.status(batchId) };
}

/** The counters of a status answer (errors explained and thrown). */
export function readStatus(res: ApiResponse<unknown> | ApiError, batchId: string): BatchStatus {
  if (res instanceof ApiError) throw explain(res);
  return parseOm(BatchStatusSchema, res, `GET /api/v1/task/batch/${batchId}/status`);
}

/** Tasks that ended CANCELLED: the status counts only processing, completed and errored. */
export function cancelledCount(s: BatchStatus): number {
  return Math.max(0, s.total - s.processing - s.completed - s.errored);
}
