/**
 * Transient Sheets failures (docs/PLATFORM.md, "Errors a script sees"): they happen in production and
 * pass on a later try. The texts, in Google's English; a test or the chaos suite makes a Sheets
 * call fail with one of them through an `onServiceCall` listener returning `{ fail: text }`.
 */
export type SheetsFaultKind = 'sheets-failed' | 'sheets-timeout' | 'server-error';
export const SHEETS_FAULT_KINDS: readonly SheetsFaultKind[] = ['sheets-failed', 'sheets-timeout', 'server-error'];

/** Google's text for a transient Sheets failure on the spreadsheet `documentId`. */
export function sheetsFaultText(kind: SheetsFaultKind, documentId: string): string {
  switch (kind) {
    case 'sheets-failed':
      return `Service Spreadsheets failed while accessing document with id ${documentId}.`;
    case 'sheets-timeout':
      return `Service Spreadsheets timed out while accessing document with id ${documentId}.`;
    case 'server-error':
      return "We're sorry, a server error occurred. Please wait a bit and try again.";
  }
}
