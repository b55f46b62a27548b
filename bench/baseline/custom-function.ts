/**
 * The naive custom function: `=NAIVE_ENRICH(B2)` filled down a column, each cell its own
 * execution with one `UrlFetchApp.fetch` and no cache, so every recalculation pays again.
 */
import type { GasServices } from '../../emulator';

/** One cell: the business name Openmart's enrich_company returns for a website, or "". */
export function naiveEnrich(gas: GasServices, baseUrl: string, key: string, website: string): string {
  const res = gas.UrlFetchApp.fetch(`${baseUrl}/api/v1/enrich_company`, {
    method: 'post',
    contentType: 'application/json',
    headers: { 'X-API-Key': key },
    payload: JSON.stringify({ website, limit: 1 }),
    muteHttpExceptions: true,
  });
  const rows = JSON.parse(res.getContentText()) as Array<{ content?: { business_name?: string } }>;
  return rows[0]?.content?.business_name ?? '';
}
