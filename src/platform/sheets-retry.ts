/**
 * Transient Sheets failures (docs/PLATFORM.md): "Service Spreadsheets failed while accessing document
 * with id ...", "... timed out while accessing document ...", "We're sorry, a server error
 * occurred. Please wait a bit and try again." They pass on a later try. Apps Script errors carry
 * no code, so they are recognised by the service they name and Google's "try again" wording (the
 * service name "Spreadsheets" stays English in every language); a step that meets one is retried
 * a bounded number of times, then left for the next run, never failed.
 */

const TRANSIENT_SHEETS = [/Service Spreadsheets\b/i, /server error occurred/i, /wait a bit and try again/i];

/** The sentence a job shows when Sheets stayed unavailable through every try of a run. */
export const SHEETS_UNAVAILABLE = 'Google Sheets was briefly unavailable (a temporary Google error); the job continues at the next run by itself.';

/** Whether `e` is one of Google's transient Sheets failures (a plain Error, not one of ours). */
export function isTransientSheetsError(e: unknown): boolean {
  if (!(e instanceof Error) && !(typeof e === 'object' && e !== null && 'message' in e)) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  if (name !== undefined && name !== 'Error') return false;
  return typeof message === 'string' && TRANSIENT_SHEETS.some((re) => re.test(message));
}

/** Tries of one step in one run (the first plus two retries). */
export const SHEETS_TRIES = 3;
/** Pause before retry n (1-based): 1 s, then 2 s. */
export const sheetsRetryPauseMs = (n: number): number => 1_000 * n;

/**
 * Run `step(attempt)` and retry it after a transient Sheets failure, at most `SHEETS_TRIES` tries
 * in all and only while `canWait(pause)` allows the pause; any other error, or the last transient
 * one, is thrown. `step` must be safe to repeat (every job step is: see jobs/handler.ts).
 */
export function retryTransientSheets<T>(step: (attempt: number) => T, sleep: (ms: number) => void, canWait: (ms: number) => boolean): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return step(attempt);
    } catch (e) {
      const pause = sheetsRetryPauseMs(attempt);
      if (!isTransientSheetsError(e) || attempt >= SHEETS_TRIES || !canWait(pause)) throw e;
      sleep(pause);
    }
  }
}
