/** Domain types and constants of the OpenProspect simulator. */
import type { SimRequest } from '../types';

/** The eight enrichment features of the guides. */
export const FEATURES = ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES', 'JOBS', 'HANDELSREGISTER', 'ANALYSIS', 'EMAIL_DISCOVERY', 'EMAIL_GENERATION'] as const;
/** One enrichment feature name. */
export type Feature = (typeof FEATURES)[number];

/** All seven order statuses (overview: five lifecycle states plus REJECTED and FAILED). */
export const ORDER_STATUSES = ['RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'] as const;
/** One order status. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Statuses an order never leaves. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ['COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'];

/** The two order types. */
export const ORDER_TYPES = ['ENRICHMENT', 'DISCOVERY'] as const;
/** One order type. */
export type OrderType = (typeof ORDER_TYPES)[number];
/** Order priorities (NORMAL is the default). */
export const PRIORITIES = ['NORMAL', 'EXPRESS'] as const;
/** One order priority. */
export type Priority = (typeof PRIORITIES)[number];

/** Scope names used by the docs and NOTES.md. */
export const ALL_SCOPES = ['orders:read', 'orders:write', 'companies:read', 'prospects:read', 'blacklists:read', 'blacklists:write'] as const;

/** Documented limits. */
export const LIMITS = {
  companiesMax: 10_000,
  companyNameMax: 500,
  titleMax: 500,
  profileNameMax: 500,
  icpMax: 5_000,
  sellerOfferingMax: 5_000,
  sellerIndustryMax: 1_000,
  outputLanguageMax: 10,
  blacklistEntriesPerAdd: 10_000,
  pageMax: 100,
  pageDefault: 50,
} as const;

/** One submitted enrichment company, as validated. */
export interface EnrichmentCompanyInput {
  company_name: string;
  external_id: string | null;
  website_url: string | null;
  postal_code: string | null;
  city: string | null;
  street: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  employee_count: number | null;
  industry_code: string | null;
  industry_description: string | null;
}

/** A validated order request (both types). */
export interface OrderInput {
  order_type: OrderType;
  title: string;
  features: Feature[];
  profile_name: string | null;
  profile_id: string | null;
  priority: Priority;
  webhook_url: string | null;
  ideal_customer_profile: string | null;
  contact_roles: string[] | null;
  companies: EnrichmentCompanyInput[];
  seller_offering: string | null;
  seller_industry: string | null;
  target_countries: string[] | null;
  target_cities: string[] | null;
  excluded_industries: string[] | null;
  output_language: string | null;
  blacklist_ids: string[];
  briefing_quantity: number | null;
}

/** One delivery of one result company. `ref` is the company position (enrichment) or candidate index (discovery). */
export interface SimDelivery {
  ref: number;
  deliveredAt: number;
  seq: number;
}

/** An order as the simulator stores it. */
export interface SimOrder {
  id: string;
  org: string;
  input: OrderInput;
  status: OrderStatus;
  profileId: string;
  /** Source ids (= external_id, or auto-generated) per submitted company. */
  sourceIds: string[];
  /** Hash basis for deterministic generation (the order input without volatile fields). */
  basis: string;
  createdAt: number;
  acceptedAt: number | null;
  inProgressAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
  rejectedAt: number | null;
  failedAt: number | null;
  adminNotes: string | null;
  estimatedCost: { total: number; currency: string } | null;
  prospectSearchId: string | null;
  deliveries: SimDelivery[];
  /** Discovery: next candidate index to consider. */
  cursor: number;
  /** autoProgress: delivery ticks already applied. */
  autoTicks: number;
  idempotencyKey: string | null;
}

/** A search profile usable as `profile_id`. */
export interface SimProfile {
  id: string;
  org: string;
  name: string;
  createdAt: number;
  origin: 'creation' | 'order' | 'manual';
}

