/**
 * The one transport seam: providers talk to their API only through `Http`.
 * `createHttp` (http.ts) implements it over UrlFetchApp; tests may hand in a fake.
 */
import type { Concurrency } from './concurrency';
import type { ApiError } from './errors';

export type { Provider } from './providers';
import type { Provider } from './providers';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiRequest {
  method: HttpMethod;
  /** Path below the provider's base URL, e.g. `/orders/` or `/api/v1/search`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body; sent with contentType application/json. */
  json?: unknown;
  /** Sent as `Idempotency-Key`; reused on every retry of this request. */
  idempotencyKey?: string;
  /** Extra headers (never the auth header: the client adds it). */
  headers?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body (undefined for an empty body). */
  body: T;
}

export interface RequestOptions {
  /** Maximum attempts including the first (default 4). */
  maxAttempts?: number;
}

export interface Http {
  readonly provider: Provider;
  /** One request with retries; throws ApiError (never a raw platform error). */
  request<T = unknown>(req: ApiRequest, opts?: RequestOptions): ApiResponse<T>;
  /**
   * Many requests as fetchAll waves of at most `waveSize` (or the size `concurrency` gives before
   * each wave, told what each wave met); failed requests are retried (only those) within the
   * deadline. Results are in request order.
   */
  requestAll<T = unknown>(reqs: ApiRequest[], opts?: RequestOptions & { waveSize?: number; concurrency?: Concurrency }): Array<ApiResponse<T> | ApiError>;
}
