/**
 * What an error means at gu1 and what the user can do about it (NOTES.md: errors are
 * `{ success: false, error: { code, message } }`). The status-typed classes and their generic
 * sentences are platform/errors.ts; these are gu1's own words, used where the add-on meets the error.
 *
 * - 400: a bad request: one row's input, or the codes / groups of the whole run; `isRunLevel` tells them apart: a
 *   row error, or the run stops.
 * - 401: the key is refused; `stopSentence`: check the gu1 key in Settings; the connection test reads a 400/404
 *   after the key check as accepted (`keyAccepted`).
 * - 402: `INSUFFICIENT_BALANCE`; the generic "out of credits or balance"; `stopSentence` says Refresh continues from
 *   the first unwritten row.
 * - 403 / 404: `SERVICE_INTEGRATION_NOT_ACTIVE` for the organisation; `notActive`: the run stops with "Activate it
 *   in gu1, or leave it out of the run".
 * - 404: no entity with that externalId; `NOT_FOUND_MESSAGE` on the row: create the entity in gu1 first.
 * - 422: may carry partial data (`success: false` with results); the results are written (wave.ts).
 * - 429: not documented; read as a rate limit (generic): sent again later.
 */
import { ApiError, AuthError, PaymentError, PermissionError, withRequestId } from '../../platform/errors';

/** The row text of a 404: no gu1 entity with this external_id. */
export const NOT_FOUND_MESSAGE = 'no gu1 entity with this external_id (create the entity in gu1 first, then run this row again)';

/** The Settings test's sentence for a key gu1 accepted. */
export const KEY_ACCEPTED = 'Connected: gu1 accepted the key.';

/** gu1 checks the key first: a 400 (no integrations asked) or a 404 after it means the key was accepted. */
export function keyAccepted(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 400 || e.status === 422 || e.status === 404);
}

/** A refusal that concerns every row: the key, the balance, the scope (an integration not active: `notActive`). */
export function stopsTheRun(e: ApiError): boolean {
  return e instanceof AuthError || e instanceof PaymentError || e instanceof PermissionError;
}

export const NOT_ACTIVE_CODE = 'SERVICE_INTEGRATION_NOT_ACTIVE';

/**
 * An integration the organization has not activated (403 or 404 `SERVICE_INTEGRATION_NOT_ACTIVE`):
 * neither "could not find it" (a missing entity) nor "the key is not allowed" (a scope) says what
 * happened or what to do, so the run stops with this sentence.
 */
export class IntegrationNotActiveError extends ApiError {
  override userMessage(): string {
    return withRequestId(
      `gu1 says an integration of this run is not active for your organization (${this.message}). Activate it in gu1, or leave it out of the run, then submit again.`,
      this.requestId,
    );
  }
}

/** The same answer explained as an integration that is not active, when it is one; else undefined. */
export function notActive(e: ApiError): IntegrationNotActiveError | undefined {
  if (e.code !== NOT_ACTIVE_CODE || (e.status !== 403 && e.status !== 404)) return undefined;
  return new IntegrationNotActiveError(e.toInit());
}

/** What a 400 must mention to concern the run rather than one row: a code, a group or a list field. */
export function isRunLevel(error: ApiError, codes: readonly string[], refs: readonly string[]): boolean {
  const text = `${error.message} ${error.details.map((d) => `${d.field} ${d.message}`).join(' ')}`;
  // Whole tokens only: a short code must not match inside another word.
  const tokens = new Set(text.split(/[^A-Za-z0-9_.:-]+/).map((t) => t.replace(/[.:]+$/, '')));
  return [...codes, ...refs, 'integrationCodes', 'enrichmentGroupRefs'].some((s) => tokens.has(s));
}

/** The sentence for gu1's "unknown integration code" answer, or null for any other error. */
export function unknownCodeText(e: ApiError): string | null {
  const text = `${e.code ?? ''} ${e.message}`;
  if (!/INVALID_INTEGRATION_CODE|unknown integration code/i.test(text)) return null;
  return `gu1 rejected the input: ${e.message}. Integration codes come from gu1: your gu1 dashboard lists the marketplace integrations enabled for your organisation, each with its code (such as ar_afip_enrichment), and an enrichment group stands for several. Pick one from the list in the gu1 form (codes you used, your groups, codes seen in gu1's answers) and submit again.`;
}

/** Why a run stopped, and what to do; `kept` says what was written before (null: nothing). */
export function stopSentence(e: ApiError, kept: string | null): string {
  if (e instanceof AuthError) return `gu1 refused the API key (${e.message}): check your gu1 key in Settings.${kept ? ` ${kept}.` : ''}`;
  if (e instanceof PaymentError) return kept ? `${e.userMessage()} ${kept}; Refresh continues from the first unwritten row.` : e.userMessage();
  const said = unknownCodeText(e) ?? e.userMessage();
  return kept ? `${said} ${kept}.` : said;
}
