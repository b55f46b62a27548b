/**
 * What an error means at Openmart and what the user can do about it (NOTES.md). The status-typed
 * classes and their generic sentences are platform/errors.ts; these are Openmart's own words.
 * Error bodies come in two styles: `{"detail": "..."}` (read by ApiError.generate as the message)
 * and Go validators' `{"error": "..."}` (read as a code); `explain` puts the sentence where the
 * user sees it. Every Openmart operation's reader passes its errors through `explain`.
 *
 * - 401 / 403: the key is refused; the generic "refused the API key"; a batch submit stops for every batch.
 * - 402: out of credits (shared by search, records and the batches); the generic "out of credits or balance"; unsent
 *   batches are marked "not submitted".
 * - 404: a batch id Openmart does not know; `unknownBatch` on the batch's rows.
 * - 422: a validation refusal; on the records GET, a body Apps Script dropped; the sentence of `{"error"}`;
 *   `droppedBodyHint`.
 * - 429: a rate limit, or credits used up when it says "credit" (the vendor's client maps both to "credit limit
 *   reached"); `isOutOfCredits`: read as a 402.
 */
import { ApiError, PaymentError, RateLimitError, ValidationError, type ApiErrorInit } from '../../platform/errors';
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';

/** The row text of a batch id Openmart answers 404 for. */
export function unknownBatch(batchId: string): string {
  return `Openmart does not know batch ${batchId}`;
}

const DROPPED_BODY =
  'Apps Script may have dropped the JSON body of this GET request (UrlFetchApp documents request bodies for POST, PUT and PATCH only), so Openmart received no ids. Records by id cannot be fetched from this account; use website enrichment instead.';

/**
 * A records 422 about the body's presence, shape or size: the add-on always sends 1-100 ids, so
 * such a refusal means the platform dropped the GET body (records.ts), whatever Openmart's wording.
 */
export function droppedBodyHint(e: unknown): string | undefined {
  const said = e instanceof ValidationError ? `${e.code ?? ''} ${e.message}` : '';
  return /EOF|request body|bind|unmarshal|number of ids|between 1 and|empty|size|length|at least/i.test(said) ? DROPPED_BODY : undefined;
}

/** True when an Openmart error means the credits are used up (402, or a 429 that says so). */
export function isOutOfCredits(e: unknown): boolean {
  if (e instanceof PaymentError) return true;
  return e instanceof RateLimitError && /credit/i.test(`${e.message} ${e.code ?? ''}`);
}

/** The same failure with Openmart's sentence as its message and the right class. */
export function explain(e: unknown, hint?: string): unknown {
  if (!(e instanceof ApiError) || e.provider !== 'openmart' || e.status === 0) return e;
  const init = e.toInit();
  // A Go-style `{"error": "<sentence>"}` lands in `code`; show it.
  if (e.code !== undefined && /\s/.test(e.code)) {
    init.message = e.code;
    init.code = undefined;
  }
  if (hint !== undefined) init.message = `${init.message}. ${hint}`;
  if (isOutOfCredits(e)) return new PaymentError({ ...init, retryAfterMs: undefined });
  const Kind = Object.getPrototypeOf(e).constructor as new (i: ApiErrorInit) => ApiError;
  const out = new Kind(init);
  out.waitUntil = e.waitUntil;
  return out;
}

/** Send one Openmart request, explaining any failure (the senders of search, brands, credits and deny rules). */
export function send(http: Http, req: ApiRequest): ApiResponse<unknown> {
  return explained(() => http.request<unknown>(req));
}

/** Run one Openmart call, explaining any failure (`hint` is added to the message). */
export function explained<T>(call: () => T, hint?: (e: unknown) => string | undefined): T {
  try {
    return call();
  } catch (e) {
    throw explain(e, hint?.(e));
  }
}
