/**
 * The naive OpenProspect result sync a first Apps Script would be: one `UrlFetchApp.fetch` per
 * request, sequential pages of 50, `appendRow` per company and per prospect, no cache, no
 * checkpoint. Cell values come from the add-on's own row mapping, so the tabs hold the same data;
 * only the way it talks to the services differs.
 */
import type { GasServices } from '../../emulator';
import { COMPANY_COLUMNS, PROSPECT_COLUMNS, companyRow, prospectRows } from '../../src/providers/openprospect/result-rows';
import type { ResultCompany } from '../../src/providers/openprospect/result-schemas';
import { toCell } from '../../src/sheet/cells';

export interface NaiveOpenProspect {
  gas: GasServices;
  /** e.g. https://api.openprospect.io/api/v1 */
  baseUrl: string;
  key: string;
  orderId: string;
}

const PAGE = 50;

function get<T>(o: NaiveOpenProspect, path: string): T {
  const res = o.gas.UrlFetchApp.fetch(`${o.baseUrl}${path}`, { headers: { Authorization: `Bearer ${o.key}` }, muteHttpExceptions: true });
  if (res.getResponseCode() !== 200) throw new Error(`HTTP ${res.getResponseCode()} for ${path}`);
  return JSON.parse(res.getContentText()) as T;
}

function cells(row: Record<string, unknown>, columns: readonly string[]): unknown[] {
  return columns.map((c) => toCell(row[c] ?? null));
}

/** Every page of the order's results, one fetch after the other, handed to `onItem`. */
function eachResult(o: NaiveOpenProspect, onItem: (item: ResultCompany) => void, pageSize = PAGE): void {
  for (let offset = 0; ; offset += pageSize) {
    const page = get<{ items: ResultCompany[]; has_more: boolean }>(o, `/orders/${o.orderId}/results?limit=${pageSize}&offset=${offset}`);
    for (const item of page.items) onItem(item);
    if (!page.has_more) return;
  }
}

/** Sync a COMPLETED order into two new tabs by appending row after row. */
export function naiveSync(o: NaiveOpenProspect, tabs: { companies: string; prospects: string }): void {
  const order = get<{ status: string }>(o, `/orders/${o.orderId}`);
  if (order.status !== 'COMPLETED') return;
  const ss = o.gas.SpreadsheetApp.getActiveSpreadsheet();
  const companies = ss.insertSheet(tabs.companies);
  const prospects = ss.insertSheet(tabs.prospects);
  companies.appendRow([...COMPANY_COLUMNS]);
  prospects.appendRow([...PROSPECT_COLUMNS]);
  eachResult(o, (item) => {
    companies.appendRow(cells(companyRow(item), COMPANY_COLUMNS));
    for (const p of prospectRows(item)) prospects.appendRow(cells(p, PROSPECT_COLUMNS));
  });
}

/**
 * The competent script (issue 16): still one sequential fetch per page, but pages of 100 (the
 * API's maximum), every row collected in memory and one `setValues` per tab at the end.
 */
export function competentSync(o: NaiveOpenProspect, tabs: { companies: string; prospects: string }): void {
  const order = get<{ status: string }>(o, `/orders/${o.orderId}`);
  if (order.status !== 'COMPLETED') return;
  const companies: unknown[][] = [[...COMPANY_COLUMNS]];
  const prospects: unknown[][] = [[...PROSPECT_COLUMNS]];
  eachResult(
    o,
    (item) => {
      companies.push(cells(companyRow(item), COMPANY_COLUMNS));
      for (const p of prospectRows(item)) prospects.push(cells(p, PROSPECT_COLUMNS));
    },
    100,
  );
  writeTab(o.gas, tabs.companies, companies);
  writeTab(o.gas, tabs.prospects, prospects);
}

/** A new tab holding `rows` (header first), written with one setValues. */
export function writeTab(gas: GasServices, name: string, rows: unknown[][]): void {
  const sheet = gas.SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => (r.length === width ? r : [...r, ...new Array<unknown>(width - r.length).fill('')]));
  // A new tab has 1,000 rows and 26 columns: grow it first, as a script must.
  if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
}

/**
 * Re-sync into the existing tabs: read each tab once, then for every result write its row in
 * place (`setValues` on that one row, changed or not) or append it when new.
 */
export function naiveUpsert(o: NaiveOpenProspect, tabs: { companies: string; prospects: string }): void {
  const ss = o.gas.SpreadsheetApp.getActiveSpreadsheet();
  const open = (name: string): { sheet: GoogleAppsScript.Spreadsheet.Sheet; rowOf: Map<string, number> } => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new Error(`no tab ${name}`);
    const values = sheet.getDataRange().getValues();
    return { sheet, rowOf: new Map(values.map((r, i) => [String(r[0]), i + 1])) };
  };
  const companies = open(tabs.companies);
  const prospects = open(tabs.prospects);
  const put = (tab: ReturnType<typeof open>, row: unknown[]): void => {
    const at = tab.rowOf.get(String(row[0]));
    if (at === undefined) tab.sheet.appendRow(row);
    else tab.sheet.getRange(at, 1, 1, row.length).setValues([row]);
  };
  eachResult(o, (item) => {
    put(companies, cells(companyRow(item), COMPANY_COLUMNS));
    for (const p of prospectRows(item)) put(prospects, cells(p, PROSPECT_COLUMNS));
  });
}
