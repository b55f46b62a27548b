/**
 * The company a People row belongs to, written beside its `external_id`: Openmart's task results
 * carry only the tracking id, so the name comes from the job's source rows, read again without
 * writing anything (the company name column, else the domain). A source that cannot be read (a
 * deleted sheet) leaves the column empty rather than failing the fetch; a passing Sheets failure is retried.
 */
import type { Row } from '../providers/openmart/result-rows';
import { BATCH_FIELDS } from '../providers/openmart/fields';
import { isTransientSheetsError } from '../platform/sheets-retry';
import type { JobEnv } from './handler';
import type { OmBatchesData } from './openmart-batch-data';
import { readOpenmartRows } from './openmart-source';

/** external_id -> company name (or domain) of the job's source rows; empty when unreadable. */
export function companyNames(env: Pick<JobEnv, 'spreadsheet'>, data: Pick<OmBatchesData, 'op' | 'source' | 'mapping' | 'mappingHeaders'>): Map<string, string> {
  const out = new Map<string, string>();
  try {
    // Through the one reader: the id column was written at submit (mapped, or headed external_id), moved columns are found by header.
    const read = readOpenmartRows(env.spreadsheet, data.source, { columns: data.mapping, headers: data.mappingHeaders }, BATCH_FIELDS[data.op]);
    const nameKey = read.mapping['company_name'] !== undefined ? 'company_name' : 'domain';
    for (const r of read.records) {
      const id = r.values['external_id'] ?? '';
      const name = r.values[nameKey] ?? '';
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
