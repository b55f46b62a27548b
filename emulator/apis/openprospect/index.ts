/**
 * In-process simulator of the OpenProspect REST API (`https://api.openprospect.io/api/v1`),
 * following the orders overview, the enrichment and discovery guides and NOTES.md.
 * Time comes only from `req.now`; all generated data is deterministic for a seed.
 */
import type { HttpHandler, SimRequest, SimResponse } from '../types';
import type { ResultCompany } from './generate';
import { resultCompany } from './generate';
import { nextId } from './ids';
import { type AdvanceTarget, advanceOrder, applyAutoProgress, deliverOrder, visibleDeliveries } from './lifecycle';
import {
  ALL_SCOPES,
  type AutoProgressOptions,
  type SimBlacklist,
  type SimCounts,
  type SimOrder,
  type SimProfileCreation,
  type SimState,
  type SlashRedirect,
  zeroCounts,
} from './model';
import { handleRequest } from './router';
import { reshapeOpenProspect, type OpenProspectVariant } from './variants';

/** Result item shapes. */
export type { ResultCompany, ResultProspect } from './generate';
/** Simulator state shapes. */
export type { AutoProgressOptions, SimBlacklist, SimCounts, SimOrder, SimProfileCreation, SlashRedirect } from './model';
export { OPENPROSPECT_VARIANTS, UNKNOWN_STATUS, type OpenProspectVariant } from './variants';
export { ALL_SCOPES, FEATURES, ORDER_STATUSES } from './model';

/** The simulator's base URL. */
export const OPENPROSPECT_BASE_URL = 'https://api.openprospect.io';

/** Options of `createOpenProspectSim`. */
export interface OpenProspectSimOptions {
  /** Seed of all generated ids and data (default 1). */
  seed?: number;
  /** Per-key requests per (virtual clock) hour; default: no limit. */
  rateLimitPerHour?: number;
  /** Envelope key of `GET /orders` (NOTES: docs disagree). Default `items`. */
  ordersListEnvelope?: 'items' | 'orders';
  /** Discovery results when `briefing_quantity` is omitted (undocumented; default 25). */
  discoveryDefaultQuantity?: number;
  /** Answer in these variant shapes (variants.ts). */
  variants?: OpenProspectVariant[];
  /** Serve only one of `/orders` and `/orders/` and redirect the other (default: both served). */
  slashRedirect?: SlashRedirect;
  /**
   * The overview says "do not fetch results until the order is COMPLETED" without saying what a
   * fetch before gets: true answers it 409 ORDER_NOT_COMPLETED (default false: served, progressive).
   */
  refuseEarlyResults?: boolean;
}

/** The simulator: an HttpHandler plus controls for tests and the playground. */
export interface OpenProspectSim extends HttpHandler {
  /** Registers an API key (default: all scopes, organization `org-1`). */
  addKey(key: string, scopes?: readonly string[], opts?: { org?: string }): void;
  /** Revokes a key (later requests with it get 401). */
  removeKey(key: string): void;
  /** Registers an existing search profile (as if made in the dashboard); returns its id. */
  addProfile(opts?: { org?: string; name?: string }): string;
  /** All orders (live objects; do not mutate). */
  orders(): readonly SimOrder[];
  order(id: string): SimOrder | undefined;
  /**
   * Moves an order forward, walking RECEIVED -> ACCEPTED -> IN_PROGRESS as needed. COMPLETED
   * delivers what is outstanding (docs: "All enrichment finished") unless `deliverRemaining` is
   * false (to model late deliveries); `reason` becomes `admin_notes`; `at` defaults to the latest
   * request's `now`. Throws on a terminal order or a backward move.
   */
  advance(orderId: string, to: AdvanceTarget, opts?: { reason?: string; at?: number; deliverRemaining?: boolean }): void;
  /**
   * Makes `count` (default: all remaining) more result companies visible at `at` (default: the
   * latest request's `now`); returns how many. RECEIVED/ACCEPTED orders move to IN_PROGRESS;
   * a COMPLETED order has nothing left unless completed with `deliverRemaining: false`.
   */
  deliver(orderId: string, count?: number, at?: number): number;
  /** Time-driven lifecycle evaluated lazily on each request; null switches it off. */
  autoProgress(opts: AutoProgressOptions | null): void;
  /** Sets `estimated_cost` of an order (documented as `{total, currency}` or null). */
  setEstimatedCost(orderId: string, cost: { total: number; currency: string } | null): void;
  /** Result items currently visible for an order, exactly as `/results` would serve them. */
  visibleResults(orderId: string): ResultCompany[];
  profileCreations(): readonly SimProfileCreation[];
  /** Outcome for profile creations that finish from now on (sticky). */
  setProfileOutcome(nextOutcome: 'SUCCEEDED' | 'FAILED', reason?: string): void;
  blacklists(): readonly SimBlacklist[];
  /** Every request seen, in order. */
  readonly requests: SimRequest[];
  readonly counts: SimCounts;
}

