/** A job as the sidebar shows it: plain data, the viewer's ownership note, the cost line. */
import { costLine } from './job-costs';
import { isOpen, type Job } from '../jobs/model';
import type { PollResult } from '../jobs/poller';

/** A job as the sidebar shows it (plain data only). */
export interface JobView {
  id: string;
  provider: string;
  kind: string;
  title: string;
  state: string;
  open: boolean;
  progress: { done: number; total: number; percent: number };
  counts: Record<string, number>;
  lastError: string | null;
  resumeAt: number | null;
  warnings: string[];
  history: Array<{ at: number; text: string }>;
  tabs: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  /** True for the viewer's own jobs; other editors' jobs are read-only. */
  mine: boolean;
  /** Why the viewer cannot act on it ("Read-only: started by another editor ..."), or null. */
  ownerNote: string | null;
  /** What the job cost (or will), in the provider's unit with the unit named; null: nothing. */
  cost: string | null;
}

/** The sidebar's view of a job; `note` is the viewer's ownerNote (null: the viewer's own job). */
export function toView(job: Job, note: string | null = null): JobView {
  const total = job.progress.total;
  return {
    id: job.id,
    provider: job.provider,
    kind: job.kind,
    title: job.title,
    state: job.state,
    open: isOpen(job),
    progress: {
      done: job.progress.done,
      total,
      percent: total > 0 ? Math.min(100, Math.round((job.progress.done / total) * 100)) : job.state === 'DONE' ? 100 : 0,
    },
    counts: job.counts,
    lastError: job.lastError ?? null,
    resumeAt: job.resumeAt ?? null,
    warnings: job.warnings,
    history: job.history.slice(-10),
    tabs: job.tabs,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    mine: note === null,
    ownerNote: note,
    cost: costLine(job),
  };
}

export interface JobsView {
  jobs: JobView[];
  poll: PollResult | null;
  triggerPresent: boolean;
  /** When a poll last ran (trigger, menu or sidebar), or null if never. */
  lastPollAt: number | null;
  /** A sentence when the poller trigger had to be recreated. */
  notice: string | null;
  /** A sentence when background (trigger) runs cannot reach this spreadsheet, or null. */
  background: string | null;
  /** The document's change stamp this view was read at (send it back as `since`). */
  stamp: string;
}
