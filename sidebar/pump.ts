/**
 * Progress while any part of the sidebar is open (issue 16): asks the server for the next slice
 * of work (`advanceJobs`) as soon as the last returns while there is work to do, and as late as
 * the server says while jobs only wait on a provider. Any change the user makes (a submit, a
 * retry: rpc.ts announces it) asks again at once. Views that show jobs subscribe to the lists.
 */
import type { JobsView } from '../src/app/contract';
import { call, CHANGED_EVENT } from './rpc';

type Listener = (view: JobsView) => void;

const listeners = new Set<Listener>();
/** After a failed call: 30 s, doubling up to 5 min. */
const ERROR_WAIT_MS = 30_000;
const MAX_ERROR_WAIT_MS = 300_000;

let stamp: string | undefined;
let timer: number | undefined;
let inFlight = false;
let again = false;
let errorWait = ERROR_WAIT_MS;
let started = false;

/** Get every new job list; returns the unsubscribe function. */
export function onJobs(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tell the subscribers about a list another call brought (keeps the stamp in step). */
export function publishJobs(view: JobsView): void {
  stamp = view.stamp;
  for (const l of [...listeners]) l(view);
}

function schedule(ms: number): void {
  if (timer !== undefined) window.clearTimeout(timer);
  timer = window.setTimeout(() => void step(), ms);
}

async function step(): Promise<void> {
  timer = undefined;
  if (inFlight) {
    // A kick during a call: ask again when it returns.
    again = true;
    return;
  }
  inFlight = true;
  try {
    const answer = await call('advanceJobs', stamp ? { since: stamp } : {});
    errorWait = ERROR_WAIT_MS;
    if (answer.view) publishJobs(answer.view);
    schedule(again || answer.next === 'now' ? 0 : answer.waitMs);
  } catch {
    // The Jobs view shows errors of its own calls; here only the cadence backs off.
    schedule(errorWait);
    errorWait = Math.min(MAX_ERROR_WAIT_MS, errorWait * 2);
  } finally {
    inFlight = false;
    again = false;
  }
}

/** Ask at once (something changed). */
export function kick(): void {
  if (!started) return;
  schedule(0);
}

/** Start the loop once for the life of the sidebar page. */
export function startPump(): void {
  if (started) return;
  started = true;
  window.addEventListener(CHANGED_EVENT, kick);
  schedule(0);
}
