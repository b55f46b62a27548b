/**
 * Rows read from the sheet (sheet/read-rows.ts) -> gu1 records, pure: the external_id gu1 knows
 * each entity by and the parameters from their columns. A provider never reads the sheet.
 */
import { EXTERNAL_ID_KEY } from '../../sheet/headers';
import type { InvalidRow, RecordsResult } from '../../sheet/records';
import { recordParameters } from './fields';

/** One row to enrich. */
export interface Gu1Record {
  rowNumber: number;
  externalId: string;
  parameters: Record<string, string>;
}

/** The records, and the rows refused with their reasons (rows without an external_id among them). */
export interface Gu1Records {
  records: Gu1Record[];
  invalid: InvalidRow[];
  emptyRows: number;
}

/** Pure: gu1 records from read rows; an empty id is never filled in (gu1 finds entities by the id the user has). */
export function toGu1Records(read: RecordsResult): Gu1Records {
  const invalid = read.invalid.map((r) => ({
    ...r,
    reasons: r.reasons.map((t) => (/external_id is empty/.test(t) ? `${t}: gu1 finds entities by the id they have in gu1, so every row needs it` : t)),
  }));
  const records = read.records.map((r) => ({ rowNumber: r.rowNumber, externalId: r.values[EXTERNAL_ID_KEY] ?? '', parameters: recordParameters(r.values) }));
  return { records, invalid, emptyRows: read.emptyRows };
}
