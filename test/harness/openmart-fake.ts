/**
 * A small Openmart stand-in for the custom-function tests (search, enrich_company, business
 * records by id, credit balance), after docs/api-docs/openmart-api.txt: X-API-Key auth,
 * 1 credit per returned row, deterministic rows, a configurable server latency.
 */
import { json, type HttpHandler, type SimRequest, type SimResponse } from '../../emulator/apis/types';

export const OM_KEY = 'om_test_5f2a9c7e1b3d';
export const OM_BASE = 'https://api.openmart.ai';

export interface OpenmartFake extends HttpHandler {
  readonly requests: SimRequest[];
  /** Credits left on the account. */
  balance: number;
  /** Server time per request, in virtual ms. */
  latencyMs: number;
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function uuidFor(text: string): string {
  const h = (hash(text) + hash(`${text}#`) + hash(`#${text}`) + hash(`${text}!`)).slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function business(name: string, domain: string, city: string): Record<string, unknown> {
  return {
    business_name: name,
    root_domain: domain,
    website_url: `https://${domain}/`,
    city,
    state: 'CA',
    country: 'US',
    street_address: `${100 + (parseInt(hash(name).slice(0, 4), 16) % 800)} Market St`,
    zipcode: '94103',
    store_phones: ['+14155550100'],
    google_rating: 4.5,
    google_reviews_count: 120,
    business_categories: ['HEALTH_WELLNESS'],
    num_stores: 1,
  };
}

/** Create the fake with one accepted key. */
export function createOpenmartFake(opts: { key?: string; balance?: number; latencyMs?: number } = {}): OpenmartFake {
  const key = opts.key ?? OM_KEY;
  const fake: OpenmartFake = {
    requests: [],
    balance: opts.balance ?? 5_000,
    latencyMs: opts.latencyMs ?? 0,
    handle(req): SimResponse {
      fake.requests.push(req);
      const answer = (status: number, body: unknown): SimResponse => ({ ...json(status, body), latencyMs: fake.latencyMs });
      if (req.headers['x-api-key'] !== key) return answer(401, { detail: 'Invalid API Key' });
      const body = req.body ? (JSON.parse(req.body) as unknown) : undefined;
      const bill = (rows: number): boolean => {
        if (fake.balance < rows) return false;
        fake.balance -= rows;
        return true;
      };
      if (req.method === 'GET' && req.path === '/api/v2/credit-balance') {
        return answer(200, { period_start: '2026-01-01T00:00:00Z', period_end: '2027-01-01T00:00:00Z', balance: fake.balance });
      }
      if (req.method === 'POST' && req.path === '/api/v1/search') {
        const b = body as { query?: string; limit?: number; location?: Array<{ city?: string }> };
        const city = b.location?.[0]?.city ?? 'San Jose';
        const rows = Array.from({ length: Math.min(b.limit ?? 100, 1000) }, (_, i) => {
          const name = `${b.query ?? 'Business'} ${i + 1}`.replace(/\b\w/g, (c) => c.toUpperCase());
          const id = uuidFor(`${b.query}|${city}|${i}`);
          return { id, content: business(name, `${hash(name)}.example.com`, city), match_score: 10 - i / 10, cursor: [10 - i / 10, id] };
        });
        if (!bill(rows.length)) return answer(402, { detail: 'credit limit reached' });
        return answer(200, rows);
      }
      if (req.method === 'POST' && req.path === '/api/v1/enrich_company') {
        const b = body as { website?: string; social_media_link?: string; limit?: number };
        const url = b.website ?? b.social_media_link ?? '';
        const domain =
          url
            .replace(/^https?:\/\//, '')
            .replace(/^www\./, '')
            .split('/')[0] ?? '';
        if (domain.includes('nomatch')) return answer(200, []);
        if (!bill(1)) return answer(402, { detail: 'credit limit reached' });
        const name = (domain.split('.')[0] ?? domain).replace(/\b\w/g, (c) => c.toUpperCase());
        return answer(200, [{ id: uuidFor(domain), content: business(name, domain, 'San Francisco'), match_score: 20, cursor: [20, uuidFor(domain)] }]);
      }
      if (req.method === 'GET' && req.path.startsWith('/api/v1/business_records/list/')) {
        const ids = Array.isArray(body) ? (body as string[]) : [];
        if (ids.length < 1 || ids.length > 100) return answer(422, { error: 'the number of ids should be between 1 and 100' });
        const found = ids.filter((id) => !id.startsWith('00000000'));
        if (!bill(found.length)) return answer(402, { detail: 'credit limit reached' });
        return answer(
          200,
          Object.fromEntries(found.map((id) => [id, { store_id: id, ...business(`Store ${id.slice(0, 4)}`, `${id.slice(0, 6)}.example.com`, 'Oakland') }])),
        );
      }
      return answer(404, { detail: 'Not Found' });
    },
  };
  return fake;
}
