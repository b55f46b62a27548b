/**
 * OpenProspect wire contract: enums, documented limits and zod/mini schemas for every response
 * body (read through the shared parser, platform/response.ts).
 *
 * Sources: openprospect-orders-overview.txt, -enrichment-orders.txt, -discovery-orders.txt and
 * the OpenProspect section of NOTES.md. Which fields are required, and the variants accepted,
 * are written down in readers.ts.
 */
import * as z from 'zod/mini';
import { orNull } from '../soft-fields';
import { Num, Str, StrList, loose } from './readers';

// ---------------------------------------------------------------------------------------------
// Enums and limits
// ---------------------------------------------------------------------------------------------

/** The seven order statuses (the guides list five; the overview adds REJECTED and FAILED). */
export const ORDER_STATUSES = ['RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'] as const;
/** A documented order status. Responses may carry others: they are kept as plain strings. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses after which an order never changes again. */
export const TERMINAL_ORDER_STATUSES: readonly OrderStatus[] = ['COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'];

/** The 8 enrichment features (enrichment guide, "Available Features"). */
export const FEATURES = ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES', 'JOBS', 'HANDELSREGISTER', 'ANALYSIS', 'EMAIL_DISCOVERY', 'EMAIL_GENERATION'] as const;
/** One documented enrichment feature. */
export type Feature = (typeof FEATURES)[number];

/** Order priority: NORMAL is the server default. */
export const PRIORITIES = ['NORMAL', 'EXPRESS'] as const;
/** One documented priority. */
export type Priority = (typeof PRIORITIES)[number];

/** The two order types. */
export const ORDER_TYPES = ['ENRICHMENT', 'DISCOVERY'] as const;
/** One documented order type. */
export type OrderType = (typeof ORDER_TYPES)[number];

/** Search profile creation lifecycle (overview, "Statuses"). */
export const PROFILE_CREATION_STATUSES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
/** One documented profile creation status. */
export type ProfileCreationStatus = (typeof PROFILE_CREATION_STATUSES)[number];

/** Every documented numeric limit, in one place. */
export const LIMITS = {
  /** Enrichment: "1 to 10,000 companies" per order. */
  companiesPerOrder: 10_000,
  /** Enrichment company field: "Company name (max 500 chars)". */
  companyName: 500,
  /** Discovery "Max Length" table; the same POST /orders/ model, so applied to enrichment too. */
  title: 500,
  profileName: 500,
  idealCustomerProfile: 5_000,
  sellerOffering: 5_000,
  sellerIndustry: 1_000,
  outputLanguage: 10,
  /** Results pagination: limit 1-100, default 50. */
  resultsPageMin: 1,
  resultsPageMax: 100,
  resultsPageDefault: 50,
  /** NOTES: up to 10,000 blacklist entries per bulk add. */
  blacklistEntriesPerPost: 10_000,
} as const;

/** Paths below the base URL `https://api.openprospect.io/api/v1`, in one place. */
export const PATHS = {
  validateKey: '/auth/validate',
  /** The guides' form with the trailing slash: POST must never hit a redirect. */
  createOrder: '/orders/',
  /** Enrichment guide list example `GET /orders/?status=...`; a GET redirect would be followed anyway. */
  listOrders: '/orders/',
  order: (orderId: string): string => `/orders/${encodeURIComponent(orderId)}`,
  results: (orderId: string): string => `/orders/${encodeURIComponent(orderId)}/results`,
  profileCreations: '/search-profile-creations',
  profileCreation: (id: string): string => `/search-profile-creations/${encodeURIComponent(id)}`,
  blacklists: '/blacklists',
  blacklist: (id: string): string => `/blacklists/${encodeURIComponent(id)}`,
  blacklistEntries: (id: string): string => `/blacklists/${encodeURIComponent(id)}/entries`,
} as const;

/** True for one of the seven documented order statuses. */
export function isKnownOrderStatus(status: string): status is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(status);
}

/** True for one of the 8 documented features. */
export function isFeature(value: string): value is Feature {
  return (FEATURES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Schema building blocks
// ---------------------------------------------------------------------------------------------

/** A non-empty string: ids and statuses the add-on depends on. */
export const NonEmptyString = z.string().check(z.minLength(1));

/** `estimated_cost: { total, currency } | null` (null for discovery and before review). */
export const EstimatedCostSchema = z.looseObject({ total: z.number(), currency: z.string() });
/** The documented estimated cost. */
export type EstimatedCost = z.infer<typeof EstimatedCostSchema>;

// ---------------------------------------------------------------------------------------------
// Auth
// ---------------------------------------------------------------------------------------------

/** `GET /auth/validate` -> `{ valid, scopes }` (NOTES). */
export const ValidateKeyResponseSchema = z.looseObject({
  valid: z.boolean(),
  scopes: loose(z.array(z.string())),
});
/** Parsed `GET /auth/validate` body. */
export type ValidateKeyResponse = z.infer<typeof ValidateKeyResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

/** `POST /orders/` 202 body (both guides; discovery adds `order_type`). */
export const CreateOrderResponseSchema = z.looseObject({
  order_id: NonEmptyString,
  order_type: Str,
  /** Read when sent; the job polls the order's status anyway. */
  status: z.optional(NonEmptyString),
  company_count: Num,
  estimated_cost: z.optional(orNull(EstimatedCostSchema)),
  message: Str,
});
/** Parsed 202 body of an order creation. */
export type CreateOrderResponse = z.infer<typeof CreateOrderResponseSchema>;

/**
 * `GET /orders/{id}` body and one entry of `GET /orders/`. The enrichment guide omits
 * `order_type` and the discovery fields; `message` is not documented on GET but the overview
 * says to "check the message" on REJECTED, so it is read when present.
 */
export const OrderSchema = z.looseObject({
  order_id: NonEmptyString,
  order_type: Str,
  title: Str,
  status: NonEmptyString,
  priority: Str,
  company_count: Num,
  features: StrList,
  estimated_cost: z.optional(orNull(EstimatedCostSchema)),
  prospect_search_id: Str,
  admin_notes: Str,
  message: Str,
  webhook_url: Str,
  seller_offering: Str,
  seller_industry: Str,
  excluded_industries: StrList,
  target_countries: StrList,
  target_cities: StrList,
  output_language: Str,
  created_at: Str,
  accepted_at: Str,
  completed_at: Str,
  cancelled_at: Str,
});
/** Parsed order status body. */
export type Order = z.infer<typeof OrderSchema>;

const ListMeta = {
  total: Num,
  limit: Num,
  offset: Num,
  has_more: loose(z.boolean()),
};

/** `GET /orders/` as the guides' sample code reads it: `{ orders: [...] }`. */
export const OrdersEnvelopeSchema = z.looseObject({ orders: z.array(OrderSchema), ...ListMeta });
/** `GET /orders/` in the common list envelope: `{ items, total, limit, offset, has_more }`. */
export const ItemsEnvelopeSchema = z.looseObject({ items: z.array(OrderSchema), ...ListMeta });
