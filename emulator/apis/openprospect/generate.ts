/**
 * Deterministic result companies (the `/results` item shape of the guides).
 * Details are seeded by the company id, so the same company has the same data in every order;
 * features decide which fields are filled (unrequested ones are null, `prospects` is []).
 *
 * Hostile values on a deterministic subset (p = company position / candidate index):
 *  - p % 5 === 1: description `=HYPERLINK("http://evil","x")`
 *  - p % 50 === 2: a 60,000-character description
 *  - p % 5 === 2: first prospect's job title from HOSTILE_JOB_TITLES (e.g. `- Head of Sales`)
 *  - p % 5 === 3: first phone number `+49 30 1234567` (all phone numbers start with `+`)
 *  - p % 4 === 2: postal code `01067`
 *  - discovery p % 10 === 3 (first 8): unicode / formula names (`Müller & Söhne GmbH`, `株式会社...`)
 *  - prospect names include unicode (`Jürgen`, `Zoë`, `佐藤`)
 */
import type { CompanyIdentity } from './identity';
import type { Feature, SimOrder } from './model';
import { Rng, uuidFor } from './prng';
import { canonicalCountry, normName, slugify } from './text';
import { isoMicros } from './time';
import {
  AREA_CODES,
  BUSINESS_TYPES,
  EMAIL_TYPES,
  FIRST_NAMES,
  HOSTILE_JOB_TITLES,
  JOB_TITLES,
  LAST_NAMES,
  MATCH_REASONS,
  PHONE_PREFIX,
  SOCIAL_PLATFORMS,
  STREETS,
  TECHNOLOGIES,
} from './wordlists';

/** A prospect as the guides document it. */
export interface ResultProspect {
  id: string;
  company_id: string;
  first_name: string;
  last_name: string | null;
  job_title: string | null;
  email: string | null;
  phone_number: string | null;
  linkedin_url: string | null;
  qualification_score: number | null;
  qualification_reason: string | null;
  email_type: string | null;
  validation_confidence: number | null;
  bounce_risk_score: number | null;
}

/** A result company as the guides document it (example fields plus the COMPANY_DATA field list). */
export interface ResultCompany {
  id: string;
  name: string;
  website_url: string | null;
  normalized_url: string | null;
  business_type: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  description: string | null;
  employee_count: number | null;
  phone_numbers: string[] | null;
  social_media_links: Array<{ platform: string; url: string }> | null;
  review_rating: number | null;
  review_count: number | null;
  favicon_url: string | null;
  match_score: number | null;
  match_reasons: string[] | null;
  match_reasoning: string | null;
  web_technologies: string[] | null;
  web_technologies_analyzed_at: string | null;
  source_id: string | null;
  delivered_at: string | null;
  legal_registration_info: Record<string, unknown> | null;
  prospects: ResultProspect[];
}

/** The formula-injection description used on the hostile subset. */
export const HOSTILE_FORMULA = '=HYPERLINK("http://evil","x")';
/** Length of the oversized description on the hostile subset. */
export const LONG_DESCRIPTION_LENGTH = 60_000;

function longDescription(name: string): string {
  const unit = `${name} publishes an extremely long profile text. `;
  return unit.repeat(Math.ceil(LONG_DESCRIPTION_LENGTH / unit.length)).slice(0, LONG_DESCRIPTION_LENGTH);
}

function phone(rng: Rng, country: string | null, city: string | null): string {
  const prefix = PHONE_PREFIX[country ?? ''] ?? '+1';
  const area = AREA_CODES[city ?? ''] ?? String(rng.int(20, 999));
  return `${prefix} ${area} ${rng.int(1_000_000, 9_999_999)}`;
}

function businessType(rng: Rng, order: SimOrder): string {
  const excluded = (order.input.excluded_industries ?? []).map(normName);
  const allowed = BUSINESS_TYPES.filter((b) => !excluded.includes(normName(b)));
  return rng.pick(allowed.length > 0 ? allowed : BUSINESS_TYPES);
}

