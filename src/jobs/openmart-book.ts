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

/** One batch of the ledger, by readable names (stored under one-letter keys: `stored`). */
export interface Batch {
  state: BatchState;
  /** Openmart batch id. */
  batchId?: string | undefined;
  /** Tasks (rows) in the batch. */
  rows: number;
  /** Fingerprint of the batch's external ids. */
  hash: string;
  /** Listed tasks already written (position in the sorted COMPLETED, ERRORED, CANCELLED lists). */
  written?: number | undefined;
  /** [completed, errored, cancelled] once the batch is ready. */
  counts?: number[] | undefined;
  /** Why a batch is unknown / rejected / skipped. */
  reason?: string | undefined;
}

/**
 * The stored entry: one-letter keys save Properties bytes, and ledgers in users' documents are
 * written this way, so the format never changes. Nothing outside this module sees these keys.
 */
const StoredSchema = z.object({
  s: z.enum(BATCH_STATES),
  b: z.optional(z.string()),
  n: z.number(),
  h: z.string(),
  d: z.optional(z.number()),
  c: z.optional(z.array(z.number())),
  r: z.optional(z.string()),
});
type Stored = z.infer<typeof StoredSchema>;

/** A batch under its stored keys (undefined fields are not written). */
function stored(x: Batch): Stored {
  return { s: x.state, b: x.batchId, n: x.rows, h: x.hash, d: x.written, c: x.counts, r: x.reason };
}

/** A stored entry under readable names. */
function readable(e: Stored): Batch {
  return { state: e.s, batchId: e.b, rows: e.n, hash: e.h, written: e.d, counts: e.c, reason: e.r };
}

const PER_KEY = 40;
/** Reasons are cut so a full part stays under 9 KB. */
const REASON_CHARS = 60;
const ChunkSchema = z.array(StoredSchema);

/** The ledger of one job, loaded whole (at most a few properties) and saved by dirty chunk. */
export class BatchBook {
  private readonly dirty = new Set<number>();

  private constructor(
    private readonly store: JsonStore,
    private readonly jobId: string,
    readonly entries: Batch[],
  ) {}

  private static key(jobId: string, chunk: number): string {
    return `omb:${jobId}:${chunk}`;
  }

  /** A new ledger (written on the first save). */
  static create(props: PropertyStore, jobId: string, entries: Batch[]): BatchBook {
    const book = new BatchBook(new JsonStore(props), jobId, entries);
    for (let c = 0; c * PER_KEY < entries.length; c++) book.dirty.add(c);
    return book;
  }

  /** Load `count` entries; throws when a part is missing (the job's saved state is damaged). */
  static load(props: PropertyStore, jobId: string, count: number): BatchBook {
    const store = new JsonStore(props);
    const entries: Batch[] = [];
    for (let c = 0; c * PER_KEY < count; c++) {
      const part = store.get(BatchBook.key(jobId, c), ChunkSchema);
      if (!part)
        throw new JobStopError('The saved batch list of this job is missing; its batches cannot be tracked any more. Start it again from the sidebar.');
      entries.push(...part.map(readable));
    }
    return new BatchBook(store, jobId, entries);
  }

  get(i: number): Batch {
    const e = this.entries[i];
    if (!e) throw new RangeError(`no batch ${i}`);
    return e;
  }

  /** Change a batch; a field set to undefined is dropped. */
  set(i: number, patch: Partial<Batch>): void {
    const next: Batch = { ...this.get(i), ...patch };
    const reason = next.reason;
    if (reason !== undefined && reason.length > REASON_CHARS) next.reason = `${reason.slice(0, REASON_CHARS - 1)}…`;
    for (const k of Object.keys(patch) as Array<keyof Batch>) if (patch[k] === undefined) delete next[k];
    this.entries[i] = next;
    this.dirty.add(Math.floor(i / PER_KEY));
  }

  /** Indices of entries in one of the states. */
  where(...states: BatchState[]): number[] {
    const out: number[] = [];
    this.entries.forEach((e, i) => {
      if (states.includes(e.state)) out.push(i);
    });
    return out;
  }

  /** Write the changed parts. */
  save(): void {
    for (const c of this.dirty) {
      const part = this.entries.slice(c * PER_KEY, (c + 1) * PER_KEY).map(stored);
      this.store.set(BatchBook.key(this.jobId, c), ChunkSchema, part);
    }
    this.dirty.clear();
  }

  /** The job whose ledger a document property key holds a part of, if it is one. */
  static jobOf(key: string): string | undefined {
    return /^omb:([^:]+)/.exec(key)?.[1];
  }

  /** Remove every part of a job's ledger (also of jobs long gone). */
  static remove(props: PropertyStore, jobId: string): void {
    for (const k of props.getKeys()) if (k.startsWith(`omb:${jobId}:`)) props.deleteProperty(k);
  }
}
