/**
 * The batch ledger of an Openmart batch job, in document properties beside the job record:
 * one entry per batch of 100 rows (state, batch id, fingerprint, progress, a short reason), 40
 * entries per property (at most about 7 KB, under the 9 KB limit), so 25,000 rows take 7
 * properties. Task ids are never stored: they are listed again from the API. Full reasons go to
 * the result tab, not here.
 */
import * as z from 'zod/mini';
import { JsonStore, type PropertyStore } from '../platform/store';
import { JobStopError } from './model';

export const BATCH_STATES = ['pending', 'sending', 'submitted', 'ready', 'done', 'unknown', 'rejected', 'skipped'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const EntrySchema = z.object({
  /** State. */
  s: z.enum(BATCH_STATES),
  /** Openmart batch id. */
  b: z.optional(z.string()),
  /** Tasks (rows) in the batch. */
  n: z.number(),
  /** Fingerprint of the batch's external ids. */
  h: z.string(),
  /** Listed tasks already written (position in the sorted COMPLETED, ERRORED, CANCELLED lists). */
  d: z.optional(z.number()),
  /** [completed, errored, cancelled] once the batch is ready. */
  c: z.optional(z.array(z.number())),
  /** Why a batch is unknown / rejected / skipped. */
  r: z.optional(z.string()),
});
export type Entry = z.infer<typeof EntrySchema>;

const PER_KEY = 40;
/** Reasons are cut so a full part stays under 9 KB. */
const REASON_CHARS = 60;
const ChunkSchema = z.array(EntrySchema);

/** The ledger of one job, loaded whole (at most a few properties) and saved by dirty chunk. */
export class BatchBook {
  private readonly dirty = new Set<number>();

  private constructor(
    private readonly store: JsonStore,
    private readonly jobId: string,
    readonly entries: Entry[],
  ) {}

  private static key(jobId: string, chunk: number): string {
    return `omb:${jobId}:${chunk}`;
  }

  /** A new ledger (written on the first save). */
  static create(props: PropertyStore, jobId: string, entries: Entry[]): BatchBook {
    const book = new BatchBook(new JsonStore(props), jobId, entries);
    for (let c = 0; c * PER_KEY < entries.length; c++) book.dirty.add(c);
    return book;
  }

  /** Load `count` entries; throws when a part is missing (the job's saved state is damaged). */
  static load(props: PropertyStore, jobId: string, count: number): BatchBook {
    const store = new JsonStore(props);
    const entries: Entry[] = [];
    for (let c = 0; c * PER_KEY < count; c++) {
      const part = store.get(BatchBook.key(jobId, c), ChunkSchema);
      if (!part) throw new JobStopError('The saved batch list of this job is missing; its batches cannot be tracked any more. Start it again from the sidebar.');
      entries.push(...part);
    }
    return new BatchBook(store, jobId, entries);
  }

  get(i: number): Entry {
    const e = this.entries[i];
    if (!e) throw new RangeError(`no batch ${i}`);
    return e;
  }

  set(i: number, patch: Partial<Entry>): void {
    const next: Entry = { ...this.get(i), ...patch };
    if (next.r !== undefined && next.r.length > REASON_CHARS) next.r = `${next.r.slice(0, REASON_CHARS - 1)}…`;
    for (const k of Object.keys(patch) as Array<keyof Entry>) if (patch[k] === undefined) delete next[k];
    this.entries[i] = next;
    this.dirty.add(Math.floor(i / PER_KEY));
  }

  /** Indices of entries in one of the states. */
  where(...states: BatchState[]): number[] {
    const out: number[] = [];
    this.entries.forEach((e, i) => {
      if (states.includes(e.s)) out.push(i);
    });
    return out;
  }

  /** Write the changed parts. */
  save(): void {
    for (const c of this.dirty) this.store.set(BatchBook.key(this.jobId, c), ChunkSchema, this.entries.slice(c * PER_KEY, (c + 1) * PER_KEY));
    this.dirty.clear();
  }

  /** Remove every part of a job's ledger (also of jobs long gone). */
  static remove(props: PropertyStore, jobId: string): void {
    for (const k of props.getKeys()) if (k.startsWith(`omb:${jobId}:`)) props.deleteProperty(k);
  }
}