function legalInfo(rng: Rng, c: CompanyIdentity): Record<string, unknown> {
  const legal = /\b(GmbH & Co\. KG|GmbH|AG|KG|UG \(haftungsbeschränkt\))$/.exec(c.name)?.[1] ?? 'GmbH';
  const court = c.city === null ? 'Berlin (Charlottenburg)' : c.city;
  return {
    company_name: c.name,
    legal_form: legal,
    registration_number: `HRB ${rng.int(10_000, 299_999)}`,
    registration_court: `Amtsgericht ${court}`,
    founding_date: `${rng.int(1950, 2022)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    share_capital_amount: rng.pick([25_000, 50_000, 100_000, 500_000]),
    business_purpose: `Operation of a ${rng.pick(BUSINESS_TYPES).toLowerCase()} business and related services.`,
    status: 'active',
    is_dissolved: false,
  };
}

function prospects(seed: number, order: SimOrder, c: CompanyIdentity, has: (f: Feature) => boolean): ResultProspect[] {
  if (!has('CONTACTS') || c.limited || c.domain === null) return [];
  const rng = new Rng(seed, 'prospects', c.id);
  const hostileTitle = c.ref % 5 === 2;
  const count = Math.max(hostileTitle ? 1 : 0, rng.int(0, 5));
  const roles = order.input.contact_roles ?? [];
  const out: ResultProspect[] = [];
  for (let j = 0; j < count; j++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.chance(0.1) ? null : rng.pick(LAST_NAMES);
    const title =
      hostileTitle && j === 0
        ? (HOSTILE_JOB_TITLES[Math.floor(c.ref / 5) % HOSTILE_JOB_TITLES.length] ?? '- Head of Sales')
        : rng.pick(roles.length > 0 ? roles : JOB_TITLES);
    const firstSlug = slugify(first) || 'contact';
    const lastSlug = slugify(last ?? '');
    const local = lastSlug ? `${firstSlug.charAt(0)}.${lastSlug}` : firstSlug;
    const hasEmail = has('EMAIL_DISCOVERY') || rng.chance(0.6);
    out.push({
      id: uuidFor(seed, 'prospect', c.id, j),
      company_id: c.id,
      first_name: first,
      last_name: last,
      job_title: title,
      email: hasEmail ? `${local}@${c.domain}` : null,
      phone_number: rng.chance(0.5) ? phone(rng, c.country === null ? null : canonicalCountry(c.country), c.city) : null,
      linkedin_url: rng.chance(0.8) ? `https://linkedin.com/in/${slugify(`${first} ${last ?? ''}`) || 'member'}-${rng.int(100, 999)}` : null,
      qualification_score: rng.int(0, 10),
      qualification_reason: rng.pick(['Senior decision maker', 'Owns the budget for this purchase', 'Influencer in the buying group']),
      email_type: hasEmail ? rng.pick(EMAIL_TYPES) : null,
      validation_confidence: hasEmail ? rng.int(40, 100) : null,
      bounce_risk_score: hasEmail ? rng.int(0, 60) : null,
    });
  }
  return out;
}

/** Generated values, drawn in a fixed order so that features never shift the random stream. */
function draws(seed: number, order: SimOrder, c: CompanyIdentity, country: string | null) {
  const rng = new Rng(seed, 'details', c.id);
  const phones = [phone(rng, country, c.city), ...(rng.chance(0.3) ? [phone(rng, country, c.city)] : [])];
  if (c.ref % 5 === 3) phones[0] = '+49 30 1234567';
  return {
    businessType: businessType(rng, order),
    street: `${rng.pick(STREETS)} ${rng.int(1, 200)}`,
    postal: c.ref % 4 === 2 ? '01067' : String(rng.int(10_000, 99_999)),
    employees: rng.int(1, 5_000),
    phones,
    social: SOCIAL_PLATFORMS.filter(() => rng.chance(0.4)).map((pl) => ({ platform: pl, url: `https://${pl}.com/${slugify(c.name) || 'company'}` })),
    rating: Math.round((1 + rng.next() * 4) * 10) / 10,
    reviews: rng.int(0, 2_000),
    score: rng.int(0, 10),
    reasons: MATCH_REASONS.filter(() => rng.chance(0.5)),
    tech: TECHNOLOGIES.filter(() => rng.chance(0.3)),
  };
}

function description(c: CompanyIdentity): string {
  if (c.ref % 50 === 2) return longDescription(c.name);
  if (c.ref % 5 === 1) return HOSTILE_FORMULA;
  return `${c.name} is a company based in ${c.city ?? 'an undisclosed location'}.`;
}

/** The full result item for a delivered company. */
export function resultCompany(seed: number, order: SimOrder, c: CompanyIdentity, deliveredAt: number): ResultCompany {
  const has = (f: Feature): boolean => order.input.features.includes(f);
  const input = c.input;
  const country = c.country === null ? null : canonicalCountry(c.country);
  const g = draws(seed, order, c, country);
  const rich = has('COMPANY_DATA') && !c.limited;
  const analyzed = has('ANALYSIS') && !c.limited;
  const tech = has('TECHNOLOGIES') && !c.limited && c.websiteUrl !== null;
  const pick = <T>(fromInput: T | null | undefined, generated: T): T | null => fromInput ?? (rich ? generated : null);
  return {
    id: c.id,
    name: c.name,
    website_url: c.websiteUrl,
    normalized_url: c.domain,
    business_type: pick(input?.industry_description, g.businessType),
    street: pick(input?.street, g.street),
    postal_code: pick(input?.postal_code, g.postal),
    city: c.city,
    country: c.country,
    description: rich ? description(c) : null,
    employee_count: pick(input?.employee_count, g.employees),
    phone_numbers: input?.phone ? [input.phone, ...(rich ? g.phones : [])] : rich ? g.phones : null,
    social_media_links: rich ? g.social : null,
    review_rating: rich ? g.rating : null,
    review_count: rich ? g.reviews : null,
    favicon_url: rich && c.domain !== null ? `https://${c.domain}/favicon.ico` : null,
    match_score: analyzed ? g.score : null,
    match_reasons: analyzed ? g.reasons : null,
    match_reasoning: analyzed ? `${g.score >= 7 ? 'Strong' : 'Partial'} ICP fit: ${c.name} in ${c.city ?? 'an unknown city'}.` : null,
    web_technologies: tech ? g.tech : null,
    web_technologies_analyzed_at: tech ? isoMicros(deliveredAt - 15 * 60_000) : null,
    source_id: c.sourceId,
    delivered_at: isoMicros(deliveredAt),
    legal_registration_info: has('HANDELSREGISTER') && country === 'Germany' && !c.limited ? legalInfo(new Rng(seed, 'legal', c.id), c) : null,
    prospects: prospects(seed, order, c, has),
  };
}
