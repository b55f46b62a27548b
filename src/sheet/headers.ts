/**
 * Header detection and the column-mapping guess, pure.
 *
 * Providers describe the fields they accept as `FieldSpec`s (they own the list; the shared
 * alias sets below cover the usual English and German header names). `guessMapping` scores
 * every (field, column) pair and assigns greedily, best score first, so an exact alias always
 * beats a fuzzy match and no column is ever mapped to two fields.
 */
import { cellText } from './cells';

/** One field a provider accepts from the sheet. */
export interface FieldSpec {
  /** The key records use (`company_name`, `website`, `external_id`). */
  key: string;
  /** What the user sees in the mapping UI and in row errors (`company name`). */
  label: string;
  /** A row without this field is invalid. */
  required?: boolean;
  /** Header names that mean this field, any case, accents and punctuation. */
  aliases: string[];
  /** Checks a non-empty value; returns why it is wrong as a phrase after the label (`is not a web address`), or null. */
  validate?: (value: string) => string | null;
}

/** Field key -> 0-based column index in the source block. Unmapped fields are absent. */
export type Mapping = Record<string, number>;

/** The key of the record id field, in every provider's field list and in every result tab. */
export const EXTERNAL_ID_KEY = 'external_id';

/**
 * Shared alias sets (English, German and common variants) that providers put into their
 * `FieldSpec`s. Normalised before matching, so case, accents, `-`, `_` and spaces do not matter.
 */
export const ALIASES = {
  companyName: [
    'Company',
    'Company Name',
    'Company name (legal)',
    'Companyname',
    'Business',
    'Business Name',
    'Organisation',
    'Organization',
    'Organisation Name',
    'Account',
    'Account Name',
    'Firma',
    'Firmenname',
    'Unternehmen',
    'Unternehmensname',
    'Name',
    'Name des Unternehmens',
    'Kunde',
    'Kundenname',
  ],
  website: [
    'Website',
    'Web site',
    'Webseite',
    'Internetseite',
    'Homepage',
    'URL',
    'Web',
    'WWW',
    'Domain',
    'Company Domain',
    'Website URL',
    'Company Website',
    'Internetadresse',
  ],
  city: ['City', 'Town', 'Stadt', 'Ort', 'Gemeinde', 'Locality', 'Sitz'],
  country: ['Country', 'Country Code', 'Land', 'Nation', 'Länderkennung'],
  externalId: [
    'ID',
    'External ID',
    'external_id',
    'ExternalId',
    'Record ID',
    'Customer ID',
    'Account ID',
    'Company ID',
    'Kunden-Nr',
    'Kundennummer',
    'Kunden-ID',
    'Kd-Nr',
    'Nr',
    'Nummer',
    'Identifier',
    'Ref',
    'Reference',
    'Referenz',
  ],
  postalCode: ['Zip', 'Zip Code', 'ZIP', 'Postal code', 'Postcode', 'Post code', 'PLZ', 'Postleitzahl'],
  street: ['Street', 'Street Address', 'Address', 'Address Line 1', 'Straße', 'Strasse', 'Straße und Hausnummer', 'Anschrift', 'Adresse'],
  state: ['State', 'Region', 'Province', 'County', 'Bundesland', 'Kanton'],
  email: ['Email', 'E-Mail', 'Email Address', 'E-Mail-Adresse', 'Mail', 'Emailadresse'],
  phone: ['Phone', 'Phone Number', 'Telephone', 'Tel', 'Telefon', 'Telefonnummer', 'Mobile', 'Handy', 'Mobilnummer'],
  employees: [
    'Employees',
    'Employee Count',
    'Number of Employees',
    'Headcount',
    'Company Size',
    'Size',
    'Mitarbeiter',
    'Mitarbeiterzahl',
    'Anzahl Mitarbeiter',
    'Beschäftigte',
  ],
  industry: ['Industry', 'Sector', 'Vertical', 'Branche', 'Industrie', 'Wirtschaftszweig', 'NACE', 'NACE Code', 'SIC', 'NAICS'],
  firstName: ['First Name', 'Firstname', 'Given Name', 'Vorname'],
  lastName: ['Last Name', 'Lastname', 'Surname', 'Family Name', 'Nachname', 'Familienname'],
  fullName: ['Full Name', 'Contact', 'Contact Name', 'Person', 'Ansprechpartner', 'Kontakt', 'Name der Person'],
  jobTitle: ['Title', 'Job Title', 'Position', 'Role', 'Titel', 'Funktion', 'Rolle', 'Berufsbezeichnung'],
  linkedin: ['LinkedIn', 'LinkedIn URL', 'LinkedIn Profile', 'Linkedin Profil'],
  description: ['Description', 'About', 'Notes', 'Beschreibung', 'Notizen'],
} as const satisfies Record<string, readonly string[]>;

/** The `external_id` field every provider accepts (optional: the add-on generates missing ids). */
export const EXTERNAL_ID_FIELD: FieldSpec = { key: EXTERNAL_ID_KEY, label: 'external_id', aliases: [...ALIASES.externalId] };

