/** OpenProspect request bodies: what the builders produce and POST /orders/ sends. */
import type { Feature, Priority } from './schemas';

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
