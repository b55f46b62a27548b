/**
 * Source rows -> gu1 records, with one `getValues`: used by the preview and, on every run, by the
 * job (which keeps only the source spec and the mapping, never the rows).
 */
import { EXTERNAL_ID_KEY, type Mapping } from '../../sheet/headers';
import { type InvalidRow, rowsToRecords } from '../../sheet/records';
import { readSource, type Source, type SourceSpec } from '../../sheet/source';
import { SOURCE_ROW_LIMITS } from '../../sheet/limits';
import { resolveByHeader, type MappingHeaders } from '../../sheet/mapping-headers';
import { GU1_FIELDS, recordMapping, recordParameters } from './fields';

/** One row to enrich. */
export interface Gu1Record {
  rowNumber: number;
  externalId: string;
  parameters: Record<string, string>;
}

export interface Gu1Records {
  block: Source;
  /** The mapping used (the one given, or the one guessed from the headers). */
  mapping: Mapping;
  records: Gu1Record[];
  invalid: InvalidRow[];
  emptyRows: number;
}

/**
 * Read the source and turn its rows into records; rows without an external_id are invalid.
 * `mapping` may be a function of the headers (a guess), so the source is read only once.
 */
export function loadGu1Records(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  source: SourceSpec,
  mappingOrGuess: Mapping | ((headers: string[]) => Mapping),
  columns: Readonly<Record<string, number>>,
  byHeader: { mapping?: MappingHeaders | undefined; parameters?: MappingHeaders | undefined } = {},
): Gu1Records {
  const block = readSource(ss, source, SOURCE_ROW_LIMITS.gu1);
  const guessed = typeof mappingOrGuess === 'function' ? mappingOrGuess(block.headers) : mappingOrGuess;
  // A run finds its columns again by their header text (a column inserted at A moves them).
  const mapping = resolved(guessed, byHeader.mapping, block.headers);
  const parameterColumns = resolved(columns, byHeader.parameters, block.headers);
  const read = rowsToRecords(block.values, block.headerRowIndex, recordMapping(mapping, parameterColumns), { fields: GU1_FIELDS, firstRow: block.firstRow, timeZone: block.timeZone });
  // gu1 finds entities by the id the user already has, so an empty id is never filled in.
  const invalid = read.invalid.map((r) => ({ ...r, reasons: r.reasons.map((t) => (/external_id is empty/.test(t) ? `${t}: gu1 finds entities by the id they have in gu1, so every row needs it` : t)) }));
  const records = read.records.map((r) => ({ rowNumber: r.rowNumber, externalId: r.values[EXTERNAL_ID_KEY] ?? '', parameters: recordParameters(r.values) }));
  return { block, mapping, records, invalid, emptyRows: read.emptyRows };
}

function resolved(mapping: Readonly<Record<string, number>>, stored: MappingHeaders | undefined, headers: string[]): Record<string, number> {
  const r = resolveByHeader(mapping, stored, headers);
  if ('problem' in r) throw new Error(r.problem);
  return r.mapping;
}
