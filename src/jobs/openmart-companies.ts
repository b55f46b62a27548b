/**
 * The company a People row belongs to, written beside its `external_id`: Openmart's task results
 * carry only the tracking id, so the name comes from the job's source rows, read again without
 * writing anything (the company name column, else the domain). A source that cannot be read (a
 * deleted sheet) leaves the column empty rather than failing the fetch; a passing Sheets failure is retried.
 */
import type { Row } from '../providers/openmart/result-rows';
import { normalizeHeader } from '../sheet/headers';
import { SOURCE_ROW_LIMITS } from '../sheet/limits';
import { readSource } from '../sheet/source';
import { cellText } from '../sheet/cells';
import { isTransientSheetsError } from '../platform/sheets-retry';
import type { JobEnv } from './handler';
import type { OmBatchesData } from './openmart-batch-data';

/** external_id -> company name (or domain) of the job's source rows; empty when unreadable. */
export function companyNames(env: Pick<JobEnv, 'spreadsheet'>, data: Pick<OmBatchesData, 'source' | 'mapping'>): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const block = readSource(env.spreadsheet, data.source, SOURCE_ROW_LIMITS.openmart);
    // The id column was written at submit: mapped, or headed external_id (sheet/external-ids.ts).
    const idCol = data.mapping['external_id'] ?? block.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader('external_id'));
    const nameCol = data.mapping['company_name'] ?? data.mapping['domain'];
    if (idCol < 0 || nameCol === undefined) return out;
    for (const row of block.values.slice(block.headerRowIndex + 1)) {
      const id = cellText(row[idCol]);
      const name = cellText(row[nameCol]);
      if (id !== '' && name !== '') out.set(id, name);
    }
  } catch (e) {
    // A passing Sheets failure is left to the poller (retried, else the next run), so the names come back;
    // a source that is gone for good leaves the column empty: cosmetic only, the results are still written.
    if (isTransientSheetsError(e)) throw e;
  }
  return out;
}

/** The rows with `company` set from their external_id (rows of other ids unchanged). */
export function withCompany(rows: readonly Row[], names: ReadonlyMap<string, string>): Row[] {
  return rows.map((r) => {
    const name = names.get(String(r['external_id'] ?? ''));
    return name === undefined ? r : { ...r, company: name };
  });
}
