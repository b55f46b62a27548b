/**
 * The sheet columns each Openmart flow reads, as FieldSpecs for the column mapper (shared
 * aliases from sheet/headers.ts), and the domain normaliser every batch route uses.
 */
import { ALIASES, EXTERNAL_ID_FIELD, type FieldSpec } from '../../sheet/headers';
import { quoteCell } from '../../sheet/cells';
import type { BatchOp } from './schemas';

/**
 * A bare lower-case domain: scheme, `www.`, path, port and a leading `@` (or an email's local
 * part) removed. NOTES: find_people examples show `@domain.com`, the text a bare domain; send bare.
 */
export function bareDomain(value: string): string | null {
  let h = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  h = h.replace(/^[^@/]*@/, '').split(/[/?#\s]/)[0] ?? '';
  h = h
    .replace(/:\d+$/, '')
    .replace(/\.+$/, '')
    .replace(/^www\./, '');
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(h) ? h : null;
}

const domainCheck = (v: string): string | null => (bareDomain(v) === null ? `${quoteCell(v)} is not a domain (like acme.com)` : null);

const DOMAIN: FieldSpec = { key: 'domain', label: 'domain', required: true, aliases: [...ALIASES.website], validate: domainCheck };
const COMPANY: FieldSpec = { key: 'company_name', label: 'company name', aliases: [...ALIASES.companyName] };
const HINTS: FieldSpec[] = [
  { key: 'city', label: 'city', aliases: [...ALIASES.city] },
  { key: 'state', label: 'state', aliases: [...ALIASES.state] },
  { key: 'country', label: 'country', aliases: [...ALIASES.country] },
];

/** The columns of each batch route. */
export const BATCH_FIELDS: Record<BatchOp, FieldSpec[]> = {
  find_people: [EXTERNAL_ID_FIELD, DOMAIN, COMPANY, { key: 'title', label: 'title', aliases: [...ALIASES.jobTitle] }, ...HINTS],
  find_tech: [EXTERNAL_ID_FIELD, DOMAIN, COMPANY, { key: 'tech_type', label: 'tech type', aliases: ['Tech', 'Tech Type', 'Technology', 'Technologie'] }],
  lookup_business_email: [EXTERNAL_ID_FIELD, DOMAIN, { ...COMPANY, required: true }, ...HINTS],
  lookup_people: [
    EXTERNAL_ID_FIELD,
    DOMAIN,
    COMPANY,
    { key: 'first_name', label: 'first name', aliases: [...ALIASES.firstName] },
    { key: 'last_name', label: 'last name', aliases: [...ALIASES.lastName] },
    { key: 'full_name', label: 'full name', aliases: [...ALIASES.fullName] },
    { key: 'linkedin_url', label: 'LinkedIn URL', aliases: [...ALIASES.linkedin] },
    ...HINTS,
  ],
};

/**
 * Columns of "enrich from a column": each row goes by the first of openmart_id, google_place_id,
 * website/social link it has. The company name is not sent; it is listed so a "Company" column
 * is recognised as such and never taken for the id column.
 */
export const ENRICH_FIELDS: FieldSpec[] = [
  EXTERNAL_ID_FIELD,
  COMPANY,
  { key: 'openmart_id', label: 'Openmart ID', aliases: ['Openmart ID', 'Openmart', 'Store ID', 'store_id', 'OM ID'] },
  { key: 'google_place_id', label: 'Google Place ID', aliases: ['Place ID', 'Google Place ID', 'place_id', 'Google Maps ID', 'Maps Place ID'] },
  { key: 'website', label: 'website', aliases: [...ALIASES.website] },
  {
    key: 'social_media_link',
    label: 'social media link',
    aliases: ['Social', 'Social Media', 'Social Link', 'Social Media Link', 'Instagram', 'Facebook', 'Social Profile'],
  },
];
