/**
 * The job model: one small record per submission, kept in document properties (<= 9 KB each).
 * Large state (10,000 companies, thousands of task ids) never goes in: it is derived from the
 * API, the source sheet and the result tabs. Each kind validates its own `data`.
 */
import * as z from 'zod/mini';
import { PROVIDER_IDS } from '../platform/providers';
import { OwnerFields } from './ownership';

export const JOB_STATES = ['SUBMITTING', 'WAITING', 'FETCHING', 'DONE', 'FAILED', 'CANCELLED', 'REJECTED'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const OPEN_STATES: readonly JobState[] = ['SUBMITTING', 'WAITING', 'FETCHING'];

export const HistoryEntrySchema = z.object({ at: z.number(), text: z.string() });

export const JobSchema = z.object({
  id: z.string(),
  provider: z.enum(PROVIDER_IDS),
  kind: z.string(),
  title: z.string(),
  state: z.enum(JOB_STATES),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Result tabs by role (e.g. companies, prospects). */
  tabs: z.record(z.string(), z.string()),
  /** Set on jobs whose tabs carry the add-on's mark (every job since marks); older jobs made unmarked tabs. */
  tabsMarked: z.optional(z.boolean()),
  /** Progress counters (rows submitted, written, failed, ...). */
  counts: z.record(z.string(), z.number()),
  /** What progress means for the bar: done / total. */
  progress: z.object({ done: z.number(), total: z.number() }),
  lastError: z.optional(z.string()),
  /** Do nothing before this time (rate limited, quota). */
  resumeAt: z.optional(z.number()),
  warnings: z.array(z.string()),
  history: z.array(HistoryEntrySchema),
  /** Kind-specific state, validated by the kind's own schema. */
  data: z.unknown(),
  ...OwnerFields,
  /** Digest of the kind, title and rows submitted (app/duplicates.ts): a repeat within 24 h asks first. */
  digest: z.optional(z.string()),
});
export type Job = z.infer<typeof JobSchema>;

const HISTORY_LIMIT = 25;
const WARNINGS_LIMIT = 10;

export function isOpen(job: Pick<Job, 'state'>): boolean {
  return OPEN_STATES.includes(job.state);
}

/** Append a timestamped line to the job's history (bounded, oldest dropped). */
export function note(job: Job, at: number, text: string): Job {
  const history = [...job.history, { at, text: text.slice(0, 300) }];
  return { ...job, history: history.slice(-HISTORY_LIMIT), updatedAt: at };
}

/** Add a warning once. */
export function warn(job: Job, text: string): Job {
  if (job.warnings.includes(text)) return job;
  return { ...job, warnings: [...job.warnings, text.slice(0, 300)].slice(-WARNINGS_LIMIT) };
}

/** Move to a state, noting the change. */
export function transition(job: Job, state: JobState, at: number, why?: string): Job {
  if (job.state === state) return why ? note(job, at, why) : job;
  return note({ ...job, state }, at, why ? `${state}: ${why}` : state);
}

/** A fresh job record. */
export function newJob(init: {
  id: string;
  provider: Job['provider'];
  kind: string;
  title: string;
  now: number;
  tabs?: Record<string, string>;
  data: unknown;
  total?: number;
}): Job {
  return {
    id: init.id,
    provider: init.provider,
    kind: init.kind,
    title: init.title,
    state: 'SUBMITTING',
    createdAt: init.now,
    updatedAt: init.now,
    tabs: init.tabs ?? {},
    tabsMarked: true,
    counts: {},
    progress: { done: 0, total: init.total ?? 0 },
    warnings: [],
    history: [{ at: init.now, text: 'Created' }],
    data: init.data,
  };
}

/**
 * A job that cannot go on for a reason of its own (damaged saved state, a cap reached, rows gone):
 * it fails at once with this sentence. Any other plain Error is taken for a Google service's
 * (its text in the user's language) and is tried again for a few runs (./unreadable.ts).
 */
export class JobStopError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobStopError';
  }
}
