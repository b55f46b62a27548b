/** ScriptApp's shapes as the test harness sees them: a trigger and the hooks to list, fire and disable triggers. */

export type TriggerEvent = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

/** A trigger as the test harness sees it. */
export interface TriggerInfo {
  id: string;
  handlerFunction: string;
  eventType: TriggerEvent;
  source: 'CLOCK' | 'SPREADSHEETS';
  user: string;
  documentId: string;
  /** Repeat period in ms (null for one-off and spreadsheet triggers). */
  everyMs: number | null;
  createdAt: number;
  lastRunAt: number | null;
  /** Next virtual time it fires (null: spreadsheet trigger, or a one-off that already ran). */
  nextRunAt: number | null;
  schedule: Record<string, number | string>;
  /** Disabled by Apps Script without notice (docs/PLATFORM.md): still listed, never fires. */
  disabled?: boolean;
}

/** Test hooks: list triggers, find the due ones, record runs. */
export interface TriggerHooks {
  list(): TriggerInfo[];
  due(now?: number): TriggerInfo[];
  markRan(id: string, at?: number): void;
  /**
   * A time-driven trigger the user (default: the current one) created in another document where
   * they use the add-on (this emulator hosts one document): it shows in their
   * `getProjectTriggers()` but not in `getUserTriggers(thisSpreadsheet)`. Returns its id.
   */
  givenInOtherDocument(documentId: string, handlerFunction: string, everyMs: number, user?: string): string;
  /** Apps Script disables a trigger without notice (docs/PLATFORM.md): it stays listed and never fires again. */
  disable(id: string): void;
}
