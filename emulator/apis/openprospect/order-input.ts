/**
 * Validation of `POST /api/v1/orders` bodies, following the enrichment and discovery guides.
 *
 * Documented rules: companies 1-10,000 (enrichment), company_name required and <= 500 chars,
 * features from the 8 names without duplicates, profile_id XOR profile_name, discovery requires
 * ideal_customer_profile / seller_offering / target_countries and forbids companies, length
 * limits title 500, profile_name 500, ideal_customer_profile 5,000, seller_offering 5,000,
 * seller_industry 1,000, output_language 10; enums order_type, priority, features.
 *
 * Undocumented, strict choices (all reported as 422 `detail[]` items, all at once):
 *  - unknown fields are rejected (`extra_forbidden`), including discovery-only fields on an
 *    enrichment order and `briefing_quantity` on enrichment (the API derives it);
 *  - order_type defaults to ENRICHMENT (the enrichment guide's example omits it);
 *  - features needs at least one item; strings must be non-blank where they name things;
 *  - briefing_quantity (discovery, optional: the discovery guide does not list it) is an integer 1-10,000;
 *  - external_id must be unique within an order (it is the result correlation key);
 *  - employee_count is a non-negative integer; webhook_url an http(s) URL;
 *  - profile_id and blacklist_ids must name existing resources of the caller's organization.
 */
import { type Issue, issue } from './issues';
import { type EnrichmentCompanyInput, FEATURES, type Feature, LIMITS, ORDER_TYPES, type OrderInput, PRIORITIES, type SimState } from './model';
import { FieldReader, isObject } from './validation';

const COMMON = ['order_type', 'title', 'features', 'profile_name', 'profile_id', 'priority', 'webhook_url', 'ideal_customer_profile', 'contact_roles'];
const ENRICHMENT_FIELDS = [...COMMON, 'companies'];
const DISCOVERY_ONLY = [
  'seller_offering',
  'seller_industry',
  'target_countries',
  'target_cities',
  'excluded_industries',
  'output_language',
  'blacklist_ids',
  'briefing_quantity',
];
const DISCOVERY_FIELDS = [...COMMON, ...DISCOVERY_ONLY];
const COMPANY_FIELDS = [
  'company_name',
  'external_id',
  'website_url',
  'postal_code',
  'city',
  'street',
  'country',
  'email',
  'phone',
  'employee_count',
  'industry_code',
  'industry_description',
];

function readFeatures(r: FieldReader, body: Record<string, unknown>): Feature[] | null {
  const v = r.raw('features');
  if (v === undefined || v === null) {
    r.add(v === undefined ? issue.missing(['body', 'features'], body) : issue.listType(['body', 'features'], v));
    return null;
  }
  if (!Array.isArray(v)) {
    r.add(issue.listType(['body', 'features'], v));
    return null;
  }
  if (!r.listBounds('features', v, { minItems: 1 })) return null;
  const out: Feature[] = [];
  v.forEach((f: unknown, i) => {
    if (typeof f === 'string' && (FEATURES as readonly string[]).includes(f)) out.push(f as Feature);
    else r.add(issue.enumValue(['body', 'features', i], f, FEATURES));
  });
  if (out.length !== v.length) return null;
  const dups = out.filter((f, i) => out.indexOf(f) !== i);
  if (dups.length > 0) {
    r.add(issue.valueError(['body', 'features'], v, `Duplicate features are not allowed: ${[...new Set(dups)].join(', ')}`));
    return null;
  }
  return out;
}

function readCompany(item: unknown, i: number, issues: Issue[]): EnrichmentCompanyInput | null {
  const loc = ['body', 'companies', i];
  if (!isObject(item)) {
    issues.push(issue.modelType(loc, item, 'CompanyInput'));
    return null;
  }
  const before = issues.length;
  const c = new FieldReader(item, loc, issues);
  c.rejectExtra(COMPANY_FIELDS);
  const company: EnrichmentCompanyInput = {
    company_name: c.str('company_name', { required: true, min: 1, max: LIMITS.companyNameMax, notBlank: true }) ?? '',
    external_id: c.str('external_id', { min: 1 }),
    website_url: c.str('website_url'),
    postal_code: c.str('postal_code'),
    city: c.str('city'),
    street: c.str('street'),
    country: c.str('country'),
    email: c.str('email'),
    phone: c.str('phone'),
    employee_count: c.int('employee_count', { min: 0 }),
    industry_code: c.str('industry_code'),
    industry_description: c.str('industry_description'),
  };
  return issues.length === before ? company : null;
}

