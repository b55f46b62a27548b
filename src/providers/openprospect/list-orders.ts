/**
 * `GET /orders/` with an optional status filter: the guides' sample code reads `orders`, other
 * lists use `items` with `total`/`limit`/`offset`/`has_more` (NOTES), so both envelopes are read.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { ItemsEnvelopeSchema, OrdersEnvelopeSchema, PATHS, type Order, type OrderStatus } from './schemas';
import { malformedAnswer, parseAnswer } from '../../platform/response';

/** Query of a list call. */
export interface ListOrdersQuery {
  /** One of the seven statuses (a string is allowed for statuses the docs do not list yet). */
  status?: OrderStatus | (string & {});
  limit?: number;
  offset?: number;
}

/** One page of orders, whichever envelope the server used. */
export interface OrdersPage {
  orders: Order[];
  total?: number;
  limit?: number;
  offset?: number;
  hasMore?: boolean;
  /** Which envelope the body used. */
  envelope: 'orders' | 'items';
}

/** List orders (newest first, as the server returns them). */
export function listOrders(http: Http, query: ListOrdersQuery = {}): OrdersPage {
  return readOrdersPage(http.request<unknown>(listOrdersRequest(query)));
}

/** The request for one page of orders. */
export function listOrdersRequest(query: ListOrdersQuery = {}): ApiRequest {
  return { method: 'get', path: PATHS.listOrders, query: { status: query.status, limit: query.limit, offset: query.offset } };
}

/** Read a page of orders in either envelope. */
export function readOrdersPage(res: ApiResponse<unknown>): OrdersPage {
  const body = res.body;
  const what = 'GET /orders/';
  const has = (key: string): boolean => typeof body === 'object' && body !== null && key in body;
  // Pick the schema by key so the error names the real bad path, not "matches no union member".
  const envelope = has('orders') ? 'orders' : has('items') ? 'items' : undefined;
  if (envelope === undefined) throw malformedAnswer('openprospect', res, `${what}: (body): expected an object with an "orders" or "items" array`);
  let orders: Order[];
  let parsed: {
    total?: number | null | undefined;
    limit?: number | null | undefined;
    offset?: number | null | undefined;
    has_more?: boolean | null | undefined;
  };
  if (envelope === 'orders') {
    const p = parseAnswer('openprospect', OrdersEnvelopeSchema, res, what);
    orders = p.orders;
    parsed = p;
  } else {
    const p = parseAnswer('openprospect', ItemsEnvelopeSchema, res, what);
    orders = p.items;
    parsed = p;
  }
  const page: OrdersPage = { orders, envelope };
  if (typeof parsed.total === 'number') page.total = parsed.total;
  if (typeof parsed.limit === 'number') page.limit = parsed.limit;
  if (typeof parsed.offset === 'number') page.offset = parsed.offset;
  if (typeof parsed.has_more === 'boolean') page.hasMore = parsed.has_more;
  return page;
}
