/**
 * Pure mapping from result items (`GET /orders/{id}/results`) to sheet rows: one row per company
 * and one per prospect, as plain objects with raw values. A writer flattens them later (arrays
 * joined, objects to `key: value` lines, strings as literal text); what this module shapes
 * itself: social links as `platform: url` lines, technologies joined, legal registration info as
 * `legal.<field>` sub-columns.
 */
import type { OrderType } from './schemas';
import { LEGAL_FIELDS, type Prospect, type ResultCompany } from './result-schemas';

/** One sheet row: column -> raw value (null when the API sent nothing). */
export type Row = Record<string, unknown>;

/** Company tab columns, key first. `external_id`: the echoed source id (enrichment) or the company id (discovery). */
export const COMPANY_COLUMNS = [
  'external_id',
  'company_id',
  'name',
  'website_url',
  'normalized_url',
  'business_type',
  'description',
  'street',
  'postal_code',
  'city',
  'country',
  'employee_count',
  'phone_numbers',
  'social_media_links',
  'review_rating',
  'review_count',
  'match_score',
  'match_reasons',
  'match_reasoning',
  'web_technologies',
  'web_technologies_analyzed_at',
  ...LEGAL_FIELDS.map((f) => `legal.${f}`),
  'prospect_count',
  'favicon_url',
  'delivered_at',
] as const;

/** Prospect tab columns, key first, with the company's key and name beside it. */
export const PROSPECT_COLUMNS = [
  'prospect_id',
  'company_external_id',
  'company_name',
  'first_name',
  'last_name',
  'job_title',
  'email',
  'email_type',
  'validation_confidence',
  'bounce_risk_score',
  'phone_number',
  'linkedin_url',
  'qualification_score',
  'qualification_reason',
  'company_id',
] as const;

/** Item keys that are mapped to differently named columns (or not shown), so not copied as extras. */
const COMPANY_CONSUMED = new Set<string>(['id', 'source_id', 'prospects', 'legal_registration_info', ...COMPANY_COLUMNS]);
const PROSPECT_CONSUMED = new Set<string>(['id', ...PROSPECT_COLUMNS]);

/** Which order the item came from; decides the key. */
export interface RowOptions {
  orderType?: OrderType;
}

/** Options given as an object or as the bare order type (`companyRow(item, 'DISCOVERY')`). */
export type RowOptionsArg = RowOptions | OrderType | undefined;

function orderTypeOf(opts: RowOptionsArg): OrderType | undefined {
  return typeof opts === 'string' ? opts : opts?.orderType;
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/**
 * The company key: for enrichment the echoed `source_id` (= the submitted external_id), for
 * discovery the provider's company `id` (source_id is always null there). Without an order type,
 * `source_id` when present, else `id`; an enrichment item without `source_id` also falls back to
 * `id` so it still gets a unique row.
 */
export function companyKey(item: ResultCompany, opts?: RowOptionsArg): string {
  if (orderTypeOf(opts) === 'DISCOVERY') return item.id;
  return nonEmpty(item.source_id) ? item.source_id : item.id;
}

/** `platform: url` lines (a link without platform is just its url). */
export function socialLinksText(links: ResultCompany['social_media_links']): string | null {
  if (!links || links.length === 0) return null;
  const lines = links
    .map((l) => {
      const url = nonEmpty(l.url) ? l.url.trim() : '';
      const platform = nonEmpty(l.platform) ? l.platform.trim() : '';
      return platform && url ? `${platform}: ${url}` : url || platform;
    })
    .filter((l) => l !== '');
  return lines.length === 0 ? null : lines.join('\n');
}

function joined(list: string[] | null | undefined): string | null {
  if (!list || list.length === 0) return null;
  return list.join(', ');
}

function extras(source: Record<string, unknown>, consumed: Set<string>, row: Row): void {
  // Undocumented keys (e.g. EMAIL_GENERATION output) are kept after the known columns.
  for (const [k, v] of Object.entries(source)) {
    if (!consumed.has(k) && !(k in row)) row[k] = v === undefined ? null : v;
  }
}

/** One company row: COMPANY_COLUMNS in order, then any undocumented keys the API sent. */
export function companyRow(item: ResultCompany, opts?: RowOptionsArg): Row {
  const v = (k: keyof ResultCompany): unknown => item[k] ?? null;
  const row: Row = {
    external_id: companyKey(item, opts),
    company_id: item.id,
    name: v('name'),
    website_url: v('website_url'),
    normalized_url: v('normalized_url'),
    business_type: v('business_type'),
    description: v('description'),
    street: v('street'),
    postal_code: v('postal_code'),
    city: v('city'),
    country: v('country'),
    employee_count: v('employee_count'),
    phone_numbers: v('phone_numbers'),
    social_media_links: socialLinksText(item.social_media_links),
    review_rating: v('review_rating'),
    review_count: v('review_count'),
    match_score: v('match_score'),
    match_reasons: v('match_reasons'),
    match_reasoning: v('match_reasoning'),
    web_technologies: joined(item.web_technologies),
    web_technologies_analyzed_at: v('web_technologies_analyzed_at'),
  };
  const legal = item.legal_registration_info ?? {};
  for (const f of LEGAL_FIELDS) row[`legal.${f}`] = legal[f] ?? null;
  row['prospect_count'] = item.prospects ? item.prospects.length : null;
  row['favicon_url'] = v('favicon_url');
  row['delivered_at'] = v('delivered_at');
  // Undocumented legal keys become sub-columns too, after the documented ones.
  for (const [k, val] of Object.entries(legal)) {
    if (!(LEGAL_FIELDS as readonly string[]).includes(k)) row[`legal.${k}`] = val ?? null;
  }
  extras(item, COMPANY_CONSUMED, row);
  return row;
}

/** One row per prospect: PROSPECT_COLUMNS in order, then any undocumented keys. */
export function prospectRows(item: ResultCompany, opts?: RowOptionsArg): Row[] {
  const companyExternalId = companyKey(item, opts);
  return (item.prospects ?? []).map((p: Prospect) => {
    const v = (k: keyof Prospect): unknown => p[k] ?? null;
    const row: Row = {
      prospect_id: p.id,
      company_external_id: companyExternalId,
      company_name: item.name ?? null,
      first_name: v('first_name'),
      last_name: v('last_name'),
      job_title: v('job_title'),
      email: v('email'),
      email_type: v('email_type'),
      validation_confidence: v('validation_confidence'),
      bounce_risk_score: v('bounce_risk_score'),
      phone_number: v('phone_number'),
      linkedin_url: v('linkedin_url'),
      qualification_score: v('qualification_score'),
      qualification_reason: v('qualification_reason'),
      company_id: p.company_id ?? item.id,
    };
    extras(p, PROSPECT_CONSUMED, row);
    return row;
  });
}

/** The columns for a set of rows: `base` first, then extra keys in first-seen order. */
export function columnsFor(rows: readonly Row[], base: readonly string[]): string[] {
  const out = [...base];
  const seen = new Set(base);
  for (const row of rows) {
    for (const k of Object.keys(row)) {
      if (!seen.has(k)) {
        seen.add(k);
        out.push(k);
      }
    }
  }
  return out;
}
