/**
 * Sheet rows for the Openmart jobs: the source block read once, external_ids filled (written
 * back before anything is sent, or only previewed), rows turned into records. A job keeps the
 * source, mapping and options, never the rows: each run reads them again.
 */
import { ensureExternalIds, fillExternalIds } from '../sheet/external-ids';
import { guessMapping, type FieldSpec, type Mapping } from '../sheet/headers';
import { rowsToRecords, type RecordsResult } from '../sheet/records';
import { readSource, type Source, type SourceSpec } from '../sheet/source';
import { SOURCE_ROW_LIMITS } from '../sheet/limits';

export { PinnedSourceSchema, pinSource, type PinnedSource } from '../sheet/source';

export interface SourceRows extends RecordsResult {
  block: Source;
  mapping: Mapping;
  /** Ids generated (and written back, unless previewing). */
  idsGenerated: number;
}


/**
 * Read a source and its records. `write: true` writes missing external_ids into the sheet (one
 * setValues) before returning; `write: false` previews the ids the write would make.
 */
export function sourceRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, source: SourceSpec, given: Mapping | undefined, fields: readonly FieldSpec[], opts: { write: boolean }): SourceRows {
  const block = readSource(ss, source, SOURCE_ROW_LIMITS.openmart);
  const mapping = given ?? guessMapping(block.headers, fields);
  const recordOpts = { fields, firstRow: block.firstRow, timeZone: block.timeZone };
  if (opts.write) {
    const ids = ensureExternalIds(block, mapping);
    return { ...rowsToRecords(ids.values, block.headerRowIndex, ids.mapping, recordOpts), block, mapping, idsGenerated: ids.generated.length };
  }
  const idCol = mapping['external_id'];
  const data = block.values.slice(block.headerRowIndex + 1);
  const column = data.map((r) => (idCol === undefined ? '' : (r[idCol] ?? '')));
  const filled = fillExternalIds(column, data, block.sheet.getSheetId(), block.firstDataRow, idCol ?? -1);
  const width = block.values.reduce((w, r) => Math.max(w, r.length), 0);
  const at = idCol ?? width;
  const values = block.values.map((r, i) => {
    if (i <= block.headerRowIndex) return r;
    const row = r.slice();
    row[at] = filled.column[i - block.headerRowIndex - 1];
    return row;
  });
  return { ...rowsToRecords(values, block.headerRowIndex, { ...mapping, external_id: at }, recordOpts), block, mapping, idsGenerated: filled.changed.length };
}
