/**
 * OpenProspect's server time per request (issue 20: the simulator answered in 0 ms while Openmart
 * and gu1 simulate theirs). No figure is published; these are plausible for a FastAPI service over
 * a database, and grow with the data a request carries: refusals before any work 40 ms; reads
 * 120 ms plus 1 ms per 10 KB of answer (a 100-company results page with prospects is ~300 KB:
 * ~150 ms); writes 300 ms plus 1 ms per 10 KB of body (a 10,000-company order body ~2 MB: ~500 ms).
 */
import type { SimRequest, SimResponse } from '../types';

export function serverLatencyMs(req: SimRequest, res: SimResponse): number {
  if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 405 || res.status === 429) return 40;
  if (req.method === 'GET') return 120 + Math.round(res.body.length / 10_000);
  return 300 + Math.round((req.body?.length ?? 0) / 10_000);
}
