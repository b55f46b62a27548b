/**
 * Errors of the sheet layer: one class with a stable code (for the sidebar and tests) and a
 * sentence the user can act on. Codes never change; messages may.
 */

/** Stable codes for everything the sheet layer refuses to do. */
export type SheetErrorCode =
  | 'SHEET_NOT_FOUND'
  | 'HEADER_GONE'
  | 'SHEET_EMPTY'
  | 'NO_SELECTION'
  | 'SELECTION_ONE_ROW'
  | 'BAD_RANGE'
  | 'NO_HEADERS'
  | 'TAB_NOT_OURS'
  | 'TOO_MANY_ROWS'
  | 'BAD_SPEC';

/** A refusal of the sheet layer; `message` is the sentence shown to the user. */
export class SheetError extends Error {
  readonly code: SheetErrorCode;

  constructor(code: SheetErrorCode, message: string) {
    super(message);
    this.name = 'SheetError';
    this.code = code;
  }
}

/** True when `e` is a SheetError (optionally with the given code). */
export function isSheetError(e: unknown, code?: SheetErrorCode): e is SheetError {
  return e instanceof SheetError && (code === undefined || e.code === code);
}
