/**
 * Deny rules (`POST /api/v2/deny-rules`, `POST /api/v2/deny-rules/check`, `DELETE
 * /api/v2/deny-rules` with a JSON body): emails or phones suppressed from later enrichment
 * output. Free and safe to replay (`free` in the billing table), so retried after a lost answer.
 */
import type { Http } from '../../platform/http-types';
import { explained } from './errors';
import { parseAnswer } from '../../platform/response';
import { DenyCheckSchema, PATHS } from './schemas';

export type DenyType = 'email' | 'phone';

/** Values per call: the API documents no cap; this keeps bodies small. */
export const DENY_CHUNK = 500;

function chunks(values: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < values.length; i += DENY_CHUNK) out.push(values.slice(i, i + DENY_CHUNK));
  return out;
}

function call(http: Http, method: 'post' | 'delete', path: string, type: DenyType, values: string[]): unknown {
  return explained(() => http.request<unknown>({ method, path, json: { type, values } }).body);
}

/** Add rules; returns how many values were sent. */
export function addDenyRules(http: Http, type: DenyType, values: readonly string[]): number {
  for (const part of chunks(values)) call(http, 'post', PATHS.denyRules, type, part);
  return values.length;
}

/** Remove rules (values without a rule are ignored by the API). */
export function removeDenyRules(http: Http, type: DenyType, values: readonly string[]): number {
  for (const part of chunks(values)) call(http, 'delete', PATHS.denyRules, type, part);
  return values.length;
}

/** Whether each value is denied (the API answers one entry per value). */
export function checkDenyRules(http: Http, type: DenyType, values: readonly string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const part of chunks(values)) {
    const body = call(http, 'post', PATHS.denyCheck, type, part);
    const parsed = parseAnswer('openmart', DenyCheckSchema, { status: 200, headers: {}, body }, 'POST /api/v2/deny-rules/check');
    Object.assign(out, parsed.denied);
  }
  return out;
}
