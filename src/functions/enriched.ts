/**
 * ENRICHED(external_id, field, [tab]): a value from a result tab, with no API call; a friendlier
 * VLOOKUP over the add-on's tabs. Reads each tab it needs once per call. Not cached: it costs
 * nothing, and a cached answer would hide rows a job has upserted since.
 *
 * `with_header` TRUE answers the field names above the values: the form "Add result columns"
 * writes into the header row of the user's sheet, so one formula fills a whole column and stays
 * put when the rows below it are sorted (see README "Results beside the rows").
 */
import type { CellValue } from '../sheet/cells';
import { FormulaError, argText, gridOf, isRange } from './args';
import type { FormulaEnv } from './env';

const FN = 'ENRICHED';

/** A result tab read whole: its normalised header and its first row per key. */
export interface TabIndex {
  name: string;
  header: string[];
  rows: Map<string, unknown[]>;
}

/** A header as ENRICHED compares it: lower case, spaces and dashes as `_`. */
export function norm(h: unknown): string {
  return argText(h)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The key column: `external_id`, else one that ends with it (`company_external_id`), else the first. */
export function keyColumn(header: readonly string[]): number {
  const exact = header.indexOf('external_id');
  if (exact >= 0) return exact;
  const suffix = header.findIndex((h) => h.endsWith('external_id'));
  return Math.max(suffix, 0);
}

/**
 * Read a result tab: with one getValues, or, when `fields` are named and the tab is wider than
 * they need, its header and then only the key column and those columns (bounded work per call:
 * a 40-column tab costs 3 narrow reads for one field, not 40 columns of cells).
 */
export function readTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, fields?: readonly string[]): TabIndex | undefined {
  const sheet = ss.getSheetByName(name);
  const lastRow = sheet?.getLastRow() ?? 0;
  const lastCol = sheet?.getLastColumn() ?? 0;
  if (!sheet || lastRow < 1 || lastCol < 1) return undefined;
  if (fields !== undefined && lastRow > 1 && lastCol > fields.length + 2) {
    const header = (sheet.getRange(1, 1, 1, lastCol).getValues()[0] ?? []).map(norm);
    const key = keyColumn(header);
    const cols = [...new Set([key, ...fields.map((f) => header.indexOf(norm(f))).filter((c) => c >= 0)])];
    const columns = cols.map((c) => sheet.getRange(2, c + 1, lastRow - 1, 1).getValues());
    const rows = new Map<string, unknown[]>();
    for (let i = 0; i < lastRow - 1; i++) {
      const k = argText(columns[0]?.[i]?.[0]);
      if (k === '' || rows.has(k)) continue;
      const row: unknown[] = [];
      cols.forEach((c, j) => {
        row[c] = columns[j]?.[i]?.[0];
      });
      rows.set(k, row);
    }
    return { name, header, rows };
  }
  const [head, ...data] = sheet.getDataRange().getValues();
  const header = (head ?? []).map(norm);
  const key = keyColumn(header);
  const rows = new Map<string, unknown[]>();
  for (const r of data) {
    const k = argText(r[key]);
    if (k !== '' && !rows.has(k)) rows.set(k, r);
  }
  return { name, header, rows };
}

/** The tabs to look in: the one named, or every job's result tabs (newest first), else tabs keyed by external_id. */
function candidateTabs(env: FormulaEnv, tab: string): string[] {
  if (tab !== '') return [tab];
  const fromJobs = env.resultTabs();
  if (fromJobs.length > 0) return fromJobs;
  return (
    env
      .spreadsheet()
      .getSheets()
      // One read per tab (its A1 header), only when no job has recorded its result tabs.
      .filter((s) => s.getLastRow() >= 1 && norm(s.getRange(1, 1, 1, 1).getValues()[0]?.[0]).endsWith('external_id'))
      .map((s) => s.getName())
  );
}

function toValue(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}

