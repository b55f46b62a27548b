/**
 * Company identities: the cheap, deterministic part of a result company (id, name, domain,
 * location) used for blacklist matching and as the seed of the generated details.
 */
import type { EnrichmentCompanyInput, SimOrder } from './model';
import { Rng, uuidFor } from './prng';
import { canonicalCountry, countryOfCity, domainOf, slugify } from './text';
import { CITIES, DEFAULT_CITIES, DEFAULT_LEGAL_FORMS, HOSTILE_NAMES, LEGAL_FORMS, NAME_HEADS, NAME_TAILS, TLD } from './wordlists';

/** What the simulator knows about a result company before generating its details. */
export interface CompanyIdentity {
  /** Enrichment: position in `companies`; discovery: candidate index. */
  ref: number;
  id: string;
  name: string;
  websiteUrl: string | null;
  domain: string | null;
  city: string | null;
  country: string | null;
  /** Enrichment: the external_id (or the auto-generated one); discovery: null. */
  sourceId: string | null;
  input: EnrichmentCompanyInput | null;
  /** Enrichment only: no website found, so only the submitted fields come back. */
  limited: boolean;
}

const DACH = ['Germany', 'Austria', 'Switzerland'] as const;

/** Identity of the n-th submitted company of an enrichment order. */
export function enrichmentIdentity(seed: number, order: SimOrder, index: number): CompanyIdentity {
  const input = order.input.companies[index];
  if (!input) throw new Error(`order ${order.id} has no company ${index}`);
  const rng = new Rng(seed, 'enrich-identity', order.org, input.company_name, input.website_url ?? '', input.external_id ?? '');
  // Deterministic subset: every 9th company without a website_url cannot be found (docs: "limited enrichment data").
  const limited = input.website_url === null && index % 9 === 8;
  const inputCountry = input.country === null ? null : canonicalCountry(input.country);
  const tldCountry = Object.entries(TLD).find(([, tld]) => domainOf(input.website_url)?.endsWith(`.${tld}`))?.[0] ?? null;
  const country = input.country ?? (limited ? null : (tldCountry ?? rng.pick(DACH)));
  const countryKey = inputCountry ?? country ?? 'Germany';
  const website = input.website_url ?? (limited ? null : `https://www.${slugify(input.company_name) || 'company'}.${TLD[countryKey] ?? 'com'}`);
  const domain = domainOf(website);
  return {
    ref: index,
    id: uuidFor(seed, 'company', order.org, input.external_id ?? '', input.company_name, domain ?? ''),
    name: input.company_name,
    websiteUrl: website,
    domain,
    city: input.city ?? (limited ? null : rng.pick(CITIES[countryKey] ?? DEFAULT_CITIES)),
    country,
    sourceId: order.sourceIds[index] ?? null,
    input,
    limited,
  };
}

/** A permutation of a word list that depends on the order basis. */
function shuffled<T>(list: readonly T[], rng: Rng): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

const wordCache = new Map<string, { heads: string[]; tails: string[] }>();

/** The order-specific permutations of the name word lists (cached). */
function wordsFor(seed: number, basis: string): { heads: string[]; tails: string[] } {
  const key = `${seed}\u0000${basis}`;
  let w = wordCache.get(key);
  if (!w) {
    const listRng = new Rng(seed, 'candidate-words', basis);
    w = { heads: shuffled(NAME_HEADS, listRng), tails: shuffled(NAME_TAILS, listRng) };
    if (wordCache.size > 1000) wordCache.clear();
    wordCache.set(key, w);
  }
  return w;
}

/**
 * Identity of discovery candidate k. Candidates depend only on the seed and the order's ICP
 * fields (not on blacklists, title or quantity), so the same ICP yields the same stream.
 * Names and domains are unique within a stream.
 */
export function discoveryIdentity(seed: number, order: SimOrder, k: number): CompanyIdentity {
  const { heads, tails } = wordsFor(seed, order.basis);
  const rng = new Rng(seed, 'candidate', order.basis, k);
  const countries = (order.input.target_countries ?? ['Germany']).map(canonicalCountry);
  const country = rng.pick(countries);
  const wanted = (order.input.target_cities ?? []).filter((c) => {
    const of = countryOfCity(c);
    return of === null || of === country;
  });
  const city = wanted.length > 0 ? rng.pick(wanted) : rng.pick(CITIES[country] ?? DEFAULT_CITIES);
  const legal = rng.pick(LEGAL_FORMS[country] ?? DEFAULT_LEGAL_FORMS);
  const hostile = k % 10 === 3 ? HOSTILE_NAMES[Math.floor(k / 10)] : undefined;
  let name: string;
  let slug: string;
  if (hostile !== undefined) {
    name = hostile;
    slug = slugify(hostile.replace(/\b(GmbH|AG|ApS|SARL|Sp\. z o\.o\.)$/, '')) || `company-${k}`;
  } else {
    // (k mod H, (floor(k/H) + 5k) mod T) is a bijection on [0, H*T) for H = T = 24: unique names, varied tails.
    const n = heads.length * tails.length;
    const tail = (Math.floor(k / heads.length) + 5 * k) % tails.length;
    const base = `${heads[k % heads.length] ?? ''}${tails[tail] ?? ''}`;
    const round = Math.floor(k / n);
    const stem = round > 0 ? `${base} ${round + 1}` : base;
    name = `${stem} ${legal}`;
    slug = slugify(stem);
  }
  const domain = `${slug}.${TLD[country] ?? 'com'}`;
  return {
    ref: k,
    id: uuidFor(seed, 'company', 'discovered', domain),
    name,
    websiteUrl: `https://www.${domain}`,
    domain,
    city,
    country,
    sourceId: null,
    input: null,
    limited: false,
  };
}

const identityCache = new WeakMap<SimOrder, Map<number, CompanyIdentity>>();

/** Identity of the company behind a delivery of this order (cached per order; identities never change). */
export function identityOf(seed: number, order: SimOrder, ref: number): CompanyIdentity {
  let cache = identityCache.get(order);
  if (!cache) {
    cache = new Map();
    identityCache.set(order, cache);
  }
  let id = cache.get(ref);
  if (!id) {
    id = order.input.order_type === 'ENRICHMENT' ? enrichmentIdentity(seed, order, ref) : discoveryIdentity(seed, order, ref);
    cache.set(ref, id);
  }
  return id;
}
