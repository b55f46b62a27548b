/**
 * The one reader of every provider's answers. `readResponse` turns what UrlFetch returned into a
 * parsed answer or a typed error (status -> ApiError.generate, bounded JSON, the scrubber first);
 * `parseAnswer` checks a 2xx body against the operation's zod schema and, when it does not match,
 * throws a MalformedResponseError whose message names the route, the first bad path, what was
 * expected and what came (bounded and scrubbed: an answer's text never reaches the user whole).
 * What stays with each provider: its schemas and its explanation texts (providers/<p>/errors.ts).
 */
import type * as z from 'zod/mini';
import { clampDepth } from './depth';
import { ApiError, MalformedResponseError } from './errors';
import type { ApiResponse, Provider } from './http-types';
import { scrubLeaves, shortDetail } from './scrub';

/** The status and headers of an answer (all a MalformedResponseError needs of it). */
export type AnswerHead = Pick<ApiResponse<unknown>, 'status' | 'headers'>;

/** Longest path and value shown in an explanation. */
const MAX_PATH_CHARS = 120;
const MAX_VALUE_CHARS = 60;

/** The minimal issue shape read from zod (stable across zod v4 releases). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length === 0 ? 'an empty string' : 'a string';
  return `a ${typeof v}`;
}

/** A dotted path (`items.3.prospects.0.id`), or `(body)` for the root; bounded and scrubbed. */
export function formatPath(path: PropertyKey[]): string {
  return path.length === 0 ? '(body)' : shortDetail(path.map(String).join('.'), MAX_PATH_CHARS);
}

/** One readable sentence for a zod issue, naming its path, what was expected and what came. */
export function describeIssue(issue: Issue, body: unknown): string {
  const where = formatPath(issue.path);
  const got = valueAt(body, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: expected ${String(issue.expected)}, got ${typeName(got)}`;
    case 'too_small':
      return `${where}: below the minimum ${String(issue.minimum)} (got ${typeName(got)})`;
    case 'too_big':
      return `${where}: above the maximum ${String(issue.maximum)}`;
    case 'invalid_value':
      return `${where}: unexpected value ${shortDetail(JSON.stringify(got) ?? 'nothing', MAX_VALUE_CHARS)}`;
    case 'invalid_union':
      return `${where}: matches none of the accepted shapes`;
    default:
      return `${where}: ${shortDetail(issue.message, MAX_VALUE_CHARS)}`;
  }
}

/** A MalformedResponseError for an answer of `provider`, carrying its status and request id. */
export function malformedAnswer(provider: Provider, res: AnswerHead, message: string): MalformedResponseError {
  return new MalformedResponseError({ provider, status: res.status, code: 'MALFORMED_RESPONSE', message, requestId: res.headers['x-request-id'] });
}

/**
 * Check a 2xx body against `schema`; on failure throw a MalformedResponseError naming `what`
 * (the route, e.g. `GET /orders/o-1`) and the first issue.
 */
export function parseAnswer<S extends z.ZodMiniType>(provider: Provider, schema: S, res: ApiResponse<unknown>, what: string): z.infer<S> {
  const r = schema.safeParse(res.body);
  if (r.success) return r.data as z.infer<S>;
  const first = r.error.issues[0] as Issue | undefined;
  const detail = first ? describeIssue(first, res.body) : '(body): does not match the documented shape';
  throw malformedAnswer(provider, res, `${what}: ${detail}`);
}

/** What readResponse is given: the raw answer and the route it answers. */
export interface RawAnswer {
  provider: Provider;
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
  /** `GET /orders/`: names the route in a sentence about a body that is not JSON. */
  what: string;
  /** Applied to the text before anything reads it (the scrubber). */
  scrub?: ((text: string) => string) | undefined;
  /** Whether the JSON escapes of a (scrubbed) text may spell a key (`Scrubber.inEscapes`); default: any backslash. */
  scrubEscapes?: ((text: string) => boolean) | undefined;
}

/**
 * The answer as a parsed body (2xx), or the typed error its status means: ApiError.generate for a
 * 4xx/5xx (every documented error shape), a MalformedResponseError for a 2xx that is not JSON
 * (its raw text kept, never shown: a cut-off answer may still name what was created). A 3xx is
 * the transport's business (http.ts answers it before asking here).
 */
export function readResponse<T>(raw: RawAnswer): ApiResponse<T> | ApiError {
  const { provider, status, headers } = raw;
  const text = raw.scrub ? raw.scrub(raw.text) : raw.text;
  let body: unknown;
  let parsed = true;
  if (text.trim().length > 0) {
    try {
      // Bounded nesting: every later walk over the answer is then safe (./depth.ts).
      body = clampDepth(JSON.parse(text)).value;
      // A key spelled with JSON escapes (\u0061..., \/) survives the raw-text scrub; its parsed string does not.
      if (raw.scrub && (raw.scrubEscapes ? raw.scrubEscapes(text) : text.includes('\\'))) body = scrubLeaves(body, raw.scrub);
    } catch {
      parsed = false;
      body = text;
    }
  }
  if (status >= 200 && status < 300) {
    if (!parsed)
      return new MalformedResponseError({
        provider,
        status,
        message: `${raw.what}: the body is not valid JSON`,
        requestId: headers['x-request-id'],
        body: text,
      });
    return { status, headers, body: body as T };
  }
  return ApiError.generate(provider, status, body, headers);
}
