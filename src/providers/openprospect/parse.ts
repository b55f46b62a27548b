/** Reading OpenProspect answers: a zod parse whose failure names the operation and the first bad path. */
import type * as z from 'zod/mini';
import { MalformedResponseError } from '../../platform/errors';
import type { ApiResponse } from '../../platform/http-types';

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** The minimal issue shape we read from zod (stable across zod v4 releases). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: unknown;
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

/** Render a dotted path (`items.3.prospects.0.id`), or `(body)` for the root. */
export function formatPath(path: PropertyKey[]): string {
  return path.length === 0 ? '(body)' : path.map(String).join('.');
}

/** One readable sentence for the first zod issue, naming its path. */
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
      return `${where}: unexpected value ${JSON.stringify(got)}`;
    case 'invalid_union':
      return `${where}: matches none of the accepted shapes`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/**
 * Validate a response body; on failure throw MalformedResponseError carrying the HTTP status,
 * the request id and a message that names the operation and the first bad path.
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, res: ApiResponse<unknown>, what: string): z.infer<S> {
  const r = schema.safeParse(res.body);
  if (r.success) return r.data as z.infer<S>;
  const first = r.error.issues[0] as Issue | undefined;
  const detail = first ? describeIssue(first, res.body) : 'does not match the documented shape';
  throw malformed(res, `${what}: ${detail}`);
}

/** A MalformedResponseError for `res` with the given message. */
export function malformed(res: ApiResponse<unknown>, message: string): MalformedResponseError {
  return new MalformedResponseError({
    provider: 'openprospect',
    status: res.status,
    code: 'MALFORMED_RESPONSE',
    message,
    requestId: res.headers['x-request-id'],
  });
}
