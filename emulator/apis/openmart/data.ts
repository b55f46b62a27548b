/**
 * Deterministic generated data: a local-business index (stores grouped into brands) and the
 * payloads of async tasks (people-data.ts), all seeded.
 *
 * Hostile values on deterministic subsets (n = position in the index):
 *  - n % 37 === 5: business_name `=HYPERLINK("http://evil","x")`
 *  - n % 41 === 7: store_name `+1 Plumbing & Co` (a formula to Sheets)
 *  - n % 5 === 2: first staff role `- Head of Sales`
 *  - n % 500 === 11: a 60,000-character description
 *  - every phone starts with `+`; Boston zip codes keep their leading 0 (`02115`)
 *  - unicode names (`Café Zoë`, `Müller's Bäckerei`, `寿司 Tokyo`)
 * People: titles `- Head of Sales` / `=CEO` on a subset, unicode names, `+` phone numbers.
 */
import { Rng, uuidFor } from '../openprospect/prng';
import type { Brand, Business } from './model';

// Hot loops below run inside jest's vm: keep builtins local.
const floor = Math.floor;
const round = Math.round;

export const HOSTILE_NAME = '=HYPERLINK("http://evil","x")';
export const LONG_DESCRIPTION_LENGTH = 60_000;

interface Category {
  type: string;
  tags: string[];
  category: string;
  words: string[];
}

const CATEGORIES: Category[] = [
  {
    type: 'Hair Salon',
    tags: ['hair salon', 'beauty salon', 'hair care service'],
    category: 'BEAUTY_PERSONAL_CARE',
    words: ['Curls', 'Shear Bliss', 'Mane Street', 'Salon'],
  },
  {
    type: 'Dentist',
    tags: ['dentist', 'dental clinic', 'orthodontist'],
    category: 'HEALTH_WELLNESS',
    words: ['Bright Smile', 'Dental Care', 'Family Dentistry'],
  },
  { type: 'Coffee Shop', tags: ['coffee shop', 'cafe', 'espresso bar'], category: 'RESTAURANTS_DINING', words: ['Bean', 'Roasters', 'Coffee Co'] },
  { type: 'Restaurant', tags: ['restaurant', 'pizza', 'italian restaurant'], category: 'RESTAURANTS_DINING', words: ['Trattoria', 'Pizzeria', 'Kitchen'] },
  { type: 'Gym', tags: ['gym', 'fitness center', 'yoga studio'], category: 'FITNESS_RECREATION', words: ['Fitness', 'Iron Gym', 'Yoga Loft'] },
  { type: 'Plumber', tags: ['plumber', 'plumbing service'], category: 'HOME_SERVICES', words: ['Plumbing', 'Pipe Pros', 'Drain Masters'] },
  { type: 'Clothing Store', tags: ['clothing store', 'boutique'], category: 'SHOPPING_RETAIL', words: ['Boutique', 'Threads', 'Outfitters'] },
  { type: 'Hotel', tags: ['hotel', 'lodging'], category: 'TRAVEL_HOSPITALITY', words: ['Inn', 'Hotel', 'Suites'] },
];

interface City {
  city: string;
  state: string;
  stateName: string;
  zip: string;
  area: string;
  lat: number;
  long: number;
}

const CITIES: City[] = [
  { city: 'San Francisco', state: 'CA', stateName: 'California', zip: '941', area: '415', lat: 37.7749, long: -122.4194 },
  { city: 'San Jose', state: 'CA', stateName: 'California', zip: '951', area: '408', lat: 37.3382, long: -121.8863 },
  { city: 'Los Angeles', state: 'CA', stateName: 'California', zip: '900', area: '213', lat: 34.0522, long: -118.2437 },
  { city: 'New York', state: 'NY', stateName: 'New York', zip: '100', area: '212', lat: 40.7128, long: -74.006 },
  { city: 'Boston', state: 'MA', stateName: 'Massachusetts', zip: '021', area: '617', lat: 42.3601, long: -71.0589 },
  { city: 'Austin', state: 'TX', stateName: 'Texas', zip: '787', area: '512', lat: 30.2672, long: -97.7431 },
  { city: 'Seattle', state: 'WA', stateName: 'Washington', zip: '981', area: '206', lat: 47.6062, long: -122.3321 },
  { city: 'Chicago', state: 'IL', stateName: 'Illinois', zip: '606', area: '312', lat: 41.8781, long: -87.6298 },
];

