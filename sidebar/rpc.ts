/**
 * One typed RPC interface shared with the server: the exports of src/index.ts. Each call is a
 * promise over google.script.run that settles exactly once.
 */
import type * as Server from '../src/index';

/** The server functions (src/index.ts and its surfaces in src/entry/), typed by src/app/contract.ts. */
export type ServerFns = typeof Server;
export type ServerName = keyof ServerFns;

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** Announced after a call that may change jobs (sidebar/pump.ts asks for progress at once). */
export const CHANGED_EVENT = 'prospect-enrich:jobs-changed';
const CHANGES_JOBS = /^(submit|retry|resubmit|import|create|cancel|refreshJobResults)/;

/** Call a server function; rejects with an Error carrying the server's user message. */
export function call<K extends ServerName>(name: K, ...args: Parameters<ServerFns[K]>): Promise<ReturnType<ServerFns[K]>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const runner = google.script.run
      .withSuccessHandler((value) => {
        if (settled) return;
        settled = true;
        resolve(value as ReturnType<ServerFns[K]>);
        if (CHANGES_JOBS.test(String(name))) window.dispatchEvent(new Event(CHANGED_EVENT));
      })
      .withFailureHandler((error) => {
        if (settled) return;
        settled = true;
        const message =
          error instanceof Error
            ? error.message
            : typeof error === 'object' && error && 'message' in error
              ? String((error as { message: unknown }).message)
              : String(error);
        reject(new Error(message.replace(/^(Exception|Error):\s*/, '')));
      });
    const fn = runner[name] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      settled = true;
      reject(new Error(`The server has no function ${String(name)}.`));
      return;
    }
    fn.apply(runner, args);
  });
}

/**
 * A submit: when the server answers "Submit again? ..." (the same title and rows were submitted
 * in the last 24 hours), ask the user, and on yes send it once more with `again: true`.
 */
export async function submitCall<K extends ServerName>(name: K, input: Parameters<ServerFns[K]>[0]): Promise<ReturnType<ServerFns[K]>> {
  try {
    return await call(name, ...([input] as Parameters<ServerFns[K]>));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!message.startsWith('Submit again?') || !window.confirm(message)) throw e;
    return call(name, ...([{ ...(input as object), again: true }] as Parameters<ServerFns[K]>));
  }
}
