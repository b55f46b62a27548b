/** Jobs in document properties, one key per job (each well under the 9 KB limit). */
import { boundText } from '../platform/scrub';
import { JsonStore, PROPERTY_VALUE_LIMIT, utf8Length, type PropertyStore } from '../platform/store';
import { JobSchema, isOpen, type Job } from './model';

const PREFIX = 'job:';
/** Finished jobs kept for the Jobs view; older ones are forgotten (their tabs stay). */
const KEEP_FINISHED = 40;

/** Stored texts are cut to these lengths (with a marker): whatever a provider sends, a record stays small. */
export const TEXT_BOUNDS = { lastError: 500, line: 300, title: 200 } as const;

/**
 * The job as it may be stored: texts bounded, and history dropped oldest first until the
 * record fits the 9 KB property limit with room to spare (the kind's own `data` is its own bound).
 */
export function boundJob(job: Job): Job {
  const line = (t: string): string => boundText(t, TEXT_BOUNDS.line);
  let out: Job = {
    ...job,
    title: boundText(job.title, TEXT_BOUNDS.title),
    history: job.history.map((h) => ({ at: h.at, text: line(h.text) })),
    warnings: job.warnings.map(line),
  };
  if (job.lastError !== undefined) out.lastError = boundText(job.lastError, TEXT_BOUNDS.lastError);
  const size = (j: Job): number => utf8Length(PREFIX + j.id) + utf8Length(JSON.stringify(j));
  while (size(out) > PROPERTY_VALUE_LIMIT - 512 && out.history.length > 1) out = { ...out, history: out.history.slice(1) };
  if (size(out) > PROPERTY_VALUE_LIMIT - 512) out = { ...out, warnings: out.warnings.slice(-1) };
  return out;
}

/** A job could not be saved (the document's property store is full, or its record too large): a later run tries again. */
export class JobSaveError extends Error {
  constructor(cause: unknown) {
    super(
      `The job could not be saved (${cause instanceof Error ? cause.message : String(cause)}). Delete finished jobs or schedules you no longer need; the job continues once there is room.`,
    );
    this.name = 'JobSaveError';
  }
}

export class JobStore {
  private readonly store: JsonStore;

  constructor(docProps: PropertyStore) {
    this.store = new JsonStore(docProps);
  }

  get(id: string): Job | undefined {
    return this.store.get(PREFIX + id, JobSchema);
  }

  /** Every job that still parses; a damaged record is skipped rather than blocking the rest. */
  all(): Job[] {
    return this.store.getAll(PREFIX, JobSchema).sort((a, b) => a.createdAt - b.createdAt);
  }

  open(): Job[] {
    return this.all().filter(isOpen);
  }

  /** Save the job, its texts bounded; a failure (store full, data too large) throws JobSaveError. */
  save(job: Job): void {
    try {
      this.store.set(PREFIX + job.id, JobSchema, boundJob(job));
    } catch (e) {
      throw new JobSaveError(e);
    }
  }

  delete(id: string): void {
    this.store.delete(PREFIX + id);
  }

  /** Forget the oldest finished jobs beyond the limit. */
  prune(): number {
    const finished = this.all().filter((j) => !isOpen(j));
    const excess = finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED));
    for (const j of excess) this.delete(j.id);
    return excess.length;
  }
}
