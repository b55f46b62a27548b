/**
 * Sheet rows for the Openmart jobs: the source block read once, external_ids filled (written
 * back before anything is sent, or only previewed), rows turned into records. A job keeps the
 * source, mapping and options, never the rows: each run reads them again.
 */
import * as z from 'zod/mini';
import { ensureExternalIds, fillExternalIds } from '../sheet/external-ids';
import { guessMapping, type FieldSpec, type Mapping } from '../sheet/headers';
import { rowsToRecords, type RecordsResult } from '../sheet/records';
import { readSource, type Source, type SourceSpec } from '../sheet/source';

/** A source a job can read again (a selection is pinned to its A1 range first). */
export const PinnedSourceSchema = z.union([z.object({ sheetName: z.string() }), z.object({ a1: z.string() })]);
export type PinnedSource = z.infer<typeof PinnedSourceSchema>;

export interface SourceRows extends RecordsResult {
  block: Source;
  mapping: Mapping;
  /** Ids generated (and written back, unless previewing). */
  idsGenerated: number;
}

/** A selection becomes a fixed A1 range, so a later run reads the same rows. */
export function pinSource(block: Source): PinnedSource {
  const sheetName = block.sheet.getName().replace(/'/g, "''");
  const cols = block.values.reduce((w, r) => Math.max(w, r.length), 0);
  const a1 = block.sheet.getRange(block.firstRow, block.firstColumn, block.values.length, Math.max(1, cols)).getA1Notation();
  return { a1: `'${sheetName}'!${a1}` };
}

/**
 * Read a source and its records. `write: true` writes missing external_ids into the sheet (one
 * setValues) before returning; `write: false` previews the ids the write would make.
 */
export function sourceRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, source: SourceSpec, given: Mapping | undefined, fields: readonly FieldSpec[], opts: { write: boolean }): SourceRows {
  const block = readSource(ss, source);
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