/** US state code <-> name, for location filters that use either. */
export const STATE_NAMES: Record<string, string> = Object.fromEntries(CITIES.map((c) => [c.state.toLowerCase(), c.stateName.toLowerCase()]));

const OWNER_NAMES = ['Antonio', 'Maria', 'Chen', 'Priya', 'Jürgen', 'Zoë', 'Kwame', 'Sofía', 'Olusegun', 'Hana'];
const UNICODE_NAMES = ['Café Zoë', "Müller's Bäckerei", '寿司 Tokyo', 'Łódź Pierogi House', 'Crème & Co'];
export const FIRST = ['Jane', 'John', 'Maria', 'Jürgen', 'Zoë', 'Wei', 'Aisha', 'Carlos', 'Emily', 'Łukasz', '美咲', 'Noah'];
export const LAST = ['Doe', 'Smith', 'García', 'Müller', "O'Brien", 'Nguyen', 'Patel', 'Kowalski', 'Johnson', '佐藤', 'Lee'];
export const TITLES = ['Head of Marketing', 'VP Sales', 'Owner', 'General Manager', 'CEO', 'Operations Manager'];
const OWNERSHIP = ['INDEPENDENT', 'FAMILY', 'FRANCHISE', 'CHAIN', ''];
const SOCIAL = ['FACEBOOK', 'LINKEDIN', 'INSTAGRAM', 'TWITTER', 'X', 'PINTEREST', 'TIKTOK', 'YOUTUBE'];
/** ASCII slug. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Bare lower-case root domain of a URL, `@domain` or domain; null when nothing domain-like remains. */
export function rootDomain(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let h = value
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

function placeId(rng: Rng): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let s = 'ChIJ';
  for (let i = 0; i < 23; i++) s += chars.charAt(rng.int(0, chars.length - 1));
  return s;
}

function phone(rng: Rng, area: string): string {
  return `+1${area}${rng.int(2_000_000, 9_999_999)}`;
}

function longDescription(name: string): string {
  const unit = `${name} has an unusually long profile text. `;
  return unit.repeat(Math.ceil(LONG_DESCRIPTION_LENGTH / unit.length)).slice(0, LONG_DESCRIPTION_LENGTH);
}

