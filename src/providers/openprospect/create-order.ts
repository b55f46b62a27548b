/**
 * `POST /orders/` (trailing slash, as both guides' request examples for enrichment show): creates
 * an enrichment or discovery order and answers 202 `{ order_id, status, company_count,
 * estimated_cost, message }`.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { CreateOrderResponseSchema, LIMITS, PATHS, type CreateOrderResponse } from './schemas';
import { parseAnswer } from '../../platform/response';
import type { OrderBody } from './bodies';

/** Options of a create call. */
export interface CreateOrderOptions {
  /**
   * Sent as `Idempotency-Key`. Required by our design: derived from job id + chunk and stored in
   * the job before the POST, so a retry (even from a killed run) never creates a second order.
   */
  idempotencyKey: string;
}

/**
 * The request creating one order. Refuses (programmer errors, caught before anything leaves the
 * script) a request without an Idempotency-Key and a body of the wrong size or shape.
 */
export function createOrderRequest(body: OrderBody, opts: CreateOrderOptions): ApiRequest {
  if (typeof opts.idempotencyKey !== 'string' || opts.idempotencyKey.trim() === '') {
    throw new TypeError('createOrder: an idempotencyKey is required');
  }
  if (body.order_type === 'ENRICHMENT' && (body.companies.length < 1 || body.companies.length > LIMITS.companiesPerOrder)) {
    throw new RangeError(`createOrder: an enrichment order takes 1 to ${LIMITS.companiesPerOrder} companies, got ${body.companies.length}`);
  }
  if (body.order_type === 'DISCOVERY' && 'companies' in body) {
    throw new TypeError('createOrder: a discovery order must not carry companies');
  }
  return { method: 'post', path: PATHS.createOrder, json: body, idempotencyKey: opts.idempotencyKey };
}

/** Read the 202 answer; a body without `order_id` is a MalformedResponseError. */
export function readCreatedOrder(res: ApiResponse<unknown>): CreateOrderResponse {
  return parseAnswer('openprospect', CreateOrderResponseSchema, res, 'POST /orders/');
}

/**
 * Create one order. Throws ApiError from Http (409 = the key was used with another body: make a
 * new key only if the body really changed) or MalformedResponseError for an undocumented body.
 */
export function createOrder(http: Http, body: OrderBody, opts: CreateOrderOptions): CreateOrderResponse {
  return readCreatedOrder(http.request<unknown>(createOrderRequest(body, opts)));
}
