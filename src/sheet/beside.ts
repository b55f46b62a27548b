/**
 * Writing next to the user's range (the deny-rule check result column, result columns): never over a cell holding
 * a formula or a value the add-on did not write. The add-on's own cells carry its note, so a
 * second check rewrites them; anything else makes the writer move right to the next column whose
 * cells are all free. Pure; the caller reads the block once (values, formulas, notes).
 */
import { cellText } from './cells';

/** A cell the add-on may write: empty, or its own earlier mark (its note, no formula). */
export function freeCell(value: unknown, formula: string, note: string, ownNote: string, ownValues: ReadonlySet<string>): boolean {
  if (formula !== '') return false;
  const text = cellText(value);
  if (note === ownNote) return ownValues.has(text);
  return text === '' && note === '';
}

/**
 * Pure: the 0-based offset (into the block read right of the range) of the first column whose
 * cells are all free; `width` (the column after the block) when none is.
 */
export function pickBesideColumn(
  block: { values: unknown[][]; formulas: string[][]; notes: string[][] },
  width: number,
  ownNote: string,
  ownValues: ReadonlySet<string>,
): number {
  return firstFreeRun(
    (c) => block.values.every((row, r) => freeCell(row[c], block.formulas[r]?.[c] ?? '', block.notes[r]?.[c] ?? '', ownNote, ownValues)),
    width,
    1,
  );
}

/**
 * Pure: the 0-based offset of the first run of `run` adjacent free columns in a block `width`
 * columns wide (columns past the block are empty, so free); `isFree(c)` judges one column.
 */
export function firstFreeRun(isFree: (c: number) => boolean, width: number, run: number): number {
  let start = 0;
  for (let c = 0; c < width && c < start + run; c++) {
    if (!isFree(c)) start = c + 1;
  }
  return start;
}
