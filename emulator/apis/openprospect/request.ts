/** A request builder for tests and the playground (what the emulated UrlFetchApp would hand over). */
import { type HttpHandler, isTransportFailure, type SimMethod, type SimRequest } from '../types';

/** Options of `buildRequest`. */
export interface BuildRequestOptions {
  /** Bearer key; null sends no Authorization header. */
  key?: string | null;
  /** JSON body (serialized, sent with Content-Type application/json). */
  json?: unknown;
  /** Raw body string (sent as is). */
  body?: string;
  /** Extra headers (names lower-cased). */
  headers?: Record<string, string>;
  /** Virtual time in ms (default 0). */
  now?: number;
}

/** Builds a SimRequest for `https://api.openprospect.io` + `pathAndQuery`. */
export function buildRequest(method: SimMethod, pathAndQuery: string, o: BuildRequestOptions = {}): SimRequest {
  const url = new URL(pathAndQuery, 'https://api.openprospect.io');
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    query[k] = v;
  });
  const headers: Record<string, string> = {};
  if (o.key !== null) headers['authorization'] = `Bearer ${o.key ?? 'lnc_test_key'}`;
  let body = o.body;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers['content-type'] = 'application/json';
  }
  for (const [k, v] of Object.entries(o.headers ?? {})) headers[k.toLowerCase()] = v;
  return { method, url: url.toString(), path: url.pathname, query, headers, body, now: o.now ?? 0 };
}

/** A response with its JSON body parsed (undefined for an empty body). */
export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON for test assertions
  json: any;
}

/** Sends a request to a handler and parses the JSON body; throws on a transport failure. */
export function send(handler: HttpHandler, req: SimRequest): JsonReply {
  const out = handler.handle(req);
  if (isTransportFailure(out)) throw new Error(`transport failure: ${out.transport}`);
  return { status: out.status, headers: out.headers ?? {}, json: out.body === '' ? undefined : JSON.parse(out.body) };
}
