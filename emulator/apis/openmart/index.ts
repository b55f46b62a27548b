/**
 * In-process simulator of the Openmart API (`https://api.openmart.ai`), after
 * docs/api-docs/openmart-api.txt and the Openmart section of NOTES.md: key auth, a credit
 * ledger with 402s, business search with flat filters and cursor paging, GET-with-body records,
 * enrich_company, brand search, the four async batch routes with task lifecycle controls, and
 * deny rules that suppress later results. Time comes only from `req.now`; data is seeded.
 */
import type { HttpHandler, SimRequest } from '../types';
import { concurrencyLimit, type ConcurrencyLimit } from '../concurrency';
import { finishTask, applyAuto } from './batches';
import { detail } from './errors';
import { balanceOf } from './credits';
import { generateBusinesses, groupBrands } from './data';
import {
  DEFAULT_LATENCY,
  type AutoComplete,
  type Business,
  type Latency,
  type OpenmartCounts,
  type Plan,
  type SimBatch,
  type SimState,
  type SimTask,
  zeroCounts,
} from './model';
import { handleRequest } from './router';
import { reshapeOpenmart, type OpenmartVariant } from './variants';

export { HOSTILE_NAME, LONG_DESCRIPTION_LENGTH, rootDomain } from './data';
export { BATCH_OPS } from './model';
export { OPENMART_VARIANTS, type OpenmartVariant } from './variants';
export type { AutoComplete, BatchOp, Business, Latency, OpenmartCounts, SimBatch, SimTask, TaskStatus } from './model';

/** The simulator's base URL. */
export const OPENMART_BASE_URL = 'https://api.openmart.ai';

/** Options of `createOpenmartSim`. */
export interface OpenmartSimOptions {
  /** Seed of all generated ids and data (default 1). */
  seed?: number;
  /** Stores in the generated index (default 3,000). */
  businesses?: number;
  /** Starting credits (default 1,000,000; trial keys: 5,000). */
  credits?: number;
  plan?: Plan;
  /** Status for "credit limit reached" (default 402; the vendor's client also maps 429). */
  creditStatus?: 402 | 429;
  /** Envelope of a search without `estimate_total` (NOTES: documented as a bare array and as `{results}`). */
  searchEnvelope?: 'array' | 'results';
  latency?: Partial<Latency>;
  /** Answer in these variant shapes (variants.ts), applied in order to every answer they fit. */
  variants?: OpenmartVariant[];
  /** At most this many requests of one fetchAll wave in flight; past it a 429 (default: no limit). */
  concurrencyLimit?: number;
}

/** Which tasks to finish, and how. */
export interface CompleteOptions {
  /** Only this batch (default: every batch). */
  batchId?: string;
  /** At most this many tasks (in creation order). */
  count?: number;
  /** A reason makes the task ERRORED; null completes it. */
  error?: (task: SimTask) => string | null;
  /** True cancels the task instead. */
  cancel?: (task: SimTask) => boolean;
}

/** The simulator: an HttpHandler plus controls for tests and the playground. */
export interface OpenmartSim extends HttpHandler {
  addKey(key: string): void;
  removeKey(key: string): void;
  /** The credit balance as `GET /api/v2/credit-balance` reports it. */
  credits(): number;
  setCredits(balance: number): void;
  setCreditStatus(status: 402 | 429): void;
  /** The generated stores, in index order. */
  businesses(): readonly Business[];
  batches(): SimBatch[];
  batch(id: string): SimBatch | undefined;
  tasks(batchId?: string): SimTask[];
  /** Finish PROCESSING tasks (all by default); returns how many were finished. */
  completeTasks(opts?: CompleteOptions): number;
  /** Finish tasks by themselves once their batch is `afterMs` old; null switches it off. */
  autoComplete(opts: AutoComplete | null): void;
  /** Task reads answer `tracking_id: null` (NOTES: it may be null). */
  setNullTrackingIds(on: boolean): void;
  setLatency(latency: Partial<Latency>): void;
  /** Answer in these variant shapes from now on ([] for the documented shapes). */
  setVariants(variants: OpenmartVariant[]): void;
  /** Deny rules of a key, normalised. */
  denyRules(key: string): { email: string[]; phone: string[] };
  /** Every request seen, in order. */
  readonly requests: SimRequest[];
  readonly counts: OpenmartCounts;
  /** The concurrency limit (its 429s are not in `requests`). */
  readonly limit: ConcurrencyLimit;
}

