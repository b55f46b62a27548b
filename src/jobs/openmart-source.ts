/**
 * Source rows for the Openmart jobs, read through the one reader (sheet/read-rows.ts) within
 * Openmart's row limit. A job keeps the source, the mapping (with each column's header text) and
 * its options, never the rows: a later run reads them again, finding moved columns by header.
 */
import type { FieldSpec } from '../sheet/headers';
import { SOURCE_ROW_LIMITS } from '../sheet/limits';
import { readRows, writeIds, type MappingSpec, type RowsRead } from '../sheet/read-rows';
import type { SourceSpec } from '../sheet/source';

/** Read the rows once, ids previewed (nothing written). */
export function readOpenmartRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  source: SourceSpec,
  mapping: MappingSpec,
  fields: readonly FieldSpec[],
): RowsRead {
  return readRows(ss, source, mapping, fields, { maxRows: SOURCE_ROW_LIMITS.openmart, ids: 'generate' });
}

/** A run's rows: read once and ids written back (they were at submission: nothing new is written then). */
export function runRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, source: SourceSpec, mapping: MappingSpec, fields: readonly FieldSpec[]): RowsRead {
  return writeIds(readOpenmartRows(ss, source, mapping, fields));
}
