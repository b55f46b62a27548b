/**
 * Transient Sheets failures (docs/PLATFORM.md, "Errors a script sees"): they happen in production and
 * pass on a later try. The texts, in the user's language (./fault-texts.ts); a test or the chaos
 * suite makes a Sheets call fail with one of them through an `onServiceCall` listener returning
 * `{ fail: text }`.
 */
import { faultText, type FaultLocale } from './fault-texts';

export type SheetsFaultKind = 'sheets-failed' | 'sheets-timeout' | 'server-error';
export const SHEETS_FAULT_KINDS: readonly SheetsFaultKind[] = ['sheets-failed', 'sheets-timeout', 'server-error'];

/** Google's text for a transient Sheets failure on the spreadsheet `documentId`, in the user's language. */
export function sheetsFaultText(kind: SheetsFaultKind, documentId: string, locale: FaultLocale = 'en'): string {
  return faultText(kind, locale, documentId);
}