/** Create a fresh simulator. */
export function createOpenmartSim(opts: OpenmartSimOptions = {}): OpenmartSim {
  const seed = opts.seed ?? 1;
  const businesses = generateBusinesses(seed, opts.businesses ?? 3_000);
  const state: SimState = {
    seed,
    keys: new Set(),
    plan: opts.plan ?? 'subscription',
    balance: opts.credits ?? (opts.plan === 'trial' ? 5_000 : 1_000_000),
    creditStatus: opts.creditStatus ?? 402,
    periodStart: '2025-08-05T20:22:47Z',
    periodEnd: '2026-08-05T20:22:47Z',
    businesses,
    byId: new Map(businesses.map((b) => [b.id, b])),
    byPlace: new Map(businesses.map((b) => [b.placeId, b])),
    brands: groupBrands(businesses),
    batches: new Map(),
    tasks: new Map(),
    taskSeq: 0,
    deny: new Map(),
    auto: null,
    searchEnvelope: opts.searchEnvelope ?? 'array',
    latency: { ...DEFAULT_LATENCY, ...(opts.latency ?? {}) },
    nullTrackingIds: false,
    requests: [],
    counts: zeroCounts(),
    lastNow: 0,
  };
  let variants = [...(opts.variants ?? [])];
  const limit = concurrencyLimit(opts.concurrencyLimit, () => ({
    ...detail(429, 'Too many requests'),
    headers: { 'Content-Type': 'application/json', 'Retry-After': '1' },
  }));
  return {
    handle: (req: SimRequest) => limit.admit(req, (r) => variants.reduce((res, v) => reshapeOpenmart(v, r, res), handleRequest(state, r))),
    limit,
    addKey: (key) => void state.keys.add(key),
    removeKey: (key) => void state.keys.delete(key),
    credits: () => balanceOf(state),
    setCredits: (balance) => {
      state.balance = balance;
    },
    setCreditStatus: (status) => {
      state.creditStatus = status;
    },
    businesses: () => state.businesses,
    batches: () => [...state.batches.values()],
    batch: (id) => state.batches.get(id),
    tasks: (batchId) => [...state.tasks.values()].filter((t) => batchId === undefined || t.batchId === batchId),
    completeTasks(o = {}) {
      let n = 0;
      for (const t of state.tasks.values()) {
        if (t.status !== 'PROCESSING' || (o.batchId !== undefined && t.batchId !== o.batchId)) continue;
        if (o.count !== undefined && n >= o.count) break;
        finishTask(state, t, o.error?.(t) ?? null, o.cancel?.(t) ?? false);
        n++;
      }
      return n;
    },
    autoComplete(o) {
      state.auto = o;
      if (o) applyAuto(state, state.lastNow);
    },
    setNullTrackingIds: (on) => {
      state.nullTrackingIds = on;
    },
    setVariants: (v) => {
      variants = [...v];
    },
    setLatency: (latency) => {
      state.latency = { ...state.latency, ...latency };
    },
    denyRules: (key) => ({ email: [...(state.deny.get(key)?.email ?? [])], phone: [...(state.deny.get(key)?.phone ?? [])] }),
    requests: state.requests,
    counts: state.counts,
  };
}

/** A request builder for simulator tests (what the emulated UrlFetchApp would hand over). */
export function omRequest(
  method: SimRequest['method'],
  pathAndQuery: string,
  o: { key?: string | null; json?: unknown; body?: string; now?: number; bearer?: boolean } = {},
): SimRequest {
  const url = new URL(pathAndQuery, OPENMART_BASE_URL);
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    query[k] = v;
  });
  const headers: Record<string, string> = {};
  const key = o.key === undefined ? 'om_test_key' : o.key;
  if (key !== null) {
    if (o.bearer) headers['authorization'] = `Bearer ${key}`;
    else headers['x-api-key'] = key;
  }
  let body = o.body;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers['content-type'] = 'application/json';
  }
  return { method, url: url.toString(), path: url.pathname, query, headers, body, now: o.now ?? 0 };
}
