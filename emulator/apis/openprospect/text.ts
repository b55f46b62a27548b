/** Normalisation helpers shared by data generation and blacklist matching. */
import { CITIES, COUNTRY_ALIASES } from './wordlists';

const TRANSLIT: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  œ: 'oe',
};

/** ASCII slug: transliterated, lower-case, runs of other characters collapsed to `-`. */
export function slugify(s: string): string {
  const lower = s.toLowerCase().replace(/[äöüßæøåłđþœ]/g, (c) => TRANSLIT[c] ?? c);
  return lower
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Name/city comparison key: NFKC, case-folded, whitespace collapsed. */
export function normName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Registrable host of a URL or bare domain: lower-case, scheme/userinfo/port/path/`www.`
 * stripped. Null when nothing domain-like remains.
 */
export function domainOf(url: string | null): string | null {
  if (url === null) return null;
  let h = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  h = h.replace(/^[^@/]*@/, '').split(/[/?#]/)[0] ?? '';
  h = h
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return h.includes('.') && !/\s/.test(h) ? h : null;
}

/** Canonical country name for known aliases (DE, Deutschland -> Germany), else the trimmed input. */
export function canonicalCountry(s: string): string {
  const t = s.trim();
  return COUNTRY_ALIASES[t.toLowerCase()] ?? t;
}

/** The country a well-known city belongs to, or null. */
export function countryOfCity(city: string): string | null {
  const n = normName(city);
  for (const [country, cities] of Object.entries(CITIES)) {
    if (cities.some((c) => normName(c) === n)) return country;
  }
  const aliases: Record<string, string> = { münchen: 'Germany', wien: 'Austria', zürich: 'Switzerland', cologne: 'Germany', genf: 'Switzerland' };
  return aliases[n] ?? null;
}
