/**
 * `GET /api/v1/business_records/list/openmart_id` and `.../google_place_id`: GETs that need a
 * JSON array body of 1-100 ids. A missing body is a JSON bind failure (422), which is what a
 * client that drops GET bodies gets. Unknown ids are omitted; 1 credit per returned row.
 */
import { json, type SimResponse } from '../types';
import { bill, canPay } from './credits';
import { goError, outOfCredits, parseJson } from './errors';
import type { SimState } from './model';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Serve one records request. */
export function records(state: SimState, kind: 'openmart_id' | 'google_place_id', raw: string | undefined): SimResponse {
  const parsed = parseJson(raw);
  if (!parsed.ok) {
    if (parsed.empty) state.counts.getWithoutBody++;
    return goError(422, parsed.empty ? 'invalid request body: EOF' : 'invalid request body: invalid character');
  }
  const ids = parsed.value;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) return goError(422, 'json: cannot unmarshal into Go value of type []string');
  if (ids.length < 1 || ids.length > 100) return goError(422, 'the number of ids should be between 1 and 100');
  let wanted = ids as string[];
  if (kind === 'openmart_id') {
    wanted = wanted.filter((id) => UUID.test(id));
    if (wanted.length === 0) return goError(422, 'no valid UUIDs provided');
  }
  const out: Record<string, unknown> = {};
  for (const id of wanted) {
    const b = kind === 'openmart_id' ? state.byId.get(id.toLowerCase()) : state.byPlace.get(id);
    if (b) out[id] = b.content;
  }
  const cost = Object.keys(out).length;
  if (!canPay(state, cost)) return outOfCredits(state.creditStatus);
  bill(state, cost);
  return json(200, out);
}