function isoDay(rng: Rng, from: number, to: number): string {
  return `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** Generate `count` stores. Every ~7th store belongs to one of 40 chains (shared brand). */
export function generateBusinesses(seed: number, count: number): Business[] {
  const out: Business[] = [];
  for (let n = 0; n < count; n++) {
    const rng = new Rng(seed, 'store', n);
    const cat = CATEGORIES[n % CATEGORIES.length] as Category;
    const city = CITIES[floor(n / CATEGORIES.length) % CITIES.length] as City;
    const chain = n % 7 === 3 ? n % 40 : -1;
    const owner = rng.pick(OWNER_NAMES);
    let name =
      chain >= 0 ? `${cat.words[chain % cat.words.length]} ${['Collective', 'Group', 'Express', 'Plus'][chain % 4]}` : `${owner}'s ${rng.pick(cat.words)}`;
    if (n % 29 === 13) name = UNICODE_NAMES[floor(n / 29) % UNICODE_NAMES.length] as string;
    const businessName = n % 37 === 5 ? HOSTILE_NAME : name;
    const storeName = n % 41 === 7 ? '+1 Plumbing & Co' : name;
    const hasWebsite = n % 9 !== 4;
    const domain = hasWebsite ? (chain >= 0 ? `${slug(name)}-chain${chain}.com` : `${slug(name) || 'store'}-${n}.com`) : null;
    const validWebsite = hasWebsite && n % 11 !== 3;
    const id = uuidFor(seed, 'store-id', n);
    const brandId = chain >= 0 ? uuidFor(seed, 'brand', 'chain', chain) : uuidFor(seed, 'brand', n);
    const pid = placeId(rng);
    const phones = n % 13 === 6 ? [] : [phone(rng, city.area), ...(rng.chance(0.3) ? [phone(rng, city.area)] : [])];
    const emails = domain && rng.chance(0.5) ? [`info@${domain}`] : null;
    const rating = round((1 + rng.next() * 4) * 10) / 10;
    const reviews = rng.int(0, 2_500);
    const priceTier = rng.int(1, 4);
    const staffs = rng.chance(0.6)
      ? [
          {
            name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
            role: n % 5 === 2 ? '- Head of Sales' : rng.pick(TITLES),
            source_urls: domain ? [`https://${domain}/team`] : [],
          },
        ]
      : null;
    const description = n % 500 === 11 ? longDescription(name) : `${name} is a ${cat.type.toLowerCase()} in ${city.city}.`;
    const zipcode = `${city.zip}${String(rng.int(0, 99)).padStart(2, '0')}`;
    const social: Record<string, string[] | null> = {};
    for (const s of SOCIAL) social[s] = domain && rng.chance(0.25) ? [`https://www.${s.toLowerCase()}.com/${slug(name) || 'store'}${n}`] : null;
    const content: Record<string, unknown> = {
      store_id: id,
      brand_id: brandId,
      business_name: businessName,
      store_name: storeName,
      root_domain: domain,
      website_url: domain ? `http://www.${domain}/` : null,
      city: city.city,
      state: city.stateName,
      country: 'US',
      street_address: `${rng.int(1, 2_000)} ${rng.pick(['Market St', 'Main St', 'Divisadero St', 'Broadway', '2nd Ave'])}`,
      zipcode,
      store_phones: phones,
      business_emails: emails,
      business_phones: phones.length > 0 ? phones.slice(0, 1) : null,
      google_rating: rating,
      google_reviews_count: reviews,
      price_tier: priceTier,
      tags: cat.tags,
      business_categories: [cat.category],
      num_stores: 1,
      latitude: round((city.lat + (rng.next() - 0.5) * 0.1) * 1e7) / 1e7,
      longitude: round((city.long + (rng.next() - 0.5) * 0.1) * 1e7) / 1e7,
      ownership_type: chain >= 0 ? (chain % 2 === 0 ? 'CHAIN' : 'FRANCHISE') : rng.pick(OWNERSHIP),
      open_date: isoDay(rng, 1980, 2025),
      info_updated_at: `${isoDay(rng, 2024, 2025)}T12:00:00Z`,
      description,
      staffs,
      social_media_links: social,
      from_sources: {
        GOOGLE_MAP: {
          id: pid,
          ref_url: `https://www.google.com/maps/place/?q=place_id:${pid}`,
          raw_associated_website: domain ? `http://www.${domain}/` : null,
          name,
        },
      },
    };
    const text = [businessName, storeName, name, ...cat.tags, cat.category, cat.type, description.slice(0, 200)].join(' ').toLowerCase();
    out.push({ n, id, placeId: pid, brandId, text, rating, reviews, priceTier, validWebsite, content });
  }
  const perBrand = new Map<string, number>();
  for (const b of out) perBrand.set(b.brandId, (perBrand.get(b.brandId) ?? 0) + 1);
  for (const b of out) b.content['num_stores'] = perBrand.get(b.brandId) ?? 1;
  return out;
}

/** Group stores into brand rows (`/api/v2/brands/search` shape). */
export function groupBrands(businesses: Business[]): Brand[] {
  const map = new Map<string, Business[]>();
  for (const b of businesses) {
    const list = map.get(b.brandId);
    if (list) list.push(b);
    else map.set(b.brandId, [b]);
  }
  const brands: Brand[] = [];
  for (const [id, stores] of map) {
    const first = stores[0] as Business;
    const c = first.content;
    const tags = c['tags'] as string[];
    brands.push({
      id,
      stores,
      text: first.text,
      row: {
        brand_id: id,
        business_name: c['store_name'],
        business_type: tags[0],
        business_categories: c['business_categories'],
        business_specialty: tags[1] ?? '',
        business_keywords: tags,
        product_services_offered: tags.slice(0, 2),
        brand_description: c['description'],
        website_url: c['website_url'] === null ? '' : `https://${c['root_domain']}/`,
        business_emails: c['business_emails'],
        business_phones: c['business_phones'],
        social_media_links: c['social_media_links'],
        ownership_type: c['ownership_type'],
        staffs: c['staffs'],
        domain_ident: c['root_domain'] ?? '',
        num_stores: stores.length,
      },
    });
  }
  return brands;
}

/** A person as find_people / lookup_people deliver them (NOTES). */
