/**
 * Error bodies as the document gives them: FastAPI-style `{"detail": "..."}` (auth, batches, deny
 * rules) and Go-validator style `{"error": "..."}` (records, enrich_company, brands).
 */
import { json, type SimResponse } from '../types';

export const detail = (status: number, text: string): SimResponse => json(status, { detail: text });
export const goError = (status: number, text: string): SimResponse => json(status, { error: text });
export const unauthorized = (): SimResponse => detail(401, 'Invalid API Key');
export const notFound = (): SimResponse => detail(404, 'Not Found');
export const methodNotAllowed = (): SimResponse => detail(405, 'Method Not Allowed');

/** Out of credits: 402 as documented, or the 429 the vendor's own client also maps to it. */
export function outOfCredits(status: 402 | 429): SimResponse {
  return detail(status, 'credit limit reached');
}

/** Parse a JSON body; undefined for a missing or empty body, the `SyntaxError` marker for bad JSON. */
export function parseJson(body: string | undefined): { ok: true; value: unknown } | { ok: false; empty: boolean } {
  if (body === undefined || body.trim() === '') return { ok: false, empty: true };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, empty: false };
  }
}

/** A plain object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
