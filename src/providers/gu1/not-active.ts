/**
 * NOTES.md: gu1 answers 403 or 404 `SERVICE_INTEGRATION_NOT_ACTIVE` for an integration the
 * organization has not activated. Neither "could not find it" (a missing entity) nor "the key is
 * not allowed" (a scope) says what happened or what to do, so the run stops with this sentence.
 */
import { ApiError } from '../../platform/errors';

export const NOT_ACTIVE_CODE = 'SERVICE_INTEGRATION_NOT_ACTIVE';

export class IntegrationNotActiveError extends ApiError {
  override userMessage(): string {
    const text = `gu1 says an integration of this run is not active for your organization (${this.message}). Activate it in gu1, or leave it out of the run, then submit again.`;
    return this.requestId ? `${text} (request id ${this.requestId})` : text;
  }
}

/** The same answer, explained as an integration that is not active. */
export function notActive(e: ApiError): IntegrationNotActiveError {
  return new IntegrationNotActiveError({ provider: e.provider, status: e.status, code: e.code, message: e.message, requestId: e.requestId, details: e.details, extra: e.extra, body: e.body });
}