/**
 * Normalise a header or alias: lower case, accents removed (`ß` -> `ss`, `ä` -> `a`),
 * punctuation, `_` and `-` turned into spaces, runs of spaces collapsed.
 */
export function normalizeHeader(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The same without spaces, so `E-Mail` = `Email` and `Kunden Nr` = `KundenNr`. */
function compact(normalized: string): string {
  return normalized.replace(/ /g, '');
}

/** Words that name a kind of value rather than a field: never enough alone for a fuzzy match. */
const GENERIC_WORDS = new Set([
  'name',
  'id',
  'nr',
  'no',
  'number',
  'nummer',
  'code',
  'type',
  'url',
  'web',
  'mail',
  'size',
  'ref',
  'the',
  'of',
  'des',
  'der',
  'und',
  'and',
]);

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((c) => cellText(c) === '');
}

/**
 * The 0-based index of the header row in `values`: the first non-empty row (for a data range),
 * or always row 0 for a selection the user made. -1 when every row is empty.
 */
export function detectHeaderRow(values: readonly (readonly unknown[])[], mode: 'data' | 'selection' = 'data'): number {
  if (mode === 'selection') return values.length > 0 && !isBlankRow(values[0] ?? []) ? 0 : -1;
  return values.findIndex((row) => !isBlankRow(row));
}

/** The header row's cells as trimmed strings (numbers and dates as text). */
export function headerNames(row: readonly unknown[]): string[] {
  return row.map((c) => cellText(c));
}

/** Edit distance, stopping early once it exceeds `max` (only small distances matter here). */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return false;
    prev = cur;
  }
  return (prev[b.length] ?? Infinity) <= max;
}

interface Prepared {
  norm: string;
  flat: string;
  words: string[];
}

function prepare(s: string): Prepared {
  const norm = normalizeHeader(s);
  return { norm, flat: compact(norm), words: norm === '' ? [] : norm.split(' ') };
}

/** Scores, highest first: exact > exact without spaces > header contains the alias > typo. */
const SCORE = { exact: 100, flat: 95, contains: 60, typo: 50 } as const;

/** How well one header matches one alias (0 = not at all). */
function matchScore(header: Prepared, alias: Prepared): number {
  if (header.norm === '' || alias.norm === '') return 0;
  if (header.norm === alias.norm) return SCORE.exact;
  if (header.flat === alias.flat) return SCORE.flat;
  // `Company Name (legal)` contains `company name`; a lone generic word (`name`, `id`) is not enough.
  const meaningful = alias.words.some((w) => !GENERIC_WORDS.has(w));
  if (meaningful && alias.words.every((w) => header.words.includes(w))) {
    // Fewer extra words in the header -> closer match; the last word is the head noun in English
    // and German (`Company Email` is an email), so a shared last word counts extra.
    const head = header.words[header.words.length - 1] === alias.words[alias.words.length - 1] ? 5 : 0;
    return SCORE.contains + Math.round(20 * (alias.words.length / header.words.length)) + head;
  }
  const maxTypos = alias.flat.length >= 9 ? 2 : alias.flat.length >= 5 ? 1 : 0;
  if (maxTypos > 0 && withinDistance(header.flat, alias.flat, maxTypos)) return SCORE.typo;
  return 0;
}

/**
 * Guess which column holds which field. Every field's key, label and aliases are compared with
 * every header; pairs are taken best score first (ties: earlier field, then leftmost column),
 * skipping fields and columns already taken, so exact matches win and one column never maps to
 * two fields. Columns with empty headers are never mapped.
 */
export function guessMapping(headers: readonly string[], fields: readonly FieldSpec[]): Mapping {
  const cols = headers.map(prepare);
  const candidates: Array<{ score: number; field: number; col: number }> = [];
  fields.forEach((f, fi) => {
    const names = [f.key, f.label, ...f.aliases].map(prepare);
    cols.forEach((h, ci) => {
      let best = 0;
      for (const a of names) best = Math.max(best, matchScore(h, a));
      if (best > 0) candidates.push({ score: best, field: fi, col: ci });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.field - b.field || a.col - b.col);
  const mapping: Mapping = {};
  const takenCols = new Set<number>();
  for (const c of candidates) {
    const key = fields[c.field]?.key;
    if (key === undefined || key in mapping || takenCols.has(c.col)) continue;
    mapping[key] = c.col;
    takenCols.add(c.col);
  }
  return mapping;
}

/** The fields marked required that `mapping` leaves unmapped (for a "map these first" message). */
export function missingRequired(mapping: Mapping, fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.filter((f) => f.required === true && mapping[f.key] === undefined);
}

/** One sentence per required field no column is mapped to: a preview problem that blocks the submit. */
export function missingRequiredProblems(mapping: Mapping, fields: readonly FieldSpec[]): string[] {
  return missingRequired(mapping, fields).map((f) => `No column is mapped to ${f.label}, which every row needs. Pick its column in the mapping.`);
}

/** The blocking sentence when no row can be sent: none at all, or every row refused (the preview lists why). */
export function noRowsProblem(invalidRows: number): string {
  return invalidRows === 0 ? 'There are no rows to send.' : 'None of the rows can be sent; fix the rows listed and try again.';
}
