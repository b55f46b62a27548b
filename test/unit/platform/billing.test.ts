/**
 * The billing policy as a spec: which routes may be re-sent after which answers. The route scan
 * reads every request the sources build, so a new route without a class fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { billingClass, isOutcomeUnknown, repeatable, ROUTES, routePolicy, type BillingClass } from '../../../src/platform/billing';
import { ApiError, ConnectionError, MalformedResponseError, RateLimitError, ServerError, ValidationError } from '../../../src/platform/errors';
import type { HttpMethod, Provider } from '../../../src/platform/http-types';
import { shouldRetry } from '../../../src/platform/retry';
import { ENRICH_BY_EXTERNAL_ID_PATH } from '../../../src/providers/gu1/enrich-by-external-id';
import { PATHS as OM_PATHS } from '../../../src/providers/openmart/schemas';
import { PATHS as OP_PATHS } from '../../../src/providers/openprospect/schemas';

const SRC = join(__dirname, '../../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The concrete path of a path expression in the sources, or undefined when it cannot be read. */
function resolvePath(expr: string, text: string): { providers: Provider[]; path: string } | undefined {
  const literal = /^'([^']+)'$/.exec(expr);
  if (literal) return { providers: ['openprospect', 'openmart', 'gu1'], path: literal[1] as string };
  if (expr === 'ENRICH_BY_EXTERNAL_ID_PATH') return { providers: ['gu1'], path: ENRICH_BY_EXTERNAL_ID_PATH };
  const m = /^PATHS\.(\w+)(\(.*\))?$/.exec(expr);
  if (!m) return undefined;
  const om = text.includes("openmart/schemas'");
  const table = (om ? OM_PATHS : OP_PATHS) as Record<string, string | ((a: string) => string)>;
  const entry = table[m[1] as string];
  if (entry === undefined) return undefined;
  return { providers: [om ? 'openmart' : 'openprospect'], path: typeof entry === 'function' ? entry('x1') : entry };
}

interface CallSite {
  file: string;
  method: HttpMethod;
  expr: string;
  resolved: ReturnType<typeof resolvePath>;
}

/** Every request the sources build: `{ method: 'x', path: ... }`. */
function callSites(): CallSite[] {
  const out: CallSite[] = [];
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    // Files under providers/openmart import their PATHS as './schemas'.
    const ctx = file.includes('/providers/openmart/') ? `${text}\nopenmart/schemas'` : text;
    for (const m of text.matchAll(/method: '(get|post|put|patch|delete)'(?: as const)?,\s*path: ([^,}\n]+)/g)) {
      out.push({ file: relative(SRC, file), method: m[1] as HttpMethod, expr: (m[2] as string).trim(), resolved: resolvePath((m[2] as string).trim(), ctx) });
    }
  }
  return out;
}

