/**
 * "Submit again?": a submit whose kind, title and rows equal a job started in the last 24 hours
 * asks first (a second order or batch would be billed again, and two jobs with the same title
 * cannot be told apart). The job keeps a digest of what it sends, never the rows themselves.
 */
import type { Job } from '../jobs/model';
import { UserInputError } from './input';

/** How long an identical submit is treated as a probable repeat. */
export const REPEAT_WINDOW_MS = 24 * 3_600_000;

/** The answer that asks; the sidebar shows it in a confirmation and sends `again: true` on yes. */
export class RepeatSubmitError extends UserInputError {
  constructor(message: string) {
    super(message);
    this.name = 'RepeatSubmitError';
  }
}

/** The digest of a submit: its kind, title and the rows (or form) it sends. */
export function submitDigest(sha256: (text: string) => string, kind: string, title: string, rows: unknown): string {
  return sha256(JSON.stringify([kind, title.trim(), rows])).slice(0, 32);
}

/** Whether the sidebar said "submit again" (`again: true` beside any submit's input). */
export function againOf(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as Record<string, unknown>)['again'] === true;
}

/** Throw RepeatSubmitError when `digest` matches a job started within the window (unless `again`). */
export function assertNotRepeat(jobs: readonly Job[], digest: string, title: string, now: number, again: boolean, clockText: (ms: number) => string): void {
  if (again) return;
  const same = jobs.filter((j) => j.digest === digest && now - j.createdAt < REPEAT_WINDOW_MS).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!same) return;
  throw new RepeatSubmitError(
    `Submit again? A job "${title}" with the same rows was started at ${clockText(same.createdAt)}, less than 24 hours ago (it is ${same.state}). Submitting again sends them a second time, and the provider may bill them again. Confirm to submit again, or change the title or the rows.`,
  );
}

/** The input without its `again` flag (for forms checked field by field). */
export function withoutAgain(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('again' in input)) return input;
  const { again: _again, ...rest } = input as Record<string, unknown>;
  return rest;
}
