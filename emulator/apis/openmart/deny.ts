/**
 * Deny rules per API key (`POST /api/v2/deny-rules`, `POST .../check`, `DELETE` with a JSON
 * body). Matching is literal after normalising: emails case-insensitive, phones by their digits.
 * Later task results drop denied emails and phones; a person left with no contact point is dropped.
 */
import { json, type SimResponse } from '../types';
import { detail, isRecord, parseJson } from './errors';
import type { SimState } from './model';

type RuleType = 'email' | 'phone';

/** The comparison form of a value. */
export function normalise(type: RuleType, value: string): string {
  return type === 'email' ? value.trim().toLowerCase() : value.replace(/[^\d]/g, '');
}

function rules(state: SimState, key: string): { email: Set<string>; phone: Set<string> } {
  let r = state.deny.get(key);
  if (!r) {
    r = { email: new Set(), phone: new Set() };
    state.deny.set(key, r);
  }
  return r;
}

function readBody(body: string | undefined): { type: RuleType; values: string[] } | SimResponse {
  const parsed = parseJson(body);
  if (!parsed.ok || !isRecord(parsed.value)) return detail(400, 'invalid request body');
  const { type, values } = parsed.value;
  if (type !== 'email' && type !== 'phone') return detail(400, 'Type must be one of [email phone]');
  if (!Array.isArray(values) || values.length === 0) return detail(400, 'Values is required');
  if (!values.every((v) => typeof v === 'string')) return detail(400, 'invalid request body');
  return { type, values: values as string[] };
}

/** Create, check or delete rules. */
export function denyRules(state: SimState, key: string, action: 'create' | 'check' | 'delete', body: string | undefined): SimResponse {
  const req = readBody(body);
  if ('status' in req) return req;
  const set = rules(state, key)[req.type];
  if (action === 'check') {
    const denied: Record<string, boolean> = {};
    for (const v of req.values) denied[v] = set.has(normalise(req.type, v));
    return json(200, { denied });
  }
  for (const v of req.values) {
    const n = normalise(req.type, v);
    if (n === '') continue;
    if (action === 'create') set.add(n);
    else set.delete(n);
  }
  return json(200, { status: 'success' });
}

/** Whether a value is denied for a key. */
export function isDenied(state: SimState, key: string, type: RuleType, value: string): boolean {
  return state.deny.get(key)?.[type].has(normalise(type, value)) ?? false;
}
