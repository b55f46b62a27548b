/**
 * The one door to UrlFetchApp: JSON in and out, muteHttpExceptions always, auth headers per
 * provider, retries by the rules in retry.ts applied to each route's billing class (billing.ts),
 * fetchAll waves that retry only what failed, and never a sleep past the caller's deadline,
 * `maxWaitMs` or Utilities.sleep's 300 s (the error then says until when the provider asks to wait).
 */
import type { Clock, Deadline } from './clock';
import { ApiError, ConnectionError } from './errors';
import type { ApiRequest, ApiResponse, Http, Provider, RequestOptions } from './http-types';
import { billingClass } from './billing';
import { retryDelayMs, shouldRetry } from './retry';
import type { Concurrency, WaveReport } from './concurrency';
import { readResponse } from './response';

export type UrlFetch = Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll'>;
type FetchRequest = GoogleAppsScript.URL_Fetch.URLFetchRequest;
type FetchResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export interface HttpDeps {
  provider: Provider;
  baseUrl: string;
  /** Headers that carry the key (the only place the key goes). */
  authHeaders: Record<string, string>;
  urlFetch: UrlFetch;
  clock: Clock;
  /** When set, no retry waits past it and no new wave starts after it is nearly over. */
  deadline?: Deadline | undefined;
  random?: () => number;
  /** Called with the number of UrlFetch requests about to be made (quota meter). */
  onRequests?: (count: number) => void;
  /** Default fetchAll wave size. */
  waveSize?: number;
  /** Applied to every response body before anything reads it (the scrubber: a key a provider echoes goes no further). */
  scrub?: (text: string) => string;
  /** Whether the JSON escapes of a (scrubbed) body may spell a key (`Scrubber.inEscapes`); default: any backslash. */
  scrubEscapes?: (text: string) => boolean;
  /** The longest single wait slept before a retry (default: Utilities.sleep's limit). */
  maxWaitMs?: number | undefined;
  /** The time zone a "wait until" time is shown in (default UTC). */
  timeZone?: () => string;
}

/** Milliseconds kept free at the end of a budget for the caller's checkpoint. */
const RESERVE_MS = 10_000;
const DEFAULT_ATTEMPTS = 4;
/** Utilities.sleep refuses more than 300 s (docs/PLATFORM.md). */
export const MAX_SLEEP_MS = 300_000;

/** Error for requests not sent because the time budget ran out; the caller resumes later. */
export class NotSentError extends ApiError {
  constructor(provider: Provider) {
    super({ provider, status: 0, code: 'NOT_SENT', message: 'not sent: the time budget of this run is spent' });
  }
  override userMessage(): string {
    return 'Paused to stay inside the Apps Script time limit; it continues at the next run.';
  }
}

/** "14:05 (Europe/Berlin)": a time of day in the given zone (UTC when none or unknown). */
export function clockTime(ms: number, timeZone?: () => string): string {
  let zone = 'UTC';
  try {
    zone = timeZone?.() || 'UTC';
    const t = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
    return `${t} (${zone})`;
  } catch {
    return `${new Date(ms).toISOString().slice(11, 16)} (UTC)`;
  }
}

/** What one fetchAll wave met, for an adaptive wave size: a transport error voids the wave (one failure). */
function waveReport(results: ReadonlyArray<ApiResponse<unknown> | ApiError | undefined>, thrown: boolean, ms: number): WaveReport {
  const status = (r: (typeof results)[number]): number => (r instanceof ApiError ? r.status : 0);
  const throttled = thrown ? 0 : results.filter((r) => status(r) === 429).length;
  const failed = thrown ? 1 : results.filter((r) => status(r) >= 500 || (r instanceof ConnectionError && r.status === 0)).length;
  return { sent: results.length, throttled, failed, slowestMs: ms };
}

