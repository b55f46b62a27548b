/**
 * Live mode: an HttpHandler that makes a REAL HTTP request, synchronously (UrlFetchApp is
 * synchronous, and the emulated add-on runs synchronously in node:vm). Each request runs
 * fetch-once.mjs in a child node process with execFileSync: slow (about 50 ms of process start
 * per request) but small, and it needs nothing beyond Node.js. Used only when a provider key is
 * in the environment (see main.ts); untested here, as CI has no network.
 */
import { execFileSync } from 'node:child_process';
import type { HttpHandler, SimOutcome, SimRequest } from '../apis/types';

/** What fetch-once.mjs prints. */
type Reply = { status: number; headers: Record<string, string>; body: string } | { transport: 'timeout' | 'dns' | 'address-unavailable' };

/** Headers the platform sets itself (Apps Script fixes the User-Agent; node computes the rest). */
const DROP = new Set(['host', 'content-length', 'connection', 'user-agent']);

export function realHttpHandler(workerPath: string): HttpHandler {
  return {
    handle(req: SimRequest): SimOutcome {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !DROP.has(k)));
      const started = Date.now();
      let reply: Reply;
      try {
        const out = execFileSync(process.execPath, [workerPath], {
          input: JSON.stringify({ method: req.method, url: req.url, headers, body: req.body }),
          maxBuffer: 60 * 1024 * 1024,
          timeout: 65_000,
        });
        reply = JSON.parse(out.toString('utf8')) as Reply;
      } catch {
        reply = { transport: 'timeout' };
      }
      // Charge the real time spent to the virtual clock, as the platform would.
      const latencyMs = Date.now() - started;
      return 'transport' in reply ? { transport: reply.transport, latencyMs } : { ...reply, latencyMs };
    },
  };
}
