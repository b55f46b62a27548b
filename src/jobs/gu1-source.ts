/**
 * Source rows for gu1 runs, read through the one reader (sheet/read-rows.ts) within gu1's row
 * limit: the id column and the parameter columns, each found again by the header text it had
 * when the run was set up (a column inserted at A moves them; a header gone stops with a sentence).
 */
import { GU1_FIELDS, parameterKey, recordMapping } from '../providers/gu1/fields';
import { toGu1Records, type Gu1Records } from '../providers/gu1/records';
import { guessMapping, type Mapping } from '../sheet/headers';
import { SOURCE_ROW_LIMITS } from '../sheet/limits';
import type { MappingHeaders } from '../sheet/mapping-headers';
import { readRows, type RowsRead } from '../sheet/read-rows';
import type { SourceSpec } from '../sheet/source';

/** What a gu1 run maps: the id column (given, or guessed when absent) and the parameter columns, with their header texts. */
export interface Gu1Columns {
  mapping?: Mapping | undefined;
  parameterColumns: Readonly<Record<string, number>>;
  mappingHeaders?: MappingHeaders | undefined;
  parameterHeaders?: MappingHeaders | undefined;
}

/** The rows read once, the records, and the columns as found (by header) in this read. */
export interface Gu1Rows extends Gu1Records {
  read: RowsRead;
  mapping: Mapping;
  parameterColumns: Record<string, number>;
}

/** Read the source once and turn its rows into gu1 records. Throws SheetError sentences. */
export function readGu1Rows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, source: SourceSpec, cols: Gu1Columns): Gu1Rows {
  const names = Object.keys(cols.parameterColumns);
  let mapping: Mapping = {};
  const columns = (headers: readonly string[]): Mapping =>
    recordMapping((mapping = cols.mapping ?? guessMapping([...headers], GU1_FIELDS)), cols.parameterColumns);
  const headers: MappingHeaders = {
    ...cols.mappingHeaders,
    ...Object.fromEntries(Object.entries(cols.parameterHeaders ?? {}).map(([n, h]) => [parameterKey(n), h])),
  };
  const read = readRows(ss, source, { columns, headers }, GU1_FIELDS, { maxRows: SOURCE_ROW_LIMITS.gu1, ids: 'keep' });
  const resolved = { ...mapping };
  for (const [key, col] of Object.entries(read.mapping)) if (key in mapping) resolved[key] = col;
  const parameterColumns = Object.fromEntries(names.map((n) => [n, read.mapping[parameterKey(n)] ?? cols.parameterColumns[n] ?? -1]));
  return { ...toGu1Records(read), read, mapping: resolved, parameterColumns };
}