const DEFAULT_ORG = 'org-1';

/** Creates a fresh simulator. */
export function createOpenProspectSim(opts: OpenProspectSimOptions = {}): OpenProspectSim {
  const state: SimState = {
    seed: opts.seed ?? 1,
    rateLimitPerHour: opts.rateLimitPerHour ?? null,
    ordersListEnvelope: opts.ordersListEnvelope ?? 'items',
    discoveryDefaultQuantity: opts.discoveryDefaultQuantity ?? 25,
    slashRedirect: opts.slashRedirect ?? null,
    refuseEarlyResults: opts.refuseEarlyResults ?? false,
    keys: new Map(),
    orders: [],
    profiles: new Map(),
    creations: [],
    blacklists: new Map(),
    rate: new Map(),
    idempotency: new Map(),
    idCounters: new Map(),
    counts: zeroCounts(),
    requests: [],
    lastNow: 0,
    deliverySeq: 0,
    auto: null,
    profileOutcome: { outcome: 'SUCCEEDED', reason: null },
  };
  const mustOrder = (id: string): SimOrder => {
    const o = state.orders.find((x) => x.id === id);
    if (!o) throw new Error(`unknown order ${id}`);
    return o;
  };
  const variants = [...(opts.variants ?? [])];
  return {
    handle: (req: SimRequest): SimResponse => variants.reduce((res, v) => reshapeOpenProspect(v, req, res), handleRequest(state, req)),
    addKey(key, scopes = ALL_SCOPES, o = {}) {
      state.keys.set(key, { key, scopes: [...scopes], org: o.org ?? DEFAULT_ORG });
    },
    removeKey(key) {
      state.keys.delete(key);
    },
    addProfile(o = {}) {
      const id = nextId(state, 'profile');
      state.profiles.set(id, { id, org: o.org ?? DEFAULT_ORG, name: o.name ?? 'Manual profile', createdAt: state.lastNow, origin: 'manual' });
      return id;
    },
    orders: () => state.orders,
    order: (id) => state.orders.find((o) => o.id === id),
    advance(orderId, to, o = {}) {
      advanceOrder(state, mustOrder(orderId), to, o.at ?? state.lastNow, o.reason, o.deliverRemaining ?? true);
    },
    deliver(orderId, count, at) {
      return deliverOrder(state, mustOrder(orderId), count, at ?? state.lastNow);
    },
    autoProgress(o) {
      state.auto = o === null ? null : { ...o };
      if (o !== null) applyAutoProgress(state, state.lastNow);
    },
    setEstimatedCost(orderId, cost) {
      mustOrder(orderId).estimatedCost = cost === null ? null : { ...cost };
    },
    visibleResults(orderId) {
      const o = mustOrder(orderId);
      return visibleDeliveries(state, o).map((v) => resultCompany(state.seed, o, v.identity(), v.deliveredAt));
    },
    profileCreations: () => state.creations,
    setProfileOutcome(outcome, reason) {
      state.profileOutcome = { outcome, reason: reason ?? null };
    },
    blacklists: () => [...state.blacklists.values()],
    requests: state.requests,
    counts: state.counts,
  };
}
