/**
 * The naive gu1 run: one `UrlFetchApp.fetch` per row (both codes in one request, as the API
 * allows), one after the other, and one `appendRow` per result. No cache, no checkpoint.
 */
import type { GasServices } from '../../emulator';
import { writeTab } from './openprospect';

export interface NaiveGu1 {
  gas: GasServices;
  /** e.g. https://api.gu1.ai */
  baseUrl: string;
  key: string;
  externalIds: readonly string[];
  integrationCodes: readonly string[];
  tab: string;
}

const PATH = '/integration-execution/marketplace/enrichment-by-external-id';

interface Gu1Result {
  integrationCode?: string;
  success?: boolean;
  costCents?: number;
  error?: { code?: string } | null;
  result?: { enrichmentData?: unknown } | null;
}

const HEADER = ['external_id', 'integration_code', 'success', 'cost_cents', 'error_code', 'data'];

/** One row's request, one fetch; its rows (one per integration code). */
function enrichRow(o: NaiveGu1, externalId: string): unknown[][] {
  const res = o.gas.UrlFetchApp.fetch(`${o.baseUrl}${PATH}`, {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: `Bearer ${o.key}` },
    payload: JSON.stringify({ externalId, integrationCodes: o.integrationCodes }),
    muteHttpExceptions: true,
  });
  const body = JSON.parse(res.getContentText()) as { results?: Gu1Result[] };
  return (body.results ?? []).map((r) => [
    externalId,
    r.integrationCode ?? '',
    r.success === true,
    r.costCents ?? 0,
    r.error?.code ?? '',
    JSON.stringify(r.result?.enrichmentData ?? null).slice(0, 50_000),
  ]);
}

/** Enrich every row and append one row per (external_id, integration code). */
export function naiveGu1(o: NaiveGu1): void {
  const sheet = o.gas.SpreadsheetApp.getActiveSpreadsheet().insertSheet(o.tab);
  sheet.appendRow(HEADER);
  for (const externalId of o.externalIds) for (const row of enrichRow(o, externalId)) sheet.appendRow(row);
}

/** The competent script (issue 16): the same sequential fetches, rows collected in memory, one setValues. */
export function competentGu1(o: NaiveGu1): void {
  writeTab(o.gas, o.tab, [HEADER, ...o.externalIds.flatMap((id) => enrichRow(o, id))]);
}
