/** Turn any failure into one sentence for the user, with no secret in it. */
import { ApiError } from '../platform/errors';
import { isTransientSheetsError } from '../platform/sheets-retry';

/** The message the sidebar, a toast or a job shows. */
export function toUserMessage(e: unknown): string {
  if (e instanceof ApiError) return e.userMessage();
  if (e instanceof Error) {
    const m = e.message.toLowerCase();
    if (m.includes('exceeded maximum execution time')) return 'This took longer than Apps Script allows; open jobs continue at the next run.';
    if (m.includes('too many times for one day')) return 'The daily Google quota for this account is used up; jobs continue tomorrow.';
    if (isTransientSheetsError(e)) return 'Google Sheets did not answer (a temporary Google error); nothing was lost. Try again in a moment.';
    if (m.includes('authorization is required')) return 'The add-on needs your permission first: open it from the Extensions menu once.';
    return e.message;
  }
  return String(e);
}

/**
 * The message for an action the user waits for in the sidebar: a wait longer than the action may
 * sleep is answered at once with "<Provider> asks to wait until 14:05 (zone); try again then."
 * (a job that met the same wait says it resumes by itself, from toUserMessage).
 */
export function toActionMessage(e: unknown): string {
  return (e instanceof ApiError ? e.waitMessage() : undefined) ?? toUserMessage(e);
}