/** Profile creation statuses (overview). */
export type ProfileCreationStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** A `POST /search-profile-creations` request and its progress. */
export interface SimProfileCreation {
  id: string;
  org: string;
  status: ProfileCreationStatus;
  input: Record<string, unknown>;
  profileName: string;
  profileId: string | null;
  failureReason: string | null;
  /** GETs seen so far (drives PENDING -> RUNNING -> terminal). */
  polls: number;
  createdAt: number;
  updatedAt: number;
  idempotencyKey: string;
}

/** One blacklist entry. */
export interface SimBlacklistEntry {
  id: string;
  company_name: string;
  website_url: string | null;
  city: string | null;
  country: string | null;
  external_id: string | null;
  createdAt: number;
}

/** A blacklist with its entries. */
export interface SimBlacklist {
  id: string;
  org: string;
  name: string;
  description: string | null;
  createdAt: number;
  updatedAt: number;
  entries: SimBlacklistEntry[];
}

/** An API key. */
export interface SimKey {
  key: string;
  scopes: string[];
  org: string;
}

/** A stored Idempotency-Key use. */
export interface IdempotencyRecord {
  fingerprint: string;
  resourceId: string;
  status: number;
  body: string;
  createdAt: number;
}

/** Counters for assertions. */
export interface SimCounts {
  requests: number;
  ordersCreated: number;
  idempotentReplays: number;
  idempotencyConflicts: number;
  profileCreationsCreated: number;
  blacklistsCreated: number;
  blacklistEntriesAdded: number;
  unauthorized: number;
  forbidden: number;
  rateLimited: number;
  validationErrors: number;
  notFound: number;
  resultsFetches: number;
  /** GET /results while the order was not COMPLETED (the guides say not to). */
  resultsFetchesBeforeCompleted: number;
  /** Requests answered with a trailing-slash redirect. */
  redirects: number;
}

/** Time-driven lifecycle for the playground. */
export interface AutoProgressOptions {
  acceptAfterMs: number;
  startAfterMs: number;
  deliverEveryMs: number;
  perDelivery: number;
}

/** Everything the simulator remembers. */
export interface SimState {
  /** Answer 409 ORDER_NOT_COMPLETED to a results fetch before COMPLETED (default false: served). */
  refuseEarlyResults: boolean;
  seed: number;
  rateLimitPerHour: number | null;
  ordersListEnvelope: 'items' | 'orders';
  discoveryDefaultQuantity: number;
  /** Trailing-slash redirects (FastAPI's redirect_slashes), or null: both forms served. */
  slashRedirect: SlashRedirect | null;
  keys: Map<string, SimKey>;
  orders: SimOrder[];
  profiles: Map<string, SimProfile>;
  creations: SimProfileCreation[];
  blacklists: Map<string, SimBlacklist>;
  rate: Map<string, { window: number; count: number }>;
  idempotency: Map<string, IdempotencyRecord>;
  idCounters: Map<string, number>;
  counts: SimCounts;
  requests: SimRequest[];
  lastNow: number;
  deliverySeq: number;
  auto: AutoProgressOptions | null;
  profileOutcome: { outcome: 'SUCCEEDED' | 'FAILED'; reason: string | null };
}

/** A fresh zeroed counter set. */
export function zeroCounts(): SimCounts {
  return {
    requests: 0,
    ordersCreated: 0,
    idempotentReplays: 0,
    idempotencyConflicts: 0,
    profileCreationsCreated: 0,
    blacklistsCreated: 0,
    blacklistEntriesAdded: 0,
    unauthorized: 0,
    forbidden: 0,
    rateLimited: 0,
    validationErrors: 0,
    notFound: 0,
    resultsFetches: 0,
    resultsFetchesBeforeCompleted: 0,
    redirects: 0,
  };
}

/**
 * How the server treats `/orders` vs `/orders/` (the guides use the slash, the endpoint list does
 * not): `canonical` is the one form served; the other is answered with `status` and a Location
 * on `origin` (default: the request's own scheme and host; another origin models a misconfigured
 * base URL or a proxy).
 */
export interface SlashRedirect {
  canonical: 'slash' | 'no-slash';
  status: 301 | 302 | 307 | 308;
  origin?: string;
}
