/** Jobs as the add-on stores them (document properties), read without an execution or a service call. */
import type { AddOn } from '../../emulator/addon';

export interface StoredJob {
  id: string;
  kind: string;
  state: string;
  title: string;
  tabs: Record<string, string>;
  counts: Record<string, number>;
  lastError?: string;
  createdAt: number;
  data: Record<string, unknown>;
}

/** Job states that are still being worked on. */
export const OPEN_STATES: ReadonlySet<string> = new Set(['SUBMITTING', 'WAITING', 'FETCHING']);

/** Every job in the document properties, oldest first. */
export function storedJobs(addOn: AddOn): StoredJob[] {
  const doc = addOn.emulator.properties.document();
  return Object.keys(doc)
    .filter((k) => k.startsWith('job:'))
    .map((k) => JSON.parse(doc[k] as string) as StoredJob)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** True when no job is open. */
export function allSettled(addOn: AddOn): boolean {
  return storedJobs(addOn).every((j) => !OPEN_STATES.has(j.state));
}