/**
 * Look up `field` (a header name, or a row of header names) for `externalId` (a value or a
 * range). One field and one id answer a value; a range of ids answers the same shape; several
 * fields answer one row per id.
 */
export function enriched(env: FormulaEnv, externalId: unknown, field: unknown, tab?: unknown, withHeader?: unknown): CellValue | CellValue[][] {
  const header = isRange(withHeader) ? withHeader.flat()[0] === true : withHeader === true;
  if (!header) return lookUp(env, externalId, field, tab);
  const fields = (isRange(field) ? field.flat() : [field]).map(argText).filter((f) => f !== '');
  const body = lookUp(env, isRange(externalId) ? externalId : [[externalId]], field, tab);
  const rows = Array.isArray(body) ? body : [[body]];
  const width = Math.max(fields.length, rows[0]?.length ?? 0);
  const top: CellValue[] = fields.length > 1 ? fields : [fields[0] ?? ''];
  return [[...top, ...new Array<CellValue>(width - top.length).fill('')], ...rows];
}

function lookUp(env: FormulaEnv, externalId: unknown, field: unknown, tab?: unknown): CellValue | CellValue[][] {
  const tabName = isRange(tab) ? argText(tab.flat()[0]) : argText(tab);
  const fields = (isRange(field) ? field.flat() : [field]).map(argText).filter((f) => f !== '');
  if (fields.length === 0) throw new FormulaError(`${FN}: name the column to read, e.g. =ENRICHED(A2, "email").`);
  const ids = gridOf(externalId);

  const names = candidateTabs(env, tabName);
  if (names.length === 0)
    throw new FormulaError(
      `${FN}: no result tabs yet. Run an enrichment from Extensions > Prospect Enrich > Open sidebar; its tabs appear when results arrive.`,
    );
  const tabs: TabIndex[] = [];
  for (const n of names) {
    const t = readTab(env.spreadsheet(), n, fields);
    if (t) tabs.push(t);
    else if (tabName !== '') throw new FormulaError(`${FN}: there is no tab "${tabName}" (or it is empty).`);
  }
  if (tabs.length === 0) throw new FormulaError(`${FN}: the result tabs are empty so far; results appear when the job delivers them.`);

  // Each field is read from every tab that has it, newest job first: an id takes the first row found.
  const sources = fields.map((f) => {
    const nf = norm(f);
    const found = tabs.flatMap((t) => {
      const col = t.header.indexOf(nf);
      return col >= 0 ? [{ tab: t, col }] : [];
    });
    if (found.length > 0) return found;
    const known = (tabs[0]?.header ?? [])
      .filter((h) => h !== '')
      .slice(0, 12)
      .join(', ');
    throw new FormulaError(`${FN}: no column "${f}" in ${tabs.map((t) => `"${t.name}"`).join(', ')}. Columns include: ${known}.`);
  });
  const lookup = (id: string, k: number): CellValue | undefined => {
    for (const s of sources[k] ?? []) {
      const row = s.tab.rows.get(id);
      if (row) return toValue(row[s.col]);
    }
    return undefined;
  };

  if (!ids.range && fields.length === 1) {
    const id = ids.values[0] ?? '';
    if (id === '') return '';
    const v = lookup(id, 0);
    if (v === undefined) throw new FormulaError(`${FN}: external_id "${id}" is not in ${(sources[0] ?? []).map((s) => `"${s.tab.name}"`).join(', ')} (yet).`);
    return v;
  }
  if (fields.length === 1) {
    const out: CellValue[][] = [];
    for (let i = 0; i < ids.rows; i++) out.push(ids.values.slice(i * ids.cols, (i + 1) * ids.cols).map((id) => (id === '' ? '' : (lookup(id, 0) ?? ''))));
    return out;
  }
  return ids.values.map((id) => fields.map((_, k) => (id === '' ? '' : (lookup(id, k) ?? ''))));
}
