/**
 * OpenProspect wire contract: enums, documented limits and zod/mini schemas for every response
 * body, plus the one helper that turns a failed parse into a MalformedResponseError.
 *
 * Sources: openprospect-orders-overview.txt, -enrichment-orders.txt, -discovery-orders.txt and
 * the OpenProspect section of NOTES.md. Which fields are required, and the variants accepted,
 * are written down in readers.ts.
 */
import * as z from 'zod/mini';
import { MalformedResponseError } from '../../platform/errors';
import type { ApiResponse } from '../../platform/http-types';
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
export const FEATURES = [
  'COMPANY_DATA',
  'CONTACTS',
  'TECHNOLOGIES',
  'JOBS',
  'HANDELSREGISTER',
  'ANALYSIS',
  'EMAIL_DISCOVERY',
  'EMAIL_GENERATION',
] as const;
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

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/** `social_media_links[]`: `{ platform, url }`. */
export const SocialLinkSchema = z.looseObject({ platform: Str, url: Str });
/** One social link. */
export type SocialLink = z.infer<typeof SocialLinkSchema>;

/**
 * `legal_registration_info` (HANDELSREGISTER): documented keys company_name, legal_form,
 * registration_number, registration_court, founding_date, share_capital_amount,
 * business_purpose, status, is_dissolved; typed `Record<string, unknown> | null`, so any value
 * type is accepted.
 */
export const LegalRegistrationSchema = z.record(z.string(), z.unknown());
/** Documented legal registration keys, in display order. */
export const LEGAL_FIELDS = [
  'company_name',
  'legal_form',
  'registration_number',
  'registration_court',
  'founding_date',
  'share_capital_amount',
  'business_purpose',
  'status',
  'is_dissolved',
] as const;

/** One prospect (contact) inside a result company (guides' `Prospect` interface). */
export const ProspectSchema = z.looseObject({
  id: NonEmptyString,
  company_id: Str,
  first_name: Str,
  last_name: Str,
  job_title: Str,
  email: Str,
  phone_number: Str,
  linkedin_url: Str,
  qualification_score: Num,
  qualification_reason: Str,
  /** PERSONAL, GENERAL or ROLE; other strings kept. */
  email_type: Str,
  validation_confidence: Num,
  bounce_risk_score: Num,
});
/** One parsed prospect. */
export type Prospect = z.infer<typeof ProspectSchema>;

/**
 * One result company (guides' `Company` interface plus the COMPANY_DATA extras street,
 * postal_code, review_rating, review_count, favicon_url). `source_id` echoes the submitted
 * `external_id` for enrichment and is null for discovery.
 */
export const ResultCompanySchema = z.looseObject({
  id: NonEmptyString,
  name: Str,
  website_url: Str,
  normalized_url: Str,
  business_type: Str,
  street: Str,
  postal_code: Str,
  city: Str,
  country: Str,
  description: Str,
  employee_count: Num,
  phone_numbers: StrList,
  social_media_links: loose(z.array(SocialLinkSchema)),
  review_rating: Num,
  review_count: Num,
  favicon_url: Str,
  match_score: Num,
  match_reasons: StrList,
  match_reasoning: Str,
  web_technologies: StrList,
  web_technologies_analyzed_at: Str,
  source_id: Str,
  delivered_at: Str,
  legal_registration_info: loose(LegalRegistrationSchema),
  prospects: loose(z.array(ProspectSchema)),
});
/** One parsed result company. */
export type ResultCompany = z.infer<typeof ResultCompanySchema>;

/** `GET /orders/{id}/results` page: pagination fields are strict, the sync depends on them. */
export const ResultsPageSchema = z.looseObject({
  items: z.array(ResultCompanySchema),
  total: z.int().check(z.nonnegative()),
  limit: Num,
  offset: Num,
  has_more: z.boolean(),
});
/** One parsed results page. */
export type ResultsPage = z.infer<typeof ResultsPageSchema>;

// ---------------------------------------------------------------------------------------------
// Search profile creation (NOTES only; response shapes undocumented, read defensively)
// ---------------------------------------------------------------------------------------------

/** `POST /search-profile-creations` and `GET /search-profile-creations/{id}` body. */
export const ProfileCreationSchema = z.looseObject({
  profile_creation_id: Str,
  id: Str,
  status: NonEmptyString,
  profile_id: Str,
  reason: Str,
  failure_reason: Str,
  error_message: Str,
  message: Str,
  error: z.optional(z.unknown()),
});
/** Parsed profile creation body. */
export type ProfileCreation = z.infer<typeof ProfileCreationSchema>;

