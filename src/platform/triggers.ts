/**
 * Exactly one time-driven trigger for the poller per document. Add-ons may poll at most hourly; a
 * bound script may poll every few minutes: ask for the user's frequency, fall back to hourly.
 * Triggers belong to a user and a document: `getProjectTriggers()` lists the user's triggers of
 * every document where they use the add-on, so the poller finds its own with
 * `getUserTriggers(spreadsheet)` and never touches another document's (docs/PLATFORM.md).
 */
export type ScriptAppLike = Pick<GoogleAppsScript.Script.ScriptApp, 'getUserTriggers' | 'getProjectTriggers' | 'newTrigger' | 'deleteTrigger'>;
/** The document whose poll trigger is meant. */
export type TriggerDocument = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TriggerState {
  present: boolean;
  /** Minutes between runs we asked for and got. */
  everyMinutes?: number;
  /** Set when the platform refused the asked frequency and we fell back to hourly. */
  fellBackToHourly?: boolean;
  created?: boolean;
  /**
   * Set when Apps Script refused even an hourly trigger; `full` when the user already has the
   * limit's 20 triggers of this project (across every document), counted, not read from the text.
   */
  refused?: { full: boolean };
}

/** docs/PLATFORM.md: 20 triggers per user per script (an add-on's triggers in every document count). */
export const MAX_TRIGGERS_PER_USER = 20;

function pollTriggers(scriptApp: ScriptAppLike, doc: TriggerDocument, handler: string): GoogleAppsScript.Script.Trigger[] {
  return scriptApp.getUserTriggers(doc).filter((t) => t.getHandlerFunction() === handler);
}

/** Make sure one (and only one) time-driven trigger calls `handler`. */
export function ensurePollTrigger(scriptApp: ScriptAppLike, doc: TriggerDocument, handler: string, everyMinutes: number): TriggerState {
  const existing = pollTriggers(scriptApp, doc, handler);
  for (const extra of existing.slice(1)) scriptApp.deleteTrigger(extra);
  if (existing.length > 0) return { present: true, created: false };
  if (everyMinutes < 60) {
    try {
      scriptApp.newTrigger(handler).timeBased().everyMinutes(everyMinutes).create();
      return { present: true, created: true, everyMinutes };
    } catch {
      // Add-ons may not poll more often than hourly: fall through to hourly.
    }
  }
  try {
    scriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  } catch {
    // Google's text is in the user's language: decide by counting the user's triggers instead.
    return { present: false, created: false, refused: { full: projectTriggerCount(scriptApp) >= MAX_TRIGGERS_PER_USER } };
  }
  return { present: true, created: true, everyMinutes: 60, fellBackToHourly: everyMinutes < 60 };
}

function projectTriggerCount(scriptApp: ScriptAppLike): number {
  try {
    return scriptApp.getProjectTriggers().length;
  } catch {
    return 0;
  }
}

/** Remove the poll trigger (when no job is open). Returns how many were removed. */
export function removePollTrigger(scriptApp: ScriptAppLike, doc: TriggerDocument, handler: string): number {
  const existing = pollTriggers(scriptApp, doc, handler);
  for (const t of existing) scriptApp.deleteTrigger(t);
  return existing.length;
}

/** Whether a poll trigger exists. */
export function hasPollTrigger(scriptApp: ScriptAppLike, doc: TriggerDocument, handler: string): boolean {
  return pollTriggers(scriptApp, doc, handler).length > 0;
}
