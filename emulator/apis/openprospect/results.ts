/**
 * `GET /orders/{order_id}/results` and the optional `GET /deliveries/{prospect_search_id}/companies`.
 * Only delivered companies appear, in delivery order (new deliveries append, so offsets stay
 * stable). `delivered_since` keeps companies delivered strictly after the timestamp; `total`
 * counts the companies matching the filter (delivered, visible, after delivered_since) and
 * `has_more` is `offset + items.length < total`. Results are served in any status (progressive
 * delivery); fetches before COMPLETED are counted in `counts.resultsFetchesBeforeCompleted`. With
 * `refuseEarlyResults` (the overview's "do not fetch results until COMPLETED" taken strictly) such a
 * fetch is a 409 ORDER_NOT_COMPLETED instead.
 * Discovery results never contain a company that matches the order's blacklists.
 */
import { json, type SimResponse } from '../types';
import type { Ctx, RouteHandler } from './context';
import { flatError, notFound, validationError } from './errors';
import { resultCompany } from './generate';
import type { Issue } from './issues';
import { visibleDeliveries } from './lifecycle';
import type { SimOrder } from './model';
import { findOrder, orderNotFound } from './orders';
import { datetimeParam, pageParams } from './query';

function resultsPage(ctx: Ctx, order: SimOrder): SimResponse {
  const issues: Issue[] = [];
  const { limit, offset } = pageParams(ctx.req, issues);
  const since = datetimeParam(ctx.req, 'delivered_since', issues);
  if (issues.length > 0) return validationError(issues);
  const visible = visibleDeliveries(ctx.state, order).filter((v) => since === null || v.deliveredAt * 1000 > since);
  const slice = visible.slice(offset, offset + limit);
  return json(200, {
    items: slice.map((v) => resultCompany(ctx.state.seed, order, v.identity(), v.deliveredAt)),
    total: visible.length,
    limit,
    offset,
    has_more: offset + slice.length < visible.length,
  });
}

/** GET /api/v1/orders/{order_id}/results. */
export const getResults: RouteHandler = (ctx) => {
  const order = findOrder(ctx);
  if (!order) return orderNotFound(ctx);
  // The overview: "do not fetch results until the order is COMPLETED". A strict server refuses.
  if (ctx.state.refuseEarlyResults && order.status !== 'COMPLETED') {
    ctx.state.counts.resultsFetchesBeforeCompleted++;
    return flatError(409, 'ORDER_NOT_COMPLETED', `Order ${order.id} is ${order.status}; results are available once it is COMPLETED`);
  }
  const res = resultsPage(ctx, order);
  if (res.status === 200) {
    ctx.state.counts.resultsFetches++;
    if (order.status !== 'COMPLETED') ctx.state.counts.resultsFetchesBeforeCompleted++;
  }
  return res;
};

/** GET /api/v1/deliveries/{prospect_search_id}/companies (NOTES: optional path; same items). */
export const getDeliveries: RouteHandler = (ctx) => {
  const id = ctx.params['prospect_search_id'] ?? '';
  const order = ctx.state.orders.find((o) => o.prospectSearchId === id && o.org === ctx.key.org);
  if (!order) return notFound('PROSPECT_SEARCH_NOT_FOUND', 'ProspectSearch', id, 'Prospect search');
  return resultsPage(ctx, order);
};
