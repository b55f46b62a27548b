/**
 * Generic fault injection for API simulators: wrap an HttpHandler with a schedule of rules that turn
 * chosen requests into 429s, 5xx, timeouts, malformed bodies, lost responses, variant shapes, or
 * "committed, then error" (the work is done and billed, then a gateway answers 500/502/503/504/408).
 *
 * Counting: each rule counts the requests that match its predicate (method, pathIncludes), 1-based,
 * independently of the other rules. A rule fires on request number `nth` (or any of a list), on
 * every `every`-th, or (neither given) on every match; `times` caps how often it fires. The first
 * firing rule in schedule order decides the request's fate.
 */
import { Rng } from '../gas/rng';
import type { HttpHandler, SimMethod, SimOutcome, SimRequest } from './types';
import { reshapeVariant } from './variants';

export interface FaultMatch {
  method?: SimMethod;
  /** Only requests whose path contains this text. */
  pathIncludes?: string;
  /** Fire on these 1-based request numbers (among matching requests). */
  nth?: number | number[];
  /** Fire on every `every`-th matching request. */
  every?: number;
  /** Fire at most this many times. */
  times?: number;
}

export type FaultKind = '429' | '500' | '502' | '503' | '504' | 'timeout' | 'malformed' | 'lost' | 'variant' | CommittedKind;

/** "Committed, then error": the server does the work (creates, bills), then a gateway answers this. */
export type CommittedKind = 'committed-500' | 'committed-502' | 'committed-503' | 'committed-504' | 'committed-408';
export const COMMITTED_KINDS: CommittedKind[] = ['committed-500', 'committed-502', 'committed-503', 'committed-504', 'committed-408'];

export type FaultAction =
  /** An HTTP error answer; the server does NOT process the request. 429 gets Retry-After when retryAfter is set. */
  | { status: number; retryAfter?: number; body?: string }
  /** No answer after about 60 s; the server does NOT see the request. */
  | { transport: 'timeout' }
  /** The server processes the request, but the client gets a 200 with a truncated JSON body. */
  | { malformed: true }
  /** The server processes the request (commits), but the response is lost: the client sees a timeout. */
  | { lost: true }
  /** The server processes the request and answers in another shape its provider is seen to send (variants.ts; `pick` chooses among those that fit). */
  | { variant: { pick: number } }
  /**
   * The server processes the request fully (creates, bills), then a gateway answers this status
   * (500/502/503/504/408) instead of the real answer (docs/PLATFORM.md: gateways answer after the work).
   */
  | { committed: number }
  /** Seeded random faults: each matching request fails with probability `rate`, with a random kind. */
  | { chaos: { seed: number; rate: number; kinds: FaultKind[] } };

export type FaultRule = FaultMatch & FaultAction;

export interface FaultyHandler extends HttpHandler {
  /** Requests seen by the wrapper (faulted or not). */
  requestsSeen: number;
  /** The concrete fault applied to each faulted request, in order. */
  faultsFired: FaultRule[];
}

const TIMEOUT_MS = 60_000;

function defaultBody(status: number): string {
  if (status === 429) return JSON.stringify({ error: 'rate_limited', message: 'Too many requests' });
  if (status >= 500) return JSON.stringify({ error: 'server_error', message: 'Internal server error' });
  return JSON.stringify({ error: 'fault_injected', message: `HTTP ${status}` });
}

/** The concrete action for a chaos kind. */
function actionOf(kind: FaultKind): FaultAction {
  switch (kind) {
    case 'timeout':
      return { transport: 'timeout' };
    case 'malformed':
      return { malformed: true };
    case 'lost':
      return { lost: true };
    case '429':
      return { status: 429, retryAfter: 1 };
    case 'variant':
      return { variant: { pick: 0 } };
    case 'committed-500':
    case 'committed-502':
    case 'committed-503':
    case 'committed-504':
    case 'committed-408':
      return { committed: Number(kind.slice('committed-'.length)) };
    default:
      return { status: Number(kind) };
  }
}

