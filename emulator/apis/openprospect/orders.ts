/** Handlers for `POST /orders`, `GET /orders` and `GET /orders/{order_id}`. */
import { json } from '../types';
import type { Ctx, RouteHandler } from './context';
import { notFound, validationError } from './errors';
import { canonicalJson, checkIdempotency, readIdempotencyKey, saveIdempotency } from './idempotency';
import { nextId } from './ids';
import { type Issue, issue } from './issues';
import { ORDER_STATUSES, type OrderInput, type OrderStatus, type SimOrder, type SimState } from './model';
import { validateOrder } from './order-input';
import { orderView } from './order-view';
import { uuidFor } from './prng';
import { page, pageParams } from './query';
import { readJsonObject } from './validation';

const IDEMPOTENCY_SCOPE = 'orders';

/** The org's order by id, or undefined (another org's order is "not found"). */
export function findOrder(ctx: Ctx): SimOrder | undefined {
  const id = ctx.params['order_id'] ?? '';
  return ctx.state.orders.find((o) => o.id === id && o.org === ctx.key.org);
}

/** The documented 404 for an order. */
export function orderNotFound(ctx: Ctx): ReturnType<typeof notFound> {
  return notFound('ORDER_NOT_FOUND', 'Order', ctx.params['order_id'] ?? '');
}

function generationBasis(input: OrderInput): string {
  return input.order_type === 'ENRICHMENT'
    ? canonicalJson({ companies: input.companies })
    : canonicalJson({
        icp: input.ideal_customer_profile,
        offering: input.seller_offering,
        industry: input.seller_industry,
        countries: input.target_countries,
        cities: input.target_cities,
        excluded: input.excluded_industries,
        language: input.output_language,
      });
}

function resolveProfile(state: SimState, org: string, input: OrderInput, now: number): string {
  if (input.profile_id !== null) return input.profile_id;
  // Docs: profile_name auto-creates a profile; with neither, one is auto-created from the title.
  const id = nextId(state, 'profile');
  state.profiles.set(id, { id, org, name: input.profile_name ?? input.title, createdAt: now, origin: 'order' });
  return id;
}

function newOrder(state: SimState, org: string, input: OrderInput, now: number, idempotencyKey: string | null): SimOrder {
  const basis = generationBasis(input);
  return {
    id: nextId(state, 'order'),
    org,
    input,
    status: 'RECEIVED',
    profileId: resolveProfile(state, org, input, now),
    // Docs: external_id is "Auto-generated if omitted"; the simulator derives it from the company list.
    sourceIds: input.companies.map((c, i) => c.external_id ?? uuidFor(state.seed, 'auto-external-id', org, basis, i)),
    basis,
    createdAt: now,
    acceptedAt: null,
    inProgressAt: null,
    completedAt: null,
    cancelledAt: null,
    rejectedAt: null,
    failedAt: null,
    adminNotes: null,
    estimatedCost: null,
    prospectSearchId: null,
    deliveries: [],
    cursor: 0,
    autoTicks: 0,
    idempotencyKey,
  };
}

/** POST /api/v1/orders(/): 202 with the documented creation shape. */
export const createOrder: RouteHandler = ({ req, state, key }) => {
  const idem = readIdempotencyKey(req, false);
  const parsed = readJsonObject(req);
  const early: Issue[] = [...(idem.issue ? [idem.issue] : []), ...(parsed.ok ? [] : parsed.issues)];
  if (early.length > 0 || !parsed.ok) return validationError(early);
  const fingerprint = canonicalJson(parsed.body);
  if (idem.key !== null) {
    const prior = checkIdempotency(state, IDEMPOTENCY_SCOPE, key.org, idem.key, fingerprint, req.now);
    if (prior) return prior;
  }
  const v = validateOrder(state, key.org, parsed.body);
  if ('issues' in v) return validationError(v.issues);
  const order = newOrder(state, key.org, v.input, req.now, idem.key);
  state.orders.push(order);
  state.counts.ordersCreated++;
  const res = json(202, {
    order_id: order.id,
    order_type: order.input.order_type,
    status: order.status,
    company_count: order.input.companies.length,
    estimated_cost: null,
    message: 'Order received. Awaiting admin review.',
  });
  if (idem.key !== null) {
    saveIdempotency(state, IDEMPOTENCY_SCOPE, key.org, idem.key, { fingerprint, resourceId: order.id, status: res.status, body: res.body, createdAt: req.now });
  }
  return res;
};

/**
 * GET /api/v1/orders(/): newest first, optional `status` filter, limit/offset.
 * Envelope (undocumented; NOTES: "sample code reads `orders`, other lists use `items`"):
 * `{items, total, limit, offset, has_more}` by default, `orders` instead of `items` when the
 * simulator is created with `ordersListEnvelope: 'orders'`.
 */
export const listOrders: RouteHandler = ({ req, state, key }) => {
  const issues: Issue[] = [];
  const status = req.query['status'];
  if (status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(status)) {
    issues.push(issue.enumValue(['query', 'status'], status, ORDER_STATUSES));
  }
  const { limit, offset } = pageParams(req, issues);
  if (issues.length > 0) return validationError(issues);
  const mine = state.orders
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.org === key.org && (status === undefined || o.status === (status as OrderStatus)))
    .sort((a, b) => b.o.createdAt - a.o.createdAt || b.i - a.i)
    .map(({ o }) => orderView(state, o));
  return json(200, page(mine, limit, offset, state.ordersListEnvelope));
};

/** GET /api/v1/orders/{order_id}. */
export const getOrder: RouteHandler = (ctx) => {
  const order = findOrder(ctx);
  return order ? json(200, orderView(ctx.state, order)) : orderNotFound(ctx);
};
