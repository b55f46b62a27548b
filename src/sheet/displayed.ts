/**
 * Booleans and numbers are sent as the sheet displays them: a cell showing TRUE goes out as
 * "TRUE" (not "true"), `0.5` formatted as a percent as "50%", `1234` formatted `0000000` as
 * "0001234". The one exception is a number Sheets shows in E notation (`1.23457E+16`): that text
 * lost digits the value still has, so the value's digits go out. Dates stay values (ISO text,
 * see cells.ts `dateText`). Pure; the source reader calls `getDisplayValues` only when the block
 * holds a boolean or a number.
 */

/** True when the block holds a cell whose text depends on its display (a boolean or a number). */
export function needsDisplay(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.some((v) => typeof v === 'boolean' || typeof v === 'number'));
}

const E_NOTATION = /^-?\d(?:\.\d+)?E[+-]\d+$/i;

/** Pure: `values` with every boolean and number replaced by the text the sheet shows for it. */
export function asDisplayed(values: unknown[][], displays: readonly (readonly string[])[]): unknown[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      if (typeof v !== 'boolean' && typeof v !== 'number') return v;
      const shown = displays[r]?.[c];
      if (shown === undefined || shown.trim() === '' || (typeof v === 'number' && E_NOTATION.test(shown.trim()))) return v;
      return shown.trim();
    }),
  );
}
