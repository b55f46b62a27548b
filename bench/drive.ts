/** Driving the built add-on in the emulator without extra executions: job state read from the store, triggers run until a job settles. */
import type { AddOn } from '../emulator/addon';
import { OPEN_STATES, storedJobs, type StoredJob } from '../test/harness/jobs';

export { storedJobs, type StoredJob };

/** Installed as an add-on, the poller runs at most hourly. */
export const HOUR = 60 * 60_000;

/** The newest job, or throws. */
export function latestJob(addOn: AddOn): StoredJob {
  const jobs = storedJobs(addOn);
  const job = jobs[jobs.length - 1];
  if (!job) throw new Error('no job in the document properties');
  return job;
}

/** Run due triggers an hour apart until the job is no longer open (or `maxRuns` runs). Returns the runs. */
export function runUntilSettled(addOn: AddOn, jobId: string, maxRuns = 60): number {
  let runs = 0;
  for (;;) {
    const job = storedJobs(addOn).find((j) => j.id === jobId);
    if (!job || !OPEN_STATES.has(job.state) || runs >= maxRuns) return runs;
    const ran = addOn.runDueTriggers(HOUR);
    if (ran === 0 && addOn.emulator.triggers.list().length === 0) return runs;
    runs += ran;
  }
}

/** Overwrite a stored job (the bench's only direct edit of add-on state; see the upsert scenarios). */
export function rewriteJob(addOn: AddOn, jobId: string, edit: (job: StoredJob) => StoredJob): void {
  const doc = addOn.emulator.properties.document();
  const key = `job:${jobId}`;
  const raw = doc[key];
  if (raw === undefined) throw new Error(`no job ${jobId}`);
  doc[key] = JSON.stringify(edit(JSON.parse(raw) as StoredJob));
}
