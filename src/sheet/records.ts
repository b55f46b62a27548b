/**
 * Rows -> records, pure: the cells of each mapped column as trimmed strings, with every reason
 * a row cannot be sent (required field empty, a provider validator, a duplicate external_id).
 */
import { cellText } from './cells';
import { EXTERNAL_ID_KEY, type FieldSpec, type Mapping } from './headers';

/** One data row ready for a provider. */
export interface SheetRecord {
  /** 1-based sheet row, for messages and for writing back. */
  rowNumber: number;
  /** Field key -> non-empty trimmed text. Empty fields are absent, so bodies never carry `""`. */
  values: Record<string, string>;
}

/** A row that cannot be sent, with every reason found. */
export interface InvalidRow {
  rowNumber: number;
  /** Sentences such as `Row 7: company name is empty`. */
  reasons: string[];
}

/**
 * What `getValues` returns for a cell whose formula fails (`=VLOOKUP(...)` -> `#N/A`). Sent on,
 * it would become a company called `#REF!`: such a row is refused with the error named.
 */
const FORMULA_ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)$/;

/** What `rowsToRecords` found. */
export interface RecordsResult {
  records: SheetRecord[];
  invalid: InvalidRow[];
  /** Fully empty rows below the header, skipped without a message. */
  emptyRows: number;
}

/** Options of `rowsToRecords`. */
export interface RowsToRecordsOptions {
  /** The provider's fields: labels, `required`, validators. Mapped keys without a spec are still read. */
  fields: readonly FieldSpec[];
  /** The 1-based sheet row of `values[0]` (default 1, as for `getDataRange`). */
  firstRow?: number;
  /** The field whose values must be unique (default `external_id`); unmapped -> no check. */
  idKey?: string;
  /** The spreadsheet's time zone (`Source.timeZone`), so date cells read as the day they show. */
  timeZone?: string;
}

/**
 * Turn the rows below `headerRowIndex` into records. Cells become trimmed strings (a number cell
 * reads as written: a postal code typed as 01067 into a number cell is 1067 and stays `1067`;
 * dates become `yyyy-mm-dd`). Fully empty rows are skipped and counted. A row is invalid when a
 * required field is empty, a mapped cell shows a formula error (`#N/A`, `#REF!`, ...), a field's
 * validator objects, or its id already appeared on an earlier row (the earlier row stays valid,
 * so exactly one row per id is sent).
 */
export function rowsToRecords(values: readonly (readonly unknown[])[], headerRowIndex: number, mapping: Mapping, opts: RowsToRecordsOptions): RecordsResult {
  const firstRow = opts.firstRow ?? 1;
  const idKey = opts.idKey ?? EXTERNAL_ID_KEY;
  const specs = new Map(opts.fields.map((f) => [f.key, f]));
  const mapped = Object.entries(mapping).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= 0);
  // Required fields that are not mapped at all make every row invalid; say so per row like the rest.
  const unmappedRequired = opts.fields.filter((f) => f.required === true && mapping[f.key] === undefined);
  const seenIds = new Map<string, number>();
  const out: RecordsResult = { records: [], invalid: [], emptyRows: 0 };

  for (let i = headerRowIndex + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const rowNumber = firstRow + i;
    if (row.every((c) => cellText(c) === '')) {
      out.emptyRows++;
      continue;
    }
    const record: Record<string, string> = {};
    const reasons: string[] = [];
    for (const [key, col] of mapped) {
      const text = cellText(row[col], opts.timeZone);
      const spec = specs.get(key);
      if (text === '') {
        if (spec?.required === true) reasons.push(`Row ${rowNumber}: ${spec.label} is empty`);
        continue;
      }
      if (FORMULA_ERROR.test(text)) {
        reasons.push(`Row ${rowNumber}: ${spec?.label ?? key} shows the formula error ${text}; fix the formula or clear the cell`);
        continue;
      }
      record[key] = text;
      const problem = spec?.validate?.(text) ?? null;
      if (problem !== null) reasons.push(`Row ${rowNumber}: ${spec?.label ?? key} ${problem}`);
    }
    for (const f of unmappedRequired) reasons.push(`Row ${rowNumber}: ${f.label} is empty (no column is mapped to it)`);
    const id = record[idKey];
    if (id !== undefined) {
      const first = seenIds.get(id);
      if (first !== undefined) reasons.push(`Row ${rowNumber}: ${idKey} "${id}" is also used by row ${first}`);
      else seenIds.set(id, rowNumber);
    }
    if (reasons.length > 0) out.invalid.push({ rowNumber, reasons });
    else out.records.push({ rowNumber, values: record });
  }
  return out;
}
