/** Deterministic payloads of Openmart's async tasks: people, business emails, tech detection (seeded). */
import { Rng } from '../openprospect/prng';
import { FIRST, LAST, rootDomain, slug, TITLES } from './data';

// Hot loops below run inside jest's vm: keep builtins local.
const round = Math.round;

/** People titles that Sheets would read as formulas: written as literal text or not at all. */
const HOSTILE_TITLES = ['- Head of Sales', '=CEO', '+Growth Lead'];
/** Evidence the tech detection quotes per technology. */
const TECH_EVIDENCE: Record<string, string[]> = {
  shopify: ['cdn.shopify.com script', 'Shopify.theme object'],
  hubspot: ['js.hs-scripts.com tracking code'],
  klaviyo: ['static.klaviyo.com onsite script'],
  wordpress: ['/wp-content/ paths', 'generator meta tag'],
};

export interface PersonOut {
  first_name: string;
  last_name: string;
  title: string;
  email: { email: string; verified: boolean } | null;
  phones: Array<{ phone_number: string; line_type: string; valid: boolean }>;
  linkedin_url: string | null;
}

function accessOf(input: Record<string, unknown>): { email: boolean; phone: boolean } {
  const ia = input['info_access'];
  if (!Array.isArray(ia) || ia.length === 0) return { email: true, phone: true };
  return { email: ia.includes('EMAIL'), phone: ia.includes('PHONE') };
}

function person(
  rng: Rng,
  domain: string,
  first: string,
  last: string,
  title: string,
  access: { email: boolean; phone: boolean },
  linkedin?: unknown,
): PersonOut {
  const local = `${slug(first) || 'contact'}.${slug(last) || 'team'}`;
  return {
    first_name: first,
    last_name: last,
    title,
    email: access.email && rng.chance(0.9) ? { email: `${local}@${domain}`, verified: rng.chance(0.7) } : null,
    phones:
      access.phone && rng.chance(0.7)
        ? [{ phone_number: `+1${rng.int(200, 989)}555${String(rng.int(0, 9999)).padStart(4, '0')}`, line_type: rng.pick(['mobile', 'landline']), valid: true }]
        : [],
    linkedin_url:
      typeof linkedin === 'string' && linkedin !== ''
        ? linkedin
        : rng.chance(0.8)
          ? `https://www.linkedin.com/in/${slug(`${first} ${last}`) || 'member'}-${rng.int(100, 999)}`
          : null,
  };
}

/** find_people: up to max_k people at a domain for a title (deterministic per domain + title). */
export function findPeople(seed: number, input: Record<string, unknown>): PersonOut[] {
  const domain = rootDomain(input['domain']) ?? 'unknown.invalid';
  const title = String(input['title'] ?? '');
  const rng = new Rng(seed, 'people', domain, title.toLowerCase());
  const maxK = Number(input['max_k'] ?? 1);
  const count = rng.chance(0.1) ? 0 : Math.min(maxK, rng.int(1, 4));
  const out: PersonOut[] = [];
  for (let j = 0; j < count; j++) {
    const hostile = rng.chance(0.15);
    const t = hostile ? (HOSTILE_TITLES[j % HOSTILE_TITLES.length] as string) : title || rng.pick(TITLES);
    out.push(person(rng, domain, rng.pick(FIRST), rng.pick(LAST), t, accessOf(input)));
  }
  return out;
}

/** lookup_people: the known people enriched with email and phones. */
export function lookupPeople(seed: number, input: Record<string, unknown>): PersonOut[] {
  const domain = rootDomain(input['domain']) ?? 'unknown.invalid';
  const people = Array.isArray(input['people']) ? (input['people'] as Array<Record<string, unknown>>) : [];
  return people.map((p, j) => {
    const first = String(p['first_name'] ?? '');
    const last = String(p['last_name'] ?? '');
    const rng = new Rng(seed, 'lookup', domain, first, last, j);
    return person(rng, domain, first, last, rng.pick(TITLES), accessOf(input), p['linkedin_url']);
  });
}

/** lookup_business_email: shared mailboxes of a domain, `{email, status}`. */
export function businessEmails(seed: number, input: Record<string, unknown>): Array<{ email: string; status: string }> {
  const domain = rootDomain(input['domain']) ?? 'unknown.invalid';
  const rng = new Rng(seed, 'mailboxes', domain);
  return ['info', 'sales', 'support', 'hello', 'office']
    .filter(() => rng.chance(0.45))
    .map((box) => ({ email: `${box}@${domain}`, status: rng.pick(['valid', 'valid', 'risky', 'unknown']) }));
}

/** find_tech: undocumented result shape; an object with nested parts so clients store it generically. */
export function detectTech(seed: number, input: Record<string, unknown>): Record<string, unknown> {
  const domain = rootDomain(input['domain']) ?? 'unknown.invalid';
  const tech = String(input['tech_type'] ?? '').toLowerCase();
  const rng = new Rng(seed, 'tech', domain, tech);
  const detected = rng.chance(0.55);
  return {
    tech_type: tech,
    domain,
    detected,
    confidence: detected ? round(rng.next() * 100) / 100 : 0,
    evidence: detected ? (TECH_EVIDENCE[tech] ?? [`${tech} fingerprint in page source`]) : [],
    checked_pages: { home: `https://${domain}/`, count: rng.int(1, 12) },
  };
}