/** Build a seeded random fault rule (mix into a schedule, e.g. `withFaults(sim, [chaos({seed: 1, rate: 0.2, kinds: ['503', 'lost']})])`). */
export function chaos(opts: { seed: number; rate: number; kinds: FaultKind[] } & Omit<FaultMatch, 'nth' | 'every'>): FaultRule {
  const { seed, rate, kinds, ...match } = opts;
  if (kinds.length === 0) throw new Error('chaos: kinds must not be empty');
  if (rate < 0 || rate > 1) throw new Error('chaos: rate must be within [0, 1]');
  return { ...match, chaos: { seed, rate, kinds: [...kinds] } };
}

/** Wrap `handler` so that the requests chosen by `schedule` fail in the chosen way. */
export function withFaults(handler: HttpHandler, schedule: FaultRule[]): FaultyHandler {
  const state = schedule.map((rule) => ({ rule, seen: 0, fired: 0, rng: 'chaos' in rule ? new Rng(rule.chaos.seed) : null }));

  const matches = (rule: FaultRule, req: SimRequest): boolean =>
    (rule.method === undefined || rule.method === req.method) && (rule.pathIncludes === undefined || req.path.includes(rule.pathIncludes));

  /** Decide which concrete action (if any) applies to this request; advances every rule's counter. */
  const decide = (req: SimRequest): FaultAction | null => {
    let chosen: FaultAction | null = null;
    for (const s of state) {
      if (!matches(s.rule, req)) continue;
      s.seen++;
      if (chosen) continue;
      if (s.rule.times !== undefined && s.fired >= s.rule.times) continue;
      let action: FaultAction | null = null;
      if ('chaos' in s.rule) {
        const c = s.rule.chaos;
        const roll = s.rng?.next() ?? 1;
        const pick = s.rng?.int(c.kinds.length) ?? 0;
        if (roll < c.rate) action = actionOf(c.kinds[pick] ?? 'timeout');
        if (action && 'variant' in action) action = { variant: { pick: s.rng?.int(1000) ?? 0 } };
      } else {
        const nth = s.rule.nth;
        const hit =
          nth !== undefined ? (Array.isArray(nth) ? nth.includes(s.seen) : nth === s.seen) : s.rule.every !== undefined ? s.seen % s.rule.every === 0 : true;
        if (hit) action = s.rule;
      }
      if (action) {
        s.fired++;
        chosen = action;
      }
    }
    return chosen;
  };

  const wrapper: FaultyHandler = {
    requestsSeen: 0,
    faultsFired: [],
    handle(req: SimRequest): SimOutcome {
      wrapper.requestsSeen++;
      const action = decide(req);
      if (!action) return handler.handle(req);
      wrapper.faultsFired.push(action as FaultRule);
      if ('transport' in action) return { transport: 'timeout', latencyMs: TIMEOUT_MS };
      if ('lost' in action) {
        handler.handle(req);
        return { transport: 'timeout', latencyMs: TIMEOUT_MS };
      }
      if ('committed' in action) {
        const real = handler.handle(req);
        const body = JSON.stringify({ error: 'gateway_error', message: `HTTP ${action.committed} from the gateway` });
        return { status: action.committed, headers: { 'Content-Type': 'application/json' }, body, latencyMs: 'latencyMs' in real ? (real.latencyMs ?? 0) : 0 };
      }
      if ('malformed' in action) {
        const real = handler.handle(req);
        const latencyMs = real.latencyMs ?? 0;
        return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"truncated', latencyMs };
      }
      if ('variant' in action) return reshapeVariant(req, handler.handle(req), action.variant.pick);
      if ('status' in action) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (action.retryAfter !== undefined) headers['Retry-After'] = String(action.retryAfter);
        return { status: action.status, headers, body: action.body ?? defaultBody(action.status) };
      }
      return handler.handle(req);
    },
  };
  return wrapper;
}
