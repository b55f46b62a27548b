/**
 * One wave of rows as one fetchAll (through the http layer's retry rules), and what became of
 * each row. A row whose answer never arrived (lost in transit, unreadable, or a 408/5xx from a
 * gateway that may come after gu1 did and billed the work) is re-sent once,
 * without forceRefresh, so gu1 answers it from its cache instead of billing it again. A row still
 * without a usable answer is `unanswered`: the run leaves it unwritten and sends it again at a
 * later run (never a third time in the same run).
 */
import { ApiError, ConnectionError, MalformedResponseError, NotFoundError, RateLimitError, ServerError, ValidationError } from '../../platform/errors';
import { NotSentError } from '../../platform/http';
import type { Concurrency } from '../../platform/concurrency';
import type { ApiResponse, Http } from '../../platform/http-types';
import { buildEnrichRequest, type EnrichArgs, readEnrichAnswer } from './enrich-by-external-id';
import { isRunLevel, NOT_FOUND_MESSAGE, notActive, stopsTheRun } from './errors';
import type { EnrichResponse } from './schemas';

/** What became of one row. */
export type RowOutcome =
  /** gu1 answered; write its results. */
  | { kind: 'ok'; res: EnrichResponse }
  /** 404: no entity with this externalId. */
  | { kind: 'notFound'; message: string }
  /** This row cannot be enriched as it is (a row-level 400 or another refusal of the row). */
  | { kind: 'rowError'; code: string; message: string }
  /**
   * No usable answer from the sends this run allows (lost, unreadable, or a 429/5xx on the
   * re-send after a lost answer): gu1 may have processed it. Leave it unwritten and send it again
   * at a later run, without forceRefresh, so gu1's cache answers it.
   */
  | { kind: 'unanswered'; error: ApiError }
  /** The run cannot go on (key refused, balance spent, a code refused for every row). */
  | { kind: 'stop'; error: ApiError }
  /**
   * Not processed (5xx/429 after retries, or not sent before the time budget ran out): send it
   * again later. `resend`: it was already sent once and lost, so it goes again without forceRefresh.
   */
  | { kind: 'later'; error: ApiError; resend: boolean };

export interface WaveOutcome {
  outcomes: RowOutcome[];
  /** Rows sent a second time after a lost answer (or after a killed run). */
  resends: number;
  /** Per row: its final answer came from a second sending (a cached answer may hide what the first cost). */
  resent: boolean[];
}

/**
 * An answer that never arrived, could not be read, or came from a gateway (a 408 or 5xx, which
 * gateways send after the backend did the work): gu1 may have billed it.
 */
function isLost(r: ApiResponse<unknown> | ApiError): boolean {
  if (r instanceof NotSentError) return false;
  return (
    r instanceof MalformedResponseError ||
    r instanceof ServerError ||
    (r instanceof ApiError && r.status === 408) ||
    (r instanceof ConnectionError && r.status === 0)
  );
}

/** The results a 422 answer carried beside its error, when it carried any. */
function partialResults(e: ValidationError): EnrichResponse | undefined {
  try {
    const res = readEnrichAnswer({ status: e.status, headers: e.requestId ? { 'x-request-id': e.requestId } : {}, body: e.body });
    return res.results.length > 0 ? res : undefined;
  } catch {
    return undefined;
  }
}

function classify(r: ApiResponse<unknown> | ApiError, args: EnrichArgs, finalAttempt: boolean): RowOutcome {
  if (!(r instanceof ApiError)) {
    try {
      return { kind: 'ok', res: readEnrichAnswer(r) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      r = e;
    }
  }
  if (r instanceof NotSentError) return { kind: 'later', error: r, resend: finalAttempt };
  // A lost or unreadable answer here already had the one re-send this run allows (sendWave), or is
  // a 2xx whose body does not have the documented shape: a later run asks again.
  if (isLost(r)) return { kind: 'unanswered', error: r };
  // NOTES.md: 403 or 404 SERVICE_INTEGRATION_NOT_ACTIVE: an integration not active for the whole organization.
  const inactive = notActive(r);
  if (inactive) return { kind: 'stop', error: inactive };
  if (stopsTheRun(r)) return { kind: 'stop', error: r };
  if (r instanceof NotFoundError) return { kind: 'notFound', message: NOT_FOUND_MESSAGE };
  if (r instanceof ValidationError) {
    // NOTES.md: a 422 may carry partial data (`success: false` with per-integration results): keep it.
    const partial = r.status === 422 ? partialResults(r) : undefined;
    if (partial) return { kind: 'ok', res: partial };
    if (isRunLevel(r, args.integrationCodes, args.enrichmentGroupRefs)) return { kind: 'stop', error: r };
    return { kind: 'rowError', code: r.code ?? `HTTP_${r.status}`, message: r.message };
  }
  if (r instanceof RateLimitError) {
    // After a lost answer the re-send was the one this run allows: a later run tries again.
    if (finalAttempt) return { kind: 'unanswered', error: r };
    return { kind: 'later', error: r, resend: false };
  }
  return { kind: 'rowError', code: r.code ?? `HTTP_${r.status}`, message: r.message };
}

/**
 * Send one wave. `resendOnly[i]` marks rows already sent by a run that was killed before it
 * wrote their answers: they go without forceRefresh and count as re-sends.
 */
export function sendWave(
  http: Http,
  rows: readonly EnrichArgs[],
  opts: { waveSize: number; resendOnly?: readonly boolean[]; concurrency?: Concurrency },
): WaveOutcome {
  const resendOnly = rows.map((_, i) => opts.resendOnly?.[i] === true);
  const first = http.requestAll<unknown>(
    rows.map((a, i) => buildEnrichRequest(resendOnly[i] ? { ...a, forceRefresh: false } : a)),
    { waveSize: opts.waveSize, ...(opts.concurrency ? { concurrency: opts.concurrency } : {}) },
  );
  let resends = first.filter((r, i) => resendOnly[i] && !(r instanceof NotSentError)).length;
  const lost = first.map((r, i) => (!resendOnly[i] && isLost(r) ? i : -1)).filter((i) => i >= 0);
  const final = first.slice();
  if (lost.length > 0) {
    const again = http.requestAll<unknown>(
      lost.map((i) => buildEnrichRequest({ ...(rows[i] as EnrichArgs), forceRefresh: false })),
      { waveSize: opts.waveSize },
    );
    lost.forEach((i, k) => {
      const r = again[k] as ApiResponse<unknown> | ApiError;
      final[i] = r;
      if (!(r instanceof NotSentError)) resends++;
    });
  }
  const lostSet = new Set(lost);
  const resent = rows.map((_, i) => resendOnly[i] === true || lostSet.has(i));
  const outcomes = final.map((r, i) => classify(r as ApiResponse<unknown> | ApiError, rows[i] as EnrichArgs, resent[i] === true));
  return { outcomes, resends, resent };
}
