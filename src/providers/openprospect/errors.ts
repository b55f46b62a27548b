/**
 * What an error means at OpenProspect and what the user can do about it (NOTES.md, the orders
 * overview). The status-typed classes and their generic sentences are platform/errors.ts; these
 * are OpenProspect's own words, used where the add-on meets the error.
 *
 * - 401: the key is unknown or revoked; the generic "refused the API key"; `GET /auth/validate` `valid: false` is
 *   `INVALID_KEY`.
 * - 402: not documented for OpenProspect; the generic "out of credits or balance"; the job fails.
 * - 403: the key lacks a scope (`required_scopes`); scopes are checked before a submit: `missingScopeSentence`.
 * - 404: `ORDER_NOT_FOUND` for this key's organisation; a blacklist deleted or of another key; `isUnknownOrder` /
 *   `noSuchBlacklist`.
 * - 409: the same Idempotency-Key with another body; `explainSubmitError`: the rows changed, submit again.
 * - 422: FastAPI `detail[]` on `body.companies.N.field`; `explainSubmitError` names the sheet row.
 * - 429: rate limit with Retry-After; the job waits (generic).
 */
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { quoteCell } from '../../sheet/cells';
import { REQUIRED_SCOPES, type ScopeFlow } from './validate-key';

/** `GET /auth/validate` answered `valid: false` (the Settings test says what to do there). */
export const INVALID_KEY = 'OpenProspect says this key is not valid. Create a new key and save it in Settings.';
export const INVALID_KEY_IN_SETTINGS = 'OpenProspect says this key is not valid. Create a new key at OpenProspect, paste it above and press Save key.';

/** What each flow is called in the sentence. */
const DOING: Record<ScopeFlow, string> = {
  enrichment: 'submitting an order',
  discovery: 'a discovery order with blacklists',
  profiles: 'creating a search profile',
  blacklists: 'changing blacklists',
};

/** The sentence for missing scopes (empty list: null). */
export function missingScopeSentence(missing: readonly string[], flow: ScopeFlow): string | null {
  if (missing.length === 0) return null;
  const names = missing.join(', ');
  return `Your OpenProspect key lacks the scope${missing.length > 1 ? 's' : ''} ${names}, needed for ${DOING[flow]}. Create a key with ${REQUIRED_SCOPES[flow].join(', ')} in the OpenProspect dashboard (Settings > Developer > API Keys) and save it in Settings.`;
}

/** ORDER_NOT_FOUND (no such order for this key's organisation) or a 422 on the id itself (not an order id at all). */
export function isUnknownOrder(e: unknown): boolean {
  return (
    (e instanceof NotFoundError && e.code === 'ORDER_NOT_FOUND') || (e instanceof ValidationError && e.details.some((d) => /(^|\.)order_id$/.test(d.field)))
  );
}

/** The sentence for an order id OpenProspect does not know. */
export function unknownOrderSentence(orderId: string): string {
  return `OpenProspect could not find the order ${quoteCell(orderId, 60)} with this key. Copy the order id again (it looks like 4f767705-03a2-4e91-a3e8-1ec3f9dea865), or pick an order from the list.`;
}

/** A 404 on a blacklist: it was deleted (perhaps by a colleague) or belongs to another key; else undefined. */
export function noSuchBlacklist(e: unknown, blacklistId: string): string | undefined {
  if (!(e instanceof NotFoundError)) return undefined;
  return `OpenProspect has no blacklist ${quoteCell(blacklistId, 60)} for this key (deleted, or made with another organisation's key). Reload the list.`;
}

/**
 * Make a refused order submit name what the user can fix: a 422 on `body.companies.N.field`
 * names the sheet row, and a 409 (the same Idempotency-Key with another body) says the rows changed.
 */
export function explainSubmitError(e: unknown, rowNumbers: number[] | undefined): unknown {
  if (e instanceof ValidationError) {
    const details = e.details.map((d) => {
      const m = /(?:^|\.)companies\.(\d+)(?:\.(.+))?$/.exec(d.field);
      const row = m && rowNumbers ? rowNumbers[Number(m[1])] : undefined;
      return row === undefined ? d : { field: `Row ${row}${m?.[2] ? ` (${m[2]})` : ''}`, message: d.message };
    });
    return new ValidationError({ ...e.toInit(), details });
  }
  if (e instanceof ConflictError) {
    const message = `${e.message}. The rows changed since this job was first submitted, so it cannot be resent safely; cancel this job and submit the rows again`;
    return new ConflictError({ ...e.toInit(), message });
  }
  return e;
}
