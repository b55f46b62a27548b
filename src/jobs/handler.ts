/** What every job kind implements (defined with defineJobKind, kind.ts), and what it is given to work with. */
import type { Clock, Deadline } from '../platform/clock';
import type { Concurrency } from '../platform/concurrency';
import type { Http, Provider } from '../platform/http-types';
import type { PropertyStore } from '../platform/store';
import type { PinnedSource } from '../sheet/source';
import type { Job } from './model';

export interface JobEnv {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  clock: Clock;
  deadline: Deadline;
  /** An Http for a provider with the user's key, bounded by the deadline (throws MissingKeyError). */
  http(provider: Provider): Http;
  /** Properties for kind-specific side records (e.g. a pending request body), document scope. */
  docProps: PropertyStore;
  /** Save the job now (between parts of a step), so a kill loses nothing already done. */
  checkpoint(job: Job): void;
  /** Today's remaining UrlFetch calls (the quota meter), when known. */
  quota?: { fetchesLeft(): number };
  /** The one scrubber, for texts written outside the job record (tab notes). */
  scrub?: (text: string) => string;
  /** The adaptive fetchAll wave size of this user for a kind of wave (absent: fixed sizes). */
  concurrency?: (kind: WaveKind) => Concurrency;
  /** Hints a run may lose without harm (the document cache; a lost one costs calls, never rows). */
  hints?: { get<T>(key: string): T | undefined; put(key: string, value: unknown): unknown };
  /**
   * What the submit planned from the rows it read, in this execution: the job's first advance uses
   * it instead of reading the source again (one read per submit). A kind checks `jobId` and the
   * plan's class; a later run has none and reads the source.
   */
  prepared?: { jobId: string; plan: object };
}

/** Waves whose size adapts to the provider (no published rate limit). */
export type WaveKind = 'gu1' | 'openmart-reads';

export interface JobHandler {
  kind: string;
  /**
   * Advance the job as far as the deadline allows and return the new record. Must be safe to
   * kill at any line: everything it did is either checkpointed in the returned job or redone
   * idempotently next time (upserts by key, Idempotency-Keys).
   */
  advance(job: Job, env: JobEnv): Job;
  /** Start over the result sync of a finished job (Refresh). Optional. */
  refresh?(job: Job, env: JobEnv): Job;
  /**
   * Re-arm a finished job to run again into the same tabs (a scheduled refresh). Optional: kinds
   * without it cannot be scheduled.
   */
  rerun?(job: Job, env: JobEnv): Job;
  /** Remove the kind's side records of a job that goes away (pending bodies, a ledger). Optional. */
  cleanup?(props: PropertyStore, jobId: string): void;
  /** Plain summary line for the Jobs view. */
  summary?(job: Job): string;
  /** The rows the job reads again (none for a job that keeps its own input, or a damaged record). Optional. */
  sourceOf?(job: Job): JobSource | undefined;
}

/** The rows a job reads again: its pinned source and, for runs that read them, the mapping found by header. */
export interface JobSource {
  source: PinnedSource;
  mapping?: Record<string, number>;
  mappingHeaders?: Record<string, string> | undefined;
  parameterColumns?: Record<string, number>;
  parameterHeaders?: Record<string, string> | undefined;
}
