/**
 * A job kind, defined once: its name, the zod schema of its `data`, and what it does with that
 * data once parsed (advance, refresh, rerun, cleanup, summary). Every stored record is read by the
 * one `dataOf`; a record that does not parse stops the step with a sentence that says what to do
 * (the failure policy then fails the job, as for any error only the user can fix).
 */
import * as z from 'zod/mini';
import type { PropertyStore } from '../platform/store';
import type { JobEnv, JobHandler, JobSource } from './handler';
import { JobStopError, type Job } from './model';

/** What to do about a stored record that does not parse, unless the kind says otherwise. */
const AGAIN = 'start it again from the sidebar';

/** A kind's data: the kind's name, the schema of its `data`, and what to do when a record does not parse. */
export interface KindData<D> {
  kind: string;
  schema: z.ZodMiniType<D>;
  /** The advice of the damaged-record sentence ("start it again from the sidebar"). */
  again?: string;
}

/** The job's data parsed with its kind's schema; a record that does not parse throws the sentence. */
export function dataOf<D>(job: Pick<Job, 'title' | 'data'>, spec: KindData<D>): D {
  const data = readableData(job, spec);
  if (data === undefined) throw new JobStopError(`Job "${job.title}" has damaged saved state; ${spec.again ?? AGAIN}.`);
  return data;
}

/** The job's data, or undefined when the record does not parse (lists and views skip it rather than stop). */
export function readableData<D>(job: Pick<Job, 'data'>, spec: KindData<D>): D | undefined {
  const res = z.safeParse(spec.schema, job.data);
  return res.success ? res.data : undefined;
}

/** What a kind does, each step given the job and its parsed data. */
export interface KindSpec<D> extends KindData<D> {
  /** Go as far as the deadline allows; safe to kill at any line (see JobHandler.advance). */
  advance(job: Job, data: D, env: JobEnv): Job;
  /** Start the result sync of a finished job over (Refresh). */
  refresh?(job: Job, data: D, env: JobEnv): Job;
  /** Re-arm a finished job for a scheduled run into the same tabs. */
  rerun?(job: Job, data: D, env: JobEnv): Job;
  /** Remove the kind's side records of a job (pending bodies, a ledger) from document properties. */
  cleanup?(props: PropertyStore, jobId: string): void;
  /** The Jobs view's line. */
  summary?(job: Job): string;
  /** The rows a job of this kind reads again: its pinned source, and the mapping a run finds by header. */
  source?(data: D): JobSource | undefined;
}

/** A defined kind: the handler the poller runs, and the typed accessor of its data. */
export interface JobKind<D> extends JobHandler, KindData<D> {
  dataOf(job: Pick<Job, 'title' | 'data'>): D;
}

/** Define a job kind: every step reads the job's data through `dataOf` before the kind sees it. */
export function defineJobKind<D>(spec: KindSpec<D>): JobKind<D> {
  const read = (job: Pick<Job, 'title' | 'data'>): D => dataOf(job, spec);
  const advance = (job: Job, env: JobEnv): Job => spec.advance(job, read(job), env);
  const out: JobKind<D> = { kind: spec.kind, schema: spec.schema, dataOf: read, advance };
  const { again, refresh, rerun, cleanup, summary, source } = spec;
  if (again !== undefined) out.again = again;
  if (refresh) out.refresh = (job, env) => refresh(job, read(job), env);
  if (rerun) out.rerun = (job, env) => rerun(job, read(job), env);
  if (cleanup) out.cleanup = cleanup;
  if (summary) out.summary = summary;
  // A listing must not stop at one damaged record: it has no source then.
  if (source)
    out.sourceOf = (job) => {
      const data = readableData(job, spec);
      return data === undefined ? undefined : source(data);
    };
  return out;
}
