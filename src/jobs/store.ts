/** Jobs in document properties, one key per job (each well under the 9 KB limit). */
import { JsonStore, type PropertyStore } from '../platform/store';
import { JobSchema, isOpen, type Job } from './model';

const PREFIX = 'job:';
/** Finished jobs kept for the Jobs view; older ones are forgotten (their tabs stay). */
const KEEP_FINISHED = 40;

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

  save(job: Job): void {
    this.store.set(PREFIX + job.id, JobSchema, job);
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
