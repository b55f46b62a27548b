/** `GET /api/v1/task/batch/:batch_id/status`: `{processing, completed, errored, total, batch_ready}` (variants: readers.ts). */
import type { ApiRequest, ApiResponse } from '../../platform/http-types';
import { ApiError } from '../../platform/errors';
import { explain } from './errors';
import { readBatchProgress, type BatchProgress } from './readers';
import { PATHS } from './schemas';

/** The status request of one batch. */
export function statusRequest(batchId: string): ApiRequest {
  return { method: 'get', path: PATHS.status(batchId) };
}

/** Whether the batch is ready, and its counters when sent (errors explained and thrown). */
export function readStatus(res: ApiResponse<unknown> | ApiError, batchId: string): BatchProgress {
  if (res instanceof ApiError) throw explain(res);
  return readBatchProgress(res, `GET /api/v1/task/batch/${batchId}/status`);
}
