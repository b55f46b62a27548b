/**
 * The enrichment company fields (enrichment guide, "Company Fields") as data for the column
 * mapper: documented key, label, English + German header aliases (a superset of the shared
 * sets in sheet/headers.ts, with no alias on two fields), and a validator for every
 * field whose documented type or limit can be checked locally.
 */
import { quoteCell as quote } from '../../sheet/cells';
import { ALIASES, type FieldSpec } from '../../sheet/headers';
import { LIMITS } from './schemas';

/** The sheet layer's field description (`{ key, label, required?, aliases, validate? }`). */
export type { FieldSpec };

/** Quote a cell value for a message (shared with the other providers). */
export { quoteCell as quote } from '../../sheet/cells';

/**
 * Parse a documented `integer` cell: thousands separators (`1,200`, `1.200`, `1 200`, `1'200`)
 * and a trailing `.0` from number-formatted cells are accepted; ranges ("50-100"), words,
 * negatives and fractions are not. Returns null when the text is not a whole number.
 */
export function parseEmployeeCount(raw: string): number | null {
  let t = raw.trim().replace(/[\s\u00a0']/g, '');
  t = t.replace(/\.0+$/, '');
  if (/^\d{1,3}([,.]\d{3})+$/.test(t)) t = t.replace(/[,.]/g, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Loose web-address shape: `https://host.tld/...`, `http://...` or a bare `host.tld/...` (sheets
 * often hold bare domains; the guide's example uses a full URL). Whitespace, other schemes and
 * hosts without a dot are refused: one unusable value could get a 10,000-company order rejected.
 */
export function looksLikeWebAddress(v: string): boolean {
  const t = v.trim();
  if (/\s/.test(t)) return false;
  const m = /^(?:(https?):\/\/)?([^/?#:@]+)(?::\d+)?(?:[/?#].*)?$/i.exec(t);
  if (!m) return false;
  const host = m[2] ?? '';
  return /^[^.]+(\.[^.]+)+$/.test(host) && /^[\p{L}\p{N}.-]+$/u.test(host);
}

/** Loose email shape: one `@`, no whitespace, a dot in the domain. */
export function looksLikeEmail(v: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
}

/** Validators return a phrase that follows the label (sheet/records.ts writes `Row N: <label> <phrase>`). */
function maxLength(max: number): (v: string) => string | null {
  return (v) => (v.length > max ? `is longer than ${max.toLocaleString('en-US')} characters (${v.length.toLocaleString('en-US')})` : null);
}

/**
 * The 12 documented company fields, in the guide's order. `company_name` is the only required
 * one; `external_id` is returned as `source_id` in results (the add-on's correlation key).
 */
export const ENRICHMENT_FIELDS: readonly FieldSpec[] = [
  {
    key: 'company_name',
    label: 'company name',
    required: true,
    aliases: [...ALIASES.companyName, 'company_name', 'Name der Firma'],
    validate: maxLength(LIMITS.companyName),
  },
  {
    key: 'external_id',
    label: 'external ID',
    aliases: [...ALIASES.externalId, 'CRM ID', 'Source ID', 'Externe ID', 'Datensatz-ID'],
  },
  {
    key: 'website_url',
    label: 'website',
    aliases: [...ALIASES.website, 'website_url', 'Web Address', 'Webadresse'],
    validate: (v) => (looksLikeWebAddress(v) ? null : `${quote(v)} is not a web address (expected e.g. https://www.example.com or example.com)`),
  },
  {
    key: 'postal_code',
    label: 'postal code',
    aliases: ['postal_code', 'Postal code', 'Postcode', 'Post code', 'Zip', 'Zip Code', 'Zipcode', 'PLZ', 'Postleitzahl'],
  },
  {
    key: 'city',
    label: 'city',
    aliases: [...ALIASES.city, 'Wohnort'],
  },
  {
    key: 'street',
    label: 'street',
    aliases: [...ALIASES.street, 'Str.'],
  },
  {
    key: 'country',
    label: 'country',
    aliases: [...ALIASES.country, 'Country Name', 'Staat', 'Ländercode'],
  },
  {
    key: 'email',
    label: 'email',
    aliases: [...ALIASES.email, 'Mailadresse'],
    validate: (v) => (looksLikeEmail(v) ? null : `${quote(v)} is not an email address`),
  },
  {
    key: 'phone',
    label: 'phone',
    aliases: [...ALIASES.phone, 'Rufnummer'],
  },
  {
    key: 'employee_count',
    label: 'employee count',
    aliases: [
      'employee_count',
      'Employees',
      'Employee Count',
      'Number of Employees',
      'Headcount',
      'Staff',
      'Company Size',
      'Size',
      'Mitarbeiter',
      'Mitarbeiterzahl',
      'Anzahl Mitarbeiter',
      'Beschäftigte',
      'Anzahl Beschäftigte',
    ],
    validate: (v) => (parseEmployeeCount(v) === null ? `${quote(v)} is not a whole number` : null),
  },
  {
    key: 'industry_code',
    label: 'industry code',
    aliases: [
      'industry_code',
      'Industry Code',
      'SIC',
      'SIC Code',
      'NAICS',
      'NAICS Code',
      'NACE',
      'NACE Code',
      'Branchencode',
      'Branchenschlüssel',
      'WZ-Code',
      'WZ 2008',
    ],
  },
  {
    key: 'industry_description',
    label: 'industry description',
    aliases: [
      'industry_description',
      'Industry Description',
      'Industry',
      'Sector',
      'Vertical',
      'Branche',
      'Branchenbeschreibung',
      'Industrie',
      'Wirtschaftszweig',
      'Sektor',
    ],
  },
];

/** Documented company field keys. */
export type EnrichmentFieldKey =
  | 'company_name'
  | 'external_id'
  | 'website_url'
  | 'postal_code'
  | 'city'
  | 'street'
  | 'country'
  | 'email'
  | 'phone'
  | 'employee_count'
  | 'industry_code'
  | 'industry_description';

/** The field keys in the guide's order. */
export const ENRICHMENT_FIELD_KEYS = ENRICHMENT_FIELDS.map((f) => f.key) as EnrichmentFieldKey[];
