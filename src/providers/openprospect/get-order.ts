/**
 * `GET /orders/{order_id}`: the order's status and settings, plus the mapping from the seven
 * documented statuses (and any unknown one) to what a job does next.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { OrderSchema, PATHS, isKnownOrderStatus, type Order } from './schemas';
import { parseAnswer } from '../../platform/response';

/** The request for one order. */
export function orderRequest(orderId: string): ApiRequest {
  return { method: 'get', path: PATHS.order(orderId) };
}

/** Read an order; a body without `order_id`/`status` throws MalformedResponseError. */
export function readOrder(res: ApiResponse<unknown>, orderId: string): Order {
  return parseAnswer('openprospect', OrderSchema, res, `GET /orders/${orderId}`);
}

/** Fetch one order. A 404 (`ORDER_NOT_FOUND`) is thrown as NotFoundError by Http. */
export function getOrder(http: Http, orderId: string): Order {
  return readOrder(http.request<unknown>(orderRequest(orderId)), orderId);
}

export type OrderPhase = 'waiting' | 'completed' | 'rejected' | 'failed' | 'cancelled';

/** A status read for the job: its phase, and a warning or message worth showing. */
export interface OrderStatusReading {
  phase: OrderPhase;
  /** False for a status the docs do not list (treated as still running). */
  known: boolean;
  /** Set for an unknown status: surface it in the job. */
  warning?: string;
  /** The text to show on REJECTED/FAILED/CANCELLED (`admin_notes`, else `message`), if any. */
  message?: string;
}

/**
 * Classify a status (overview "Statuses"): RECEIVED/ACCEPTED/IN_PROGRESS poll again, COMPLETED
 * fetch results, REJECTED check the message, FAILED contact support with the order id,
 * CANCELLED stop. An unknown status is "still running" with a warning (NOTES).
 */
export function readOrderStatus(order: Pick<Order, 'order_id' | 'status' | 'admin_notes' | 'message'>): OrderStatusReading {
  const status = order.status;
  const note = order.admin_notes ?? order.message ?? undefined;
  const withNote = (r: OrderStatusReading): OrderStatusReading => (note ? { ...r, message: note } : r);
  if (!isKnownOrderStatus(status)) {
    return { phase: 'waiting', known: false, warning: `OpenProspect reported an unknown order status "${status}"; still waiting for COMPLETED.` };
  }
  switch (status) {
    case 'RECEIVED':
    case 'ACCEPTED':
    case 'IN_PROGRESS':
      return { phase: 'waiting', known: true };
    case 'COMPLETED':
      return { phase: 'completed', known: true };
    case 'REJECTED':
      return withNote({ phase: 'rejected', known: true });
    case 'FAILED':
      // The overview's advice for FAILED: contact support with the order id.
      return {
        phase: 'failed',
        known: true,
        message: `${note ? `${note}. ` : ''}Fulfillment failed; contact OpenProspect support with order ID ${order.order_id}.`,
      };
    case 'CANCELLED':
      return withNote({ phase: 'cancelled', known: true });
  }
}
