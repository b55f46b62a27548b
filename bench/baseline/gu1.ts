/**
 * The naive gu1 run: one `UrlFetchApp.fetch` per row (both codes in one request, as the API
 * allows), one after the other, and one `appendRow` per result. No cache, no checkpoint.
 */
import type { GasServices } from '../../emulator';

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

/** Enrich every row and append one row per (external_id, integration code). */
export function naiveGu1(o: NaiveGu1): void {
  const sheet = o.gas.SpreadsheetApp.getActiveSpreadsheet().insertSheet(o.tab);
  sheet.appendRow(['external_id', 'integration_code', 'success', 'cost_cents', 'error_code', 'data']);
  for (const externalId of o.externalIds) {
    const res = o.gas.UrlFetchApp.fetch(`${o.baseUrl}${PATH}`, {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: `Bearer ${o.key}` },
      payload: JSON.stringify({ externalId, integrationCodes: o.integrationCodes }),
      muteHttpExceptions: true,
    });
    const body = JSON.parse(res.getContentText()) as { results?: Gu1Result[] };
    for (const r of body.results ?? []) {
      sheet.appendRow([externalId, r.integrationCode ?? '', r.success === true, r.costCents ?? 0, r.error?.code ?? '', JSON.stringify(r.result?.enrichmentData ?? null).slice(0, 50_000)]);
    }
  }
}