/** Build the query string (skipping undefined values). */
export function buildUrl(baseUrl: string, path: string, query?: ApiRequest['query']): string {
  const base = baseUrl.replace(/\/+$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length > 0 ? `${base}${p}?${parts.join('&')}` : `${base}${p}`;
}

/** A burst refusal (nothing was sent): the job waits a minute, not a day. */
export const BURST_MESSAGE = 'Google refused more requests for a moment (too many in a short time); nothing was sent';

/** Classify a thrown UrlFetch error by kind, never by exact (localised) text alone. */
export function classifyFetchError(e: unknown): { kind: 'timeout' | 'dns' | 'address' | 'quota' | 'burst' | 'other'; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  const m = message.toLowerCase();
  // "...too many times in a short time: exec qps": a burst limit, over in seconds (not the day's quota).
  if (m.includes('too many times') && !m.includes('for one day')) return { kind: 'burst', message: BURST_MESSAGE };
  if (m.includes('too many times')) return { kind: 'quota', message: 'the daily UrlFetch quota of this Google account is used up' };
  if (m.includes('timeout') || m.includes('timed out')) return { kind: 'timeout', message: 'the request timed out' };
  if (m.includes('dns')) return { kind: 'dns', message: 'the host name could not be resolved' };
  if (m.includes('address unavailable')) return { kind: 'address', message: 'the host could not be reached' };
  return { kind: 'other', message: message.replace(/https?:\/\/\S+/g, '<url>').slice(0, 200) };
}

/** Create an Http for one provider and key. */
export function createHttp(deps: HttpDeps): Http {
  const random = deps.random ?? Math.random;
  const provider = deps.provider;

  function toParams(req: ApiRequest): FetchRequest {
    const headers: Record<string, string> = { Accept: 'application/json', ...(req.headers ?? {}), ...deps.authHeaders };
    if (req.idempotencyKey) headers['Idempotency-Key'] = req.idempotencyKey;
    const params: FetchRequest = {
      url: buildUrl(deps.baseUrl, req.path, req.query),
      method: req.method,
      headers,
      muteHttpExceptions: true,
      // A redirect on a POST must never turn into a second order: only GETs follow them.
      followRedirects: req.method === 'get',
    };
    if (req.json !== undefined) {
      params.contentType = 'application/json';
      params.payload = JSON.stringify(req.json);
    }
    return params;
  }

  function toResult<T>(res: FetchResponse, req: ApiRequest): ApiResponse<T> | ApiError {
    const status = res.getResponseCode();
    const headers: Record<string, string> = {};
    const raw = res.getAllHeaders() as Record<string, string | string[]>;
    for (const [k, v] of Object.entries(raw)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    if (status >= 300 && status < 400) {
      const location = headers['location'] ?? '';
      return new ApiError({
        provider,
        status,
        code: 'REDIRECT',
        extra: { location },
        message: `redirected to ${location || 'another address'}; the add-on does not send a request to an address it was not given. Check the base URL in Settings (now ${deps.baseUrl})`,
      });
    }
    return readResponse<T>({
      provider,
      status,
      headers,
      text: res.getContentText(),
      what: `${req.method.toUpperCase()} ${req.path}`,
      scrub: deps.scrub,
      scrubEscapes: deps.scrubEscapes,
    });
  }

  function connectionError(e: unknown): ApiError {
    const c = classifyFetchError(e);
    // A burst, like the day's quota, refuses before sending: the same code (never sent), a short window.
    if (c.kind === 'burst') return new ConnectionError({ provider, status: 0, code: 'QUOTA', message: c.message, extra: { window: 'short' } });
    return new ConnectionError({ provider, status: 0, code: c.kind.toUpperCase(), message: c.message });
  }

  /** Whether this execution may sleep `wait` ms; when not, the error says until when the provider asks to wait. */
  function mayWait(error: ApiError, wait: number): boolean {
    const limit = Math.min(MAX_SLEEP_MS, deps.maxWaitMs ?? MAX_SLEEP_MS);
    if (wait <= limit && (!deps.deadline || deps.deadline.canWait(wait, RESERVE_MS))) return true;
    if (error.retryAfterMs !== undefined) error.waitUntil = clockTime(deps.clock.now() + wait, deps.timeZone);
    return false;
  }

  function waitBeforeRetry(error: ApiError, attempt: number): boolean {
    const wait = retryDelayMs(attempt, error.retryAfterMs, random);
    if (!mayWait(error, wait)) return false;
    if (wait > 0) deps.clock.sleep(wait);
    return true;
  }

  /**
   * A 307/308 on a write whose Location is the same address but for a trailing slash (the guides
   * and the endpoint list disagree on it): the same request, body and Idempotency-Key, once.
   */
  function slashRedirect(params: FetchRequest, result: ApiError): FetchRequest | undefined {
    if (result.code !== 'REDIRECT' || (result.status !== 307 && result.status !== 308)) return undefined;
    const location = String(result.extra['location'] ?? '');
    const [from = '', query = ''] = params.url.split('?');
    const [to = '', toQuery = ''] = location.split('?');
    if (!/^https:\/\//.test(to) || query !== toQuery || from === to || from.replace(/\/+$/, '') !== to.replace(/\/+$/, '')) return undefined;
    return { ...params, url: location };
  }

  function request<T>(req: ApiRequest, opts?: RequestOptions): ApiResponse<T> {
    const maxAttempts = opts?.maxAttempts ?? DEFAULT_ATTEMPTS;
    const cls = billingClass(provider, req.method, req.path, req.idempotencyKey);
    let params = toParams(req);
    let redirected = false;
    for (let attempt = 1; ; attempt++) {
      if (deps.deadline?.nearlyOver(RESERVE_MS)) throw new NotSentError(provider);
      let result: ApiResponse<T> | ApiError;
      deps.onRequests?.(1);
      try {
        const { url, ...rest } = params;
        result = toResult<T>(deps.urlFetch.fetch(url, rest), req);
      } catch (e) {
        result = connectionError(e);
        if (result.code === 'QUOTA') throw result;
      }
      if (!(result instanceof ApiError)) return result;
      const moved = redirected ? undefined : slashRedirect(params, result);
      if (moved) {
        redirected = true;
        params = moved;
        attempt--;
        continue;
      }
      if (attempt >= maxAttempts || !shouldRetry(result, cls)) {
        // No retry left: still say until when the provider asks to wait, if that is longer than we may wait.
        if (result.retryAfterMs !== undefined) mayWait(result, result.retryAfterMs);
        throw result;
      }
      if (!waitBeforeRetry(result, attempt)) throw result;
    }
  }

  function requestAll<T>(reqs: ApiRequest[], opts?: RequestOptions & { waveSize?: number; concurrency?: Concurrency }): Array<ApiResponse<T> | ApiError> {
    const maxAttempts = opts?.maxAttempts ?? DEFAULT_ATTEMPTS;
    const waveSize = Math.max(1, opts?.waveSize ?? deps.waveSize ?? 20);
    const results: Array<ApiResponse<T> | ApiError | undefined> = new Array(reqs.length).fill(undefined);
    const attempts = new Array<number>(reqs.length).fill(0);
    const params = reqs.map(toParams);
    let pending = reqs.map((_, i) => i);
    while (pending.length > 0) {
      const retry: number[] = [];
      let longestWait = 0;
      for (let start = 0, size = waveSize; start < pending.length; start += size) {
        size = Math.max(1, opts?.concurrency?.size() ?? waveSize);
        const wave = pending.slice(start, start + size);
        const waveStarted = deps.clock.now();
        if (deps.deadline?.nearlyOver(RESERVE_MS)) {
          for (const i of pending.slice(start)) results[i] = new NotSentError(provider);
          return results as Array<ApiResponse<T> | ApiError>;
        }
        deps.onRequests?.(wave.length);
        let responses: FetchResponse[] | undefined;
        let thrown: ApiError | undefined;
        try {
          responses = deps.urlFetch.fetchAll(wave.map((i) => params[i] as FetchRequest));
        } catch (e) {
          // One transport error throws away the whole wave (docs/PLATFORM.md): every request in it
          // may or may not have reached the server.
          thrown = connectionError(e);
          if (thrown.code === 'QUOTA') {
            for (const i of pending.slice(start)) results[i] = thrown;
            return results as Array<ApiResponse<T> | ApiError>;
          }
        }
        wave.forEach((i, k) => {
          attempts[i] = (attempts[i] ?? 0) + 1;
          const res = responses?.[k];
          const r = thrown ?? (res ? toResult<T>(res, reqs[i] as ApiRequest) : connectionError(new Error('no response')));
          results[i] = r;
          const req = reqs[i] as ApiRequest;
          if (r instanceof ApiError && (attempts[i] ?? 0) < maxAttempts && shouldRetry(r, billingClass(provider, req.method, req.path, req.idempotencyKey))) {
            retry.push(i);
            longestWait = Math.max(longestWait, retryDelayMs(attempts[i] ?? 1, r.retryAfterMs, random));
          }
        });
        opts?.concurrency?.observe(
          waveReport(
            wave.map((i) => results[i]),
            thrown !== undefined,
            deps.clock.now() - waveStarted,
          ),
        );
      }
      if (retry.length === 0) break;
      const first = results[retry[0] as number];
      if (first instanceof ApiError && !mayWait(first, longestWait)) break;
      if (longestWait > 0) deps.clock.sleep(longestWait);
      pending = retry;
    }
    return results as Array<ApiResponse<T> | ApiError>;
  }

  return { provider, request, requestAll };
}
