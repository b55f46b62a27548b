/**
 * Openmart's error bodies come in two styles: `{"detail": "..."}` (read by ApiError.generate as
 * the message) and Go validators' `{"error": "..."}` (read as a code). This puts the sentence
 * where the user sees it, and reads a 429 that says "credit" as out of credits (NOTES: the
 * vendor's own client maps both to "credit limit reached").
 */
import { ApiError, PaymentError, RateLimitError, type ApiErrorInit } from '../../platform/errors';

function initOf(e: ApiError): ApiErrorInit {
  return { provider: e.provider, status: e.status, code: e.code, message: e.message, requestId: e.requestId, details: e.details, retryAfterMs: e.retryAfterMs, extra: e.extra };
}

/** True when an Openmart error means the credits are used up (402, or a 429 that says so). */
export function isOutOfCredits(e: unknown): boolean {
  if (e instanceof PaymentError) return true;
  return e instanceof RateLimitError && /credit/i.test(`${e.message} ${e.code ?? ''}`);
}

/** The same failure with Openmart's sentence as its message and the right class. */
export function explain(e: unknown, hint?: string): unknown {
  if (!(e instanceof ApiError) || e.provider !== 'openmart' || e.status === 0) return e;
  const init = initOf(e);
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

/** Run one Openmart call, explaining any failure (`hint` is added to the message). */
export function explained<T>(call: () => T, hint?: (e: unknown) => string | undefined): T {
  try {
    return call();
  } catch (e) {
    throw explain(e, hint?.(e));
  }
}
