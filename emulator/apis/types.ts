/**
 * The seam between the emulated UrlFetchApp and the API simulators.
 * A simulator is an HttpHandler: it sees one request at a time (already parsed) and answers
 * with a response, or with a transport failure that UrlFetchApp turns into an exception.
 */

export type SimMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SimRequest {
  method: SimMethod;
  /** Full URL as the add-on sent it, e.g. https://api.openprospect.io/api/v1/orders/?limit=5 */
  url: string;
  /** URL path without the query string, e.g. /api/v1/orders/ */
  path: string;
  /** Query parameters (last value wins for repeated keys). */
  query: Record<string, string>;
  /** Request headers with lower-case names. */
  headers: Record<string, string>;
  /** The raw payload string, or undefined when none was sent. */
  body: string | undefined;
  /** Virtual time (ms since epoch) when the request reached the server. */
  now: number;
  /** The fetchAll call it came in (its requests are in flight at once); absent for a single fetch. */
  wave?: number;
}

export interface SimResponse {
  status: number;
  /** Response headers (any case). */
  headers?: Record<string, string>;
  /** Raw body text (usually JSON). */
  body: string;
  /** Server-side processing time in virtual ms, added to the network latency. Default 0. */
  latencyMs?: number;
}

/** A failure below HTTP: UrlFetchApp throws (muteHttpExceptions does not help). */
export interface SimTransportFailure {
  transport: 'timeout' | 'dns' | 'address-unavailable';
  /** Virtual ms spent before the failure (a timeout costs about 60 s). */
  latencyMs?: number;
}

export type SimOutcome = SimResponse | SimTransportFailure;

export interface HttpHandler {
  handle(req: SimRequest): SimOutcome;
}

export function isTransportFailure(o: SimOutcome): o is SimTransportFailure {
  return (o as SimTransportFailure).transport !== undefined;
}

/** JSON response helper for simulators. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(value) };
}
