/**
 * Order lifecycle: RECEIVED -> ACCEPTED -> IN_PROGRESS -> COMPLETED, or REJECTED (from RECEIVED),
 * FAILED (after acceptance) and CANCELLED (from any open state). Terminal states never change.
 * Deliveries make result companies visible one by one with a `delivered_at`.
 */
import { buildIndex, findMatch, type MatchIndex } from './blacklist-match';
import { type CompanyIdentity, identityOf } from './identity';
import { nextId } from './ids';
import { type OrderStatus, type SimOrder, type SimState, TERMINAL_STATUSES } from './model';

/** Statuses `advance` may target. */
export type AdvanceTarget = Exclude<OrderStatus, 'RECEIVED'>;

const MAIN_PATH: readonly OrderStatus[] = ['RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED'];

/** The number of companies the order will deliver in total. */
export function targetCount(state: SimState, order: SimOrder): number {
  return order.input.order_type === 'ENRICHMENT' ? order.input.companies.length : (order.input.briefing_quantity ?? state.discoveryDefaultQuantity);
}

/** Companies not yet delivered. */
export function remaining(state: SimState, order: SimOrder): number {
  return Math.max(0, targetCount(state, order) - order.deliveries.length);
}

/** Blacklists attached to a discovery order that still exist. */
export function orderBlacklistIndex(state: SimState, order: SimOrder): MatchIndex {
  const lists = order.input.blacklist_ids.map((id) => state.blacklists.get(id)).filter((b) => b !== undefined && b.org === order.org);
  return buildIndex(lists as NonNullable<(typeof lists)[number]>[]);
}

function setStatus(state: SimState, order: SimOrder, to: OrderStatus, at: number): void {
  order.status = to;
  if (to === 'ACCEPTED') {
    order.acceptedAt = at;
    order.prospectSearchId = nextId(state, 'prospect-search');
  } else if (to === 'IN_PROGRESS') order.inProgressAt = at;
  else if (to === 'COMPLETED') order.completedAt = at;
  else if (to === 'CANCELLED') order.cancelledAt = at;
  else if (to === 'REJECTED') order.rejectedAt = at;
  else if (to === 'FAILED') order.failedAt = at;
}

/**
 * Moves an order forward, walking the main path as needed (e.g. RECEIVED -> COMPLETED passes
 * ACCEPTED and IN_PROGRESS). COMPLETED delivers everything still outstanding. `reason` becomes
 * `admin_notes` (the only message field the status response documents).
 */
export function advanceOrder(state: SimState, order: SimOrder, to: AdvanceTarget, at: number, reason?: string, deliverRemaining = true): void {
  if (order.status === to) return;
  if (TERMINAL_STATUSES.includes(order.status)) throw new Error(`order ${order.id} is ${order.status}; cannot move to ${to}`);
  if (to === 'REJECTED' && order.status !== 'RECEIVED') throw new Error(`only a RECEIVED order can be REJECTED (order is ${order.status})`);
  const from = MAIN_PATH.indexOf(order.status);
  const intermediates: OrderStatus[] = [];
  if (to === 'FAILED') {
    if (order.status === 'RECEIVED') intermediates.push('ACCEPTED');
  } else if (MAIN_PATH.includes(to)) {
    const target = MAIN_PATH.indexOf(to);
    if (target < from) throw new Error(`order ${order.id} is ${order.status}; cannot go back to ${to}`);
    for (let i = from + 1; i < target; i++) intermediates.push(MAIN_PATH[i] as OrderStatus);
  }
  for (const s of intermediates) setStatus(state, order, s, at);
  if (to === 'COMPLETED' && deliverRemaining) deliverOrder(state, order, undefined, at);
  if (reason !== undefined) order.adminNotes = reason;
  setStatus(state, order, to, at);
}

/**
 * Delivers `count` more companies (default: all remaining) at virtual time `at`.
 * An order that is RECEIVED or ACCEPTED is moved to IN_PROGRESS first. A COMPLETED order has
 * nothing left (0) unless it was completed with `deliverRemaining: false` (late deliveries).
 * REJECTED/FAILED/CANCELLED orders throw. Discovery skips candidates that match the order's
 * blacklists at delivery time. Returns the number delivered.
 */
export function deliverOrder(state: SimState, order: SimOrder, count: number | undefined, at: number): number {
  if (order.status === 'RECEIVED' || order.status === 'ACCEPTED') advanceOrder(state, order, 'IN_PROGRESS', at);
  if (order.status !== 'IN_PROGRESS' && order.status !== 'COMPLETED') throw new Error(`order ${order.id} is ${order.status}; cannot deliver`);
  const n = Math.min(count ?? Number.POSITIVE_INFINITY, remaining(state, order));
  if (order.input.order_type === 'ENRICHMENT') {
    for (let i = 0; i < n; i++) order.deliveries.push({ ref: order.deliveries.length, deliveredAt: at, seq: state.deliverySeq++ });
    return n;
  }
  const idx = orderBlacklistIndex(state, order);
  let done = 0;
  for (let guard = 0; done < n && guard < 10_000_000; guard++) {
    const k = order.cursor++;
    if (findMatch(idx, identityOf(state.seed, order, k))) continue;
    order.deliveries.push({ ref: k, deliveredAt: at, seq: state.deliverySeq++ });
    done++;
  }
  return done;
}

/**
 * Delivered companies currently visible (discovery re-checks blacklists), in delivery order.
 * Identities are resolved lazily (`identity()`), so pages of large orders stay cheap.
 */
export function visibleDeliveries(state: SimState, order: SimOrder): Array<{ ref: number; deliveredAt: number; identity: () => CompanyIdentity }> {
  const idx = order.input.order_type === 'DISCOVERY' ? orderBlacklistIndex(state, order) : null;
  const sorted = [...order.deliveries].sort((a, b) => a.deliveredAt - b.deliveredAt || a.seq - b.seq);
  const visible = idx === null || idx.size === 0 ? sorted : sorted.filter((d) => findMatch(idx, identityOf(state.seed, order, d.ref)) === null);
  return visible.map((d) => ({ ref: d.ref, deliveredAt: d.deliveredAt, identity: () => identityOf(state.seed, order, d.ref) }));
}

/**
 * Applies the time-driven lifecycle up to `now` (lazily, on each request). Events are stamped
 * with their scheduled times, not with `now`.
 */
export function applyAutoProgress(state: SimState, now: number): void {
  const auto = state.auto;
  if (!auto) return;
  for (const order of state.orders) {
    if (order.status === 'RECEIVED' && now >= order.createdAt + auto.acceptAfterMs) {
      advanceOrder(state, order, 'ACCEPTED', order.createdAt + auto.acceptAfterMs);
    }
    if (order.status === 'ACCEPTED' && order.acceptedAt !== null && now >= order.acceptedAt + auto.startAfterMs) {
      advanceOrder(state, order, 'IN_PROGRESS', order.acceptedAt + auto.startAfterMs);
    }
    if (order.status !== 'IN_PROGRESS' || order.inProgressAt === null) continue;
    const start = order.inProgressAt;
    while (remaining(state, order) > 0) {
      const tick = start + (order.autoTicks + 1) * Math.max(1, auto.deliverEveryMs);
      if (tick > now) break;
      deliverOrder(state, order, Math.max(1, auto.perDelivery), tick);
      order.autoTicks++;
    }
    if (remaining(state, order) === 0) {
      const last = order.deliveries.reduce((m, d) => Math.max(m, d.deliveredAt), start);
      advanceOrder(state, order, 'COMPLETED', last);
    }
  }
}