// ---------------------------------------------------------------------------------------------
// Blacklists (discovery guide + NOTES; response shapes undocumented, read defensively)
// ---------------------------------------------------------------------------------------------

/** A blacklist: `id` (or `blacklist_id`), `name`, `description`. */
export const BlacklistSchema = z.looseObject({
  id: Str,
  blacklist_id: Str,
  name: Str,
  description: Str,
  entry_count: Num,
  created_at: Str,
  updated_at: Str,
});
/** Parsed blacklist. */
export type Blacklist = z.infer<typeof BlacklistSchema>;

/** A blacklist entry as sent in `POST /blacklists/{id}/entries` (discovery guide). */
export const BlacklistEntrySchema = z.looseObject({
  id: Str,
  company_name: Str,
  website_url: Str,
  city: Str,
  country: Str,
  external_id: Str,
});
/** Parsed blacklist entry. */
export type BlacklistEntry = z.infer<typeof BlacklistEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** The minimal issue shape we read from zod (stable across zod v4 releases). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: unknown;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length === 0 ? 'an empty string' : 'a string';
  return `a ${typeof v}`;
}

/** Render a dotted path (`items.3.prospects.0.id`), or `(body)` for the root. */
export function formatPath(path: PropertyKey[]): string {
  return path.length === 0 ? '(body)' : path.map(String).join('.');
}

/** One readable sentence for the first zod issue, naming its path. */
export function describeIssue(issue: Issue, body: unknown): string {
  const where = formatPath(issue.path);
  const got = valueAt(body, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: expected ${String(issue.expected)}, got ${typeName(got)}`;
    case 'too_small':
      return `${where}: below the minimum ${String(issue.minimum)} (got ${typeName(got)})`;
    case 'too_big':
      return `${where}: above the maximum ${String(issue.maximum)}`;
    case 'invalid_value':
      return `${where}: unexpected value ${JSON.stringify(got)}`;
    case 'invalid_union':
      return `${where}: matches none of the accepted shapes`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/**
 * Validate a response body; on failure throw MalformedResponseError carrying the HTTP status,
 * the request id and a message that names the operation and the first bad path.
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, res: ApiResponse<unknown>, what: string): z.infer<S> {
  const r = schema.safeParse(res.body);
  if (r.success) return r.data as z.infer<S>;
  const first = r.error.issues[0] as Issue | undefined;
  const detail = first ? describeIssue(first, res.body) : 'does not match the documented shape';
  throw malformed(res, `${what}: ${detail}`);
}

/** A MalformedResponseError for `res` with the given message. */
export function malformed(res: ApiResponse<unknown>, message: string): MalformedResponseError {
  return new MalformedResponseError({
    provider: 'openprospect',
    status: res.status,
    code: 'MALFORMED_RESPONSE',
    message,
    requestId: res.headers['x-request-id'],
  });
}

// ---------------------------------------------------------------------------------------------
// Request bodies (what the builders produce and POST /orders/ sends)
// ---------------------------------------------------------------------------------------------

/** One company of an enrichment order (enrichment guide, "Company Fields"). */
export interface EnrichmentCompany {
  company_name: string;
  external_id?: string;
  website_url?: string;
  postal_code?: string;
  city?: string;
  street?: string;
  country?: string;
  email?: string;
  phone?: string;
  employee_count?: number;
  industry_code?: string;
  industry_description?: string;
}

/** Fields both order types share (enrichment "Request Parameters", discovery "Optional Fields"). */
export interface OrderBodyCommon {
  title: string;
  features: Feature[];
  profile_name?: string;
  profile_id?: string;
  priority?: Priority;
  webhook_url?: string;
  ideal_customer_profile?: string;
  contact_roles?: string[];
}

/** `POST /orders/` body for an enrichment order. */
export interface EnrichmentOrderBody extends OrderBodyCommon {
  order_type: 'ENRICHMENT';
  companies: EnrichmentCompany[];
}

/** `POST /orders/` body for a discovery order (no `companies`: forbidden). */
export interface DiscoveryOrderBody extends OrderBodyCommon {
  order_type: 'DISCOVERY';
  ideal_customer_profile: string;
  seller_offering: string;
  target_countries: string[];
  seller_industry?: string;
  target_cities?: string[];
  excluded_industries?: string[];
  output_language?: string;
  blacklist_ids?: string[];
  /** Qualified companies wanted (orders overview: "Send briefing_quantity? Yes" for discovery). */
  briefing_quantity?: number;
}

/** Either order body. */
export type OrderBody = EnrichmentOrderBody | DiscoveryOrderBody;
