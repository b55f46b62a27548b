/** A request builder for gu1 simulator tests and the playground (what UrlFetchApp would hand over). */
import type { SimRequest } from '../types';
import { ENRICH_PATH, GU1_BASE_URL } from './index';

/** Build a POST to the enrichment route with a JSON body (or a raw `body`). */
export function gu1Request(
  o: { key?: string | null; json?: unknown; body?: string; now?: number; method?: SimRequest['method']; path?: string } = {},
): SimRequest {
  const path = o.path ?? ENRICH_PATH;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.key !== null) headers['authorization'] = `Bearer ${o.key ?? 'gk_sandbox_test_key'}`;
  const body = o.json !== undefined ? JSON.stringify(o.json) : o.body;
  return { method: o.method ?? 'POST', url: `${GU1_BASE_URL}${path}`, path, query: {}, headers, body, now: o.now ?? 0 };
}