describe('platform/billing', () => {
  describe('ROUTES', () => {
    const sites = callSites();

    it('should find the requests the sources build (the scan is not empty)', () => {
      expect(sites.length).toBeGreaterThanOrEqual(28);
    });

    it('should give every route the add-on calls a class (a new route without one fails here)', () => {
      const missing = sites.filter((s) => !s.resolved?.providers.some((p) => routePolicy(p, s.method, s.resolved?.path ?? '') !== undefined));
      expect(missing.map((s) => `${s.file}: ${s.method.toUpperCase()} ${s.expr}`)).toEqual([]);
    });

    it('should list no route the add-on never calls', () => {
      const used = new Set<string>();
      for (const s of sites)
        for (const p of s.resolved?.providers ?? []) {
          const hit = routePolicy(p, s.method, s.resolved?.path ?? '');
          if (hit) used.add(`${hit.provider} ${hit.method} ${hit.route}`);
        }
      expect(ROUTES.map((r) => `${r.provider} ${r.method} ${r.route}`).filter((k) => !used.has(k))).toEqual([]);
    });

    it.each<[Provider, HttpMethod, string, BillingClass]>([
      ['openprospect', 'post', '/orders/', 'idempotent'],
      ['openprospect', 'post', '/orders', 'idempotent'],
      ['openprospect', 'post', '/search-profile-creations', 'idempotent'],
      ['openprospect', 'get', '/orders/o-1/results', 'free'],
      ['openprospect', 'post', '/blacklists', 'once'],
      ['openprospect', 'post', '/blacklists/b-1/entries', 'once'],
      ['openprospect', 'delete', '/blacklists/b-1/entries', 'free'],
      ['openmart', 'post', '/api/v1/task/batch/find_people', 'billed'],
      ['openmart', 'post', '/api/v1/task/batch/lookup_people', 'billed'],
      ['openmart', 'post', '/api/v1/search', 'billed'],
      ['openmart', 'post', '/api/v1/search/only_ids', 'billed'],
      ['openmart', 'post', '/api/v1/enrich_company', 'billed'],
      ['openmart', 'get', '/api/v1/business_records/list/openmart_ids', 'billed'],
      ['openmart', 'post', '/api/v2/brands/search', 'billed'],
      ['openmart', 'get', '/api/v1/task/batch/b-1/status', 'free'],
      ['openmart', 'get', '/api/v1/task/t-1', 'free'],
      ['openmart', 'post', '/api/v2/deny-rules/check', 'free'],
      ['gu1', 'post', ENRICH_BY_EXTERNAL_ID_PATH, 'billed'],
    ])('%s %s %s is %s', (provider, method, path, cls) => {
      expect(billingClass(provider, method, path, cls === 'idempotent' ? 'key-1' : undefined)).toBe(cls);
    });

    it('should treat a route not in the table as billed, and an idempotent route sent without its key as once', () => {
      expect(billingClass('openprospect', 'post', '/something-new', undefined)).toBe('billed');
      expect(billingClass('openmart', 'get', '/api/v9/unknown', undefined)).toBe('billed');
      expect(billingClass('openprospect', 'post', '/orders/', undefined)).toBe('once');
      expect(repeatable('once')).toBe(false);
    });
  });

  describe('#shouldRetry()', () => {
    const err = (status: number, code?: string) => new ApiError({ provider: 'gu1', status, code, message: 'x' });
    const CLASSES: BillingClass[] = ['free', 'idempotent', 'billed', 'once'];
    const cases: Array<[string, ApiError, Record<BillingClass, boolean>]> = [
      ['429', err(429), { free: true, idempotent: true, billed: true, once: true }],
      ['408', err(408), { free: true, idempotent: true, billed: false, once: false }],
      ['500', err(500), { free: true, idempotent: true, billed: false, once: false }],
      ['502', err(502), { free: true, idempotent: true, billed: false, once: false }],
      ['503', err(503), { free: true, idempotent: true, billed: false, once: false }],
      ['504', err(504), { free: true, idempotent: true, billed: false, once: false }],
      ['timeout', err(0, 'TIMEOUT'), { free: true, idempotent: true, billed: false, once: false }],
      ['lost response', err(0, 'OTHER'), { free: true, idempotent: true, billed: false, once: false }],
      ['DNS (never sent)', err(0, 'DNS'), { free: true, idempotent: true, billed: true, once: true }],
      [
        'unreadable 2xx',
        new MalformedResponseError({ provider: 'gu1', status: 200, message: 'x' }),
        { free: true, idempotent: true, billed: false, once: false },
      ],
      ['not sent (no time)', err(0, 'NOT_SENT'), { free: false, idempotent: false, billed: false, once: false }],
      ['400', err(400), { free: false, idempotent: false, billed: false, once: false }],
      ['401', err(401), { free: false, idempotent: false, billed: false, once: false }],
      ['402', err(402), { free: false, idempotent: false, billed: false, once: false }],
      ['404', err(404), { free: false, idempotent: false, billed: false, once: false }],
      ['409', err(409), { free: false, idempotent: false, billed: false, once: false }],
      ['422', err(422), { free: false, idempotent: false, billed: false, once: false }],
      ['307', err(307, 'REDIRECT'), { free: false, idempotent: false, billed: false, once: false }],
    ];
    for (const [name, error, expected] of cases) {
      for (const cls of CLASSES) {
        it(`${name} on a ${cls} request -> ${expected[cls] ? 're-send' : 'never re-sent'}`, () => {
          expect(shouldRetry(error, cls)).toBe(expected[cls]);
        });
      }
    }
  });

  describe('#isOutcomeUnknown()', () => {
    const init = (status: number, code?: string) => ({ provider: 'openmart' as const, status, code, message: 'x' });
    it.each<[string, unknown, boolean]>([
      ['a 502 (gateway)', new ServerError(init(502)), true],
      ['a 408 (gateway)', ApiError.generate('openmart', 408, {}), true],
      ['a timeout', new ConnectionError(init(0, 'TIMEOUT')), true],
      ['an unreadable 2xx', new MalformedResponseError(init(200)), true],
      ['a 429', new RateLimitError(init(429)), false],
      ['a 422 refusal', new ValidationError(init(422)), false],
      ['not sent (time budget)', new ConnectionError(init(0, 'NOT_SENT')), false],
      ['a DNS failure (never left)', new ConnectionError(init(0, 'DNS')), false],
      ['the daily quota', new ConnectionError(init(0, 'QUOTA')), false],
      ['not an API error', new Error('x'), false],
    ])('%s -> %s', (_what, e, expected) => {
      expect(isOutcomeUnknown(e)).toBe(expected);
    });
  });
});
