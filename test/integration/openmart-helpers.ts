/** Shapes and small helpers of the Openmart integration tests. */
import type { AddOn } from '../harness/addon';
import type { JobView } from '../../src/app/contract';

export type { JobView, OpenmartSubmitResult as SubmitResult } from '../../src/app/contract';

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
  return addOn.emulator.http.log
    .filter((e) => e.method === method && e.url.includes(pathPart))
    .map((e) => (e.body === undefined ? undefined : JSON.parse(e.body)));
}
