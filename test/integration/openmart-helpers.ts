/** Shapes and small helpers of the Openmart integration tests. */
import type { AddOn } from '../harness/addon';

export interface JobView {
  id: string;
  kind: string;
  state: string;
  title: string;
  tabs: Record<string, string>;
  lastError: string | null;
  resumeAt: number | null;
  warnings: string[];
  counts: Record<string, number>;
  progress: { done: number; total: number; percent: number };
}

export interface SubmitResult {
  job: JobView;
  invalidCount: number;
  idsGenerated: number;
  estimate: { credits: number; basis: string };
}

export const HOUR = 60 * 60_000;

export function jobs(addOn: AddOn): JobView[] {
  return addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

export function jobById(addOn: AddOn, id: string): JobView {
  const j = jobs(addOn).find((x) => x.id === id);
  if (!j) throw new Error(`no job ${id}`);
  return j;
}

/** Submit bodies the add-on sent to a path. */
export function bodiesTo(addOn: AddOn, method: string, pathPart: string): unknown[] {
  return addOn.emulator.http.log.filter((e) => e.method === method && e.url.includes(pathPart)).map((e) => (e.body === undefined ? undefined : JSON.parse(e.body)));
}