function readCompanies(r: FieldReader, body: Record<string, unknown>): EnrichmentCompanyInput[] {
  const v = body['companies'];
  if (v === undefined || v === null) {
    r.add(v === undefined ? issue.missing(['body', 'companies'], body) : issue.listType(['body', 'companies'], v));
    return [];
  }
  if (!Array.isArray(v)) {
    r.add(issue.listType(['body', 'companies'], v));
    return [];
  }
  if (!r.listBounds('companies', v, { minItems: 1, maxItems: LIMITS.companiesMax })) return [];
  const out = v.map((item: unknown, i) => readCompany(item, i, r.issues));
  const seen = new Map<string, number>();
  out.forEach((c, i) => {
    if (!c || c.external_id === null) return;
    const first = seen.get(c.external_id);
    if (first === undefined) seen.set(c.external_id, i);
    else
      r.add(
        issue.valueError(
          ['body', 'companies', i, 'external_id'],
          c.external_id,
          `Duplicate external_id '${c.external_id}' (first used by companies[${first}])`,
        ),
      );
  });
  return out.filter((c): c is EnrichmentCompanyInput => c !== null);
}

function checkReferences(state: SimState, org: string, r: FieldReader, profileId: string | null, blacklistIds: string[]): void {
  if (profileId !== null) {
    const p = state.profiles.get(profileId);
    if (!p || p.org !== org) r.add(issue.valueError(['body', 'profile_id'], profileId, `Search profile ${profileId} not found`));
  }
  blacklistIds.forEach((id, i) => {
    const b = state.blacklists.get(id);
    if (!b || b.org !== org) r.add(issue.valueError(['body', 'blacklist_ids', i], id, `Blacklist ${id} not found`));
  });
}

/** Validates an order body; returns the normalized input or the 422 issues. */
export function validateOrder(state: SimState, org: string, body: Record<string, unknown>): { input: OrderInput } | { issues: Issue[] } {
  const r = new FieldReader(body, ['body']);
  const type = r.enumOf('order_type', ORDER_TYPES) ?? (r.has('order_type') ? null : 'ENRICHMENT');
  const discovery = type === 'DISCOVERY';
  if (type === 'ENRICHMENT') {
    const custom = Object.fromEntries(DISCOVERY_ONLY.map((f) => [f, `${f} is not allowed for ENRICHMENT orders`]));
    r.rejectExtra(ENRICHMENT_FIELDS, custom);
  } else if (discovery) {
    r.rejectExtra(DISCOVERY_FIELDS, { companies: 'companies is not allowed' });
  }
  const title = r.str('title', { required: true, min: 1, max: LIMITS.titleMax, notBlank: true });
  const features = readFeatures(r, body);
  const profileName = r.str('profile_name', { min: 1, max: LIMITS.profileNameMax, notBlank: true });
  const profileId = r.uuid('profile_id');
  if (r.has('profile_name') && r.has('profile_id')) {
    r.add(issue.valueError(['body'], body, 'profile_id and profile_name are mutually exclusive; provide at most one'));
  }
  const priority = r.enumOf('priority', PRIORITIES) ?? 'NORMAL';
  const webhookUrl = r.httpUrl('webhook_url');
  const need = (name: string): { required: true; missingMsg: string } | Record<string, never> =>
    discovery ? { required: true, missingMsg: `${name} is required` } : {};
  const icp = r.str('ideal_customer_profile', { ...need('ideal_customer_profile'), min: 1, max: LIMITS.icpMax, notBlank: true });
  const contactRoles = r.strList('contact_roles');
  const companies = type === 'ENRICHMENT' ? readCompanies(r, body) : [];
  const sellerOffering = discovery ? r.str('seller_offering', { ...need('seller_offering'), min: 1, max: LIMITS.sellerOfferingMax, notBlank: true }) : null;
  const sellerIndustry = discovery ? r.str('seller_industry', { max: LIMITS.sellerIndustryMax }) : null;
  const targetCountries = discovery ? r.strList('target_countries', { ...need('target_countries'), minItems: 1 }) : null;
  const targetCities = discovery ? r.strList('target_cities') : null;
  const excluded = discovery ? r.strList('excluded_industries') : null;
  const outputLanguage = discovery ? r.str('output_language', { min: 1, max: LIMITS.outputLanguageMax }) : null;
  const blacklistIds = discovery ? (r.uuidList('blacklist_ids') ?? []) : [];
  const quantity = discovery ? r.int('briefing_quantity', { min: 1, max: LIMITS.companiesMax }) : null;
  checkReferences(state, org, r, profileId, blacklistIds);
  if (r.issues.length > 0 || type === null || title === null || features === null) return { issues: r.issues };
  return {
    input: {
      order_type: type,
      title,
      features,
      profile_name: profileName,
      profile_id: profileId,
      priority,
      webhook_url: webhookUrl,
      ideal_customer_profile: icp,
      contact_roles: contactRoles,
      companies,
      seller_offering: sellerOffering,
      seller_industry: sellerIndustry,
      target_countries: targetCountries,
      target_cities: targetCities,
      excluded_industries: excluded,
      output_language: outputLanguage,
      blacklist_ids: blacklistIds,
      briefing_quantity: quantity,
    },
  };
}
