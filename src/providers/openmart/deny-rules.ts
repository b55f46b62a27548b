/**
 * Deny rules (`POST /api/v2/deny-rules`, `POST /api/v2/deny-rules/check`, `DELETE
 * /api/v2/deny-rules` with a JSON body): emails or phones suppressed from later enrichment
 * output. Free and safe to replay (`free` in the billing table), so retried after a lost answer.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { send } from './errors';
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

/** The request adding (`add`), removing (`remove`) or checking (`check`) up to DENY_CHUNK values. */
export function denyRequest(op: 'add' | 'remove' | 'check', type: DenyType, values: readonly string[]): ApiRequest {
  const json = { type, values: [...values] };
  if (op === 'check') return { method: 'post', path: PATHS.denyCheck, json };
  if (op === 'remove') return { method: 'delete', path: PATHS.denyRules, json };
  return { method: 'post', path: PATHS.denyRules, json };
}

/** Read a check: whether each value is denied. */
export function readDenyCheck(res: ApiResponse<unknown>): Record<string, boolean> {
  return parseAnswer('openmart', DenyCheckSchema, res, 'POST /api/v2/deny-rules/check').denied;
}

/** Add rules; returns how many values were sent. */
export function addDenyRules(http: Http, type: DenyType, values: readonly string[]): number {
  for (const part of chunks(values)) send(http, denyRequest('add', type, part));
  return values.length;
}

/** Remove rules (values without a rule are ignored by the API). */
export function removeDenyRules(http: Http, type: DenyType, values: readonly string[]): number {
  for (const part of chunks(values)) send(http, denyRequest('remove', type, part));
  return values.length;
}

/** Whether each value is denied (the API answers one entry per value). */
export function checkDenyRules(http: Http, type: DenyType, values: readonly string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const part of chunks(values)) Object.assign(out, readDenyCheck(send(http, denyRequest('check', type, part))));
  return out;
}
