/**
 * Query-parameter parsing with FastAPI-style 422 issues (loc `['query', name]`).
 * Pagination: limit default 50, range 1-100; offset default 0, >= 0 (documented for /results;
 * applied to every list endpoint here, an undocumented but consistent choice).
 */
import type { SimRequest } from '../types';
import { type Issue, issue } from './issues';
import { LIMITS } from './model';
import { parseIsoMicros } from './time';

/** Parses an integer query parameter within bounds. */
export function intParam(req: SimRequest, name: string, def: number, min: number, max: number | null, issues: Issue[]): number {
  const raw = req.query[name];
  if (raw === undefined) return def;
  const loc = ['query', name];
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
    issues.push(issue.intParsing(loc, raw));
    return def;
  }
  const v = Number(raw.trim());
  if (v < min) issues.push(issue.greaterEqual(loc, raw, min));
  else if (max !== null && v > max) issues.push(issue.lessEqual(loc, raw, max));
  return v;
}

/** limit/offset of a paginated list. */
export function pageParams(req: SimRequest, issues: Issue[]): { limit: number; offset: number } {
  return {
    limit: intParam(req, 'limit', LIMITS.pageDefault, 1, LIMITS.pageMax, issues),
    offset: intParam(req, 'offset', 0, 0, null, issues),
  };
}

/** An optional ISO 8601 date-time query parameter, in microseconds. */
export function datetimeParam(req: SimRequest, name: string, issues: Issue[]): number | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  const v = parseIsoMicros(raw);
  if (v === null) issues.push(issue.datetimeParsing(['query', name], raw));
  return v;
}

/** The standard list envelope `{items, total, limit, offset, has_more}`. */
export function page<T>(all: readonly T[], limit: number, offset: number, key = 'items'): Record<string, unknown> {
  const items = all.slice(offset, offset + limit);
  return { [key]: items, total: all.length, limit, offset, has_more: offset + items.length < all.length };
}
