/**
 * The account's OpenProspect orders for the import picker: a page of 50 at an offset, optionally
 * only one status (`GET /orders/?status=&limit=&offset=`, discovery guide "List All Orders").
 */
import * as z from 'zod/mini';
import { listOrders } from '../providers/openprospect/list-orders';
import { ORDER_STATUSES } from '../providers/openprospect/schemas';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';

/** Orders per page in the picker. */
export const ORDERS_PAGE = 50;

/** One order in the picker. */
export interface OrderPick {
  orderId: string;
  title: string;
  status: string;
  type: string;
  companies: number | null;
  createdAt: string | null;
}

/** A page of the picker. */
export interface OrdersPick {
  orders: OrderPick[];
  offset: number;
  /** Where the next page starts, or null on the last. */
  nextOffset: number | null;
  /** All orders matching the filter, when OpenProspect says. */
  total: number | null;
  status: string | null;
}

export const OrdersPickInput = z.optional(z.object({ status: z.optional(z.string()), offset: z.optional(z.number().check(z.int(), z.nonnegative())) }));

/** A page of the account's orders, newest first; `status` '' or absent means every status. */
export function pickOrders(ctx: AppContext, input: unknown): OrdersPick {
  const parsed = parseInput(OrdersPickInput, input, 'the order list filter') ?? {};
  const status = parsed.status?.trim() || undefined;
  if (status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(status)) {
    throw new UserInputError(`Status "${status.slice(0, 40)}" is not one of ${ORDER_STATUSES.join(', ')}.`);
  }
  const offset = parsed.offset ?? 0;
  const page = listOrders(httpFor(ctx, 'openprospect'), { limit: ORDERS_PAGE, offset, ...(status ? { status } : {}) });
  const orders = page.orders.map((o) => ({
    orderId: o.order_id,
    title: o.title ?? '',
    status: o.status,
    type: o.order_type ?? '',
    companies: o.company_count ?? null,
    createdAt: o.created_at ?? null,
  }));
  const more = page.hasMore ?? orders.length === ORDERS_PAGE;
  return { orders, offset, nextOffset: more ? offset + orders.length : null, total: page.total ?? null, status: status ?? null };
}
