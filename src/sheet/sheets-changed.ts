/**
 * Values Sheets changed before the add-on read them, pure: a phone typed as `+49 30 1234567`
 * became a formula showing `#ERROR!` (the typed text is still in the formula: read back when it
 * is a phone number), and `0001234` typed into an ID column became the number 1234 (named in the
 * preview with what to do). The source reader repairs the phones; the preview names both.
 */
import { cellText } from './cells';
import type { Source } from './source';

/** A cell whose shown value was replaced by what the user typed. */
export interface TypedBack {
  /** 0-based row and column in the block. */
  row: number;
  col: number;
  typed: string;
}

const PHONE_FORMULA = /^=\s*(\+[\d\s()./-]{5,})$/;

/** The phone number a broken formula holds (`=+49 30 1234567` -> `+49 30 1234567`), or null. */
export function typedPhone(formula: string): string | null {
  const m = PHONE_FORMULA.exec(formula.trim());
  return m && (m[1]?.match(/\d/g) ?? []).length >= 5 ? (m[1] ?? '').trim() : null;
}

/** True when some cell shows `#ERROR!` (then the reader reads formulas once). */
export function hasErrorCells(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.some((v) => v === '#ERROR!'));
}

/** Pure: `values` with each `#ERROR!` cell whose formula is a typed phone number replaced by it. */
export function readPhonesBack(values: unknown[][], formulas: readonly (readonly string[])[]): { values: unknown[][]; typedBack: TypedBack[] } {
  const typedBack: TypedBack[] = [];
  const out = values.map((row, r) =>
    row.map((v, c) => {
      if (v !== '#ERROR!') return v;
      const typed = typedPhone(formulas[r]?.[c] ?? '');
      if (typed === null) return v;
      typedBack.push({ row: r, col: c, typed });
      return typed;
    }),
  );
  return { values: out, typedBack };
}

/**
 * Pure: rows of an ID column where a number lost its leading zeros, judged by the column's text
 * ids: when some are zero-led digit strings of one length, a shorter number is that id without its
 * zeros. Returns the typed guess per 0-based row.
 */
export function lostZeros(raw: readonly (readonly unknown[])[], col: number, firstDataIndex: number): Array<{ row: number; stored: string; typed: string }> {
  const cells = raw.slice(firstDataIndex).map((r) => r[col]);
  const lengths = new Set(cells.filter((v): v is string => typeof v === 'string' && /^0\d+$/.test(v.trim())).map((v) => v.trim().length));
  if (lengths.size !== 1) return [];
  const len = [...lengths][0] ?? 0;
  const out: Array<{ row: number; stored: string; typed: string }> = [];
  cells.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return;
    const stored = cellText(v);
    if (stored.length < len) out.push({ row: firstDataIndex + i, stored, typed: stored.padStart(len, '0') });
  });
  return out;
}

/** Up to five row numbers, then "and N more". */
function rowList(rows: readonly number[]): string {
  const head = rows.slice(0, 5).join(', ');
  return rows.length > 5 ? `${head} and ${rows.length - 5} more` : head;
}

/** The preview's sentences for the values Sheets changed (row numbers are sheet rows). */
export function sheetsChangedHints(
  zeros: ReadonlyArray<{ rowNumber: number; stored: string; typed: string }>,
  phones: ReadonlyArray<{ rowNumber: number; typed: string }>,
  brokenPhones: readonly number[],
  withoutPhone = false,
): string[] {
  const hints: string[] = [];
  if (zeros.length > 0) {
    const z = zeros[0];
    hints.push(
      `Row${zeros.length > 1 ? 's' : ''} ${rowList(zeros.map((x) => x.rowNumber))}: Sheets stored ${z?.typed} as ${z?.stored}${zeros.length > 1 ? ' (and the like)' : ''}; format the column as plain text and type ${zeros.length > 1 ? 'them' : 'it'} again.`,
    );
  }
  if (phones.length > 0) {
    hints.push(
      `Row${phones.length > 1 ? 's' : ''} ${rowList(phones.map((x) => x.rowNumber))}: Sheets shows #ERROR! for a phone typed as ${phones[0]?.typed}; the typed number is read back and sent. Format the column as plain text to keep such numbers.`,
    );
  }
  if (brokenPhones.length > 0) {
    const rows = brokenPhones.length > 1 ? 'these rows' : 'this row';
    hints.push(
      withoutPhone
        ? `Row${brokenPhones.length > 1 ? 's' : ''} ${rowList(brokenPhones)}: the phone cell shows #ERROR!; ${rows} ${brokenPhones.length > 1 ? 'are' : 'is'} sent without the phone.`
        : `Row${brokenPhones.length > 1 ? 's' : ''} ${rowList(brokenPhones)}: the phone cell shows #ERROR!; "${SEND_WITHOUT_PHONE}" sends ${rows} without the phone, or fix the cell${brokenPhones.length > 1 ? 's' : ''}.`,
    );
  }
  return hints;
}

/** The preview's offer for rows whose phone cell shows #ERROR! (the sidebar's button says the same). */
export const SEND_WITHOUT_PHONE = 'Send without the phone';

/** Pure: 0-based block rows below the header whose phone cell shows #ERROR! (no phone number could be read back). */
export function brokenPhoneIndexes(block: Pick<Source, 'values' | 'headerRowIndex'>, phoneCol: number | undefined): number[] {
  if (phoneCol === undefined) return [];
  return block.values.flatMap((r, i) => (i > block.headerRowIndex && r[phoneCol] === '#ERROR!' ? [i] : []));
}

/**
 * Pure: the block with those phone cells empty, so their rows go out without the phone and every
 * other cell as it was (what "Send without the phone" sends).
 */
export function withoutBrokenPhones<T extends Pick<Source, 'values' | 'headerRowIndex'>>(block: T, phoneCol: number | undefined): T {
  const broken = new Set(brokenPhoneIndexes(block, phoneCol));
  if (broken.size === 0 || phoneCol === undefined) return block;
  return { ...block, values: block.values.map((r, i) => (broken.has(i) ? r.map((v, c) => (c === phoneCol ? '' : v)) : r)) };
}

/** The preview's sentences for a source block: lost zeros in the id column, phones read back or broken. */
export function sourceChangedHints(
  block: Pick<Source, 'raw' | 'values' | 'typedBack' | 'firstRow' | 'headerRowIndex'>,
  mapping: Readonly<Record<string, number | undefined>>,
  withoutPhone = false,
  idKey = 'external_id',
  phoneKey = 'phone',
): string[] {
  const idCol = mapping[idKey];
  const phoneCol = mapping[phoneKey];
  const zeros = idCol === undefined ? [] : lostZeros(block.raw, idCol, block.headerRowIndex + 1).map((z) => ({ ...z, rowNumber: block.firstRow + z.row }));
  const phones = block.typedBack.filter((t) => t.col === phoneCol).map((t) => ({ rowNumber: block.firstRow + t.row, typed: t.typed }));
  const broken = brokenPhoneIndexes(block, phoneCol).map((i) => block.firstRow + i);
  return sheetsChangedHints(zeros, phones, broken, withoutPhone);
}
