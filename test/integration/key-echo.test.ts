/**
 * A provider that echoes the key in its error bodies (exact, lower-cased, upper-cased, or its
 * last 8 characters; 401, 403, 422 and 500): through the built bundle, the key appears in no
 * document property, no cell, no formula answer, no RPC answer, no thrown message and no log.
 */
import type { HttpHandler, SimRequest } from '../../emulator/apis/types';
import type { AddOn } from '../harness/addon';
import {
  COMPANY_HEADER,
  DOMAIN_HEADER,
  GU1_HEADER,
  GU1_KEY,
  OM_SIM_KEY,
  OP_KEY,
  companyRows,
  domainRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenProspect,
  givenOpenmart,
  gu1Ids,
  gu1Rows,
} from '../harness/scenarios';

const HOUR = 3_600_000;
type Variant = (key: string) => string;
const VARIANTS: Record<string, Variant> = {
  exact: (k) => k,
  lower: (k) => k.toLowerCase(),
  upper: (k) => k.toUpperCase(),
  last8: (k) => `…${k.slice(-8)}`,
};
/** The key spelled with JSON escapes (`\u006f\u006d...`): only a reader of the parsed body sees it. */
const ESCAPED = '@escaped@';
const jsonEscaped = (k: string): string => [...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const STATUSES = [401, 403, 422, 500];

/** Answer requests whose path contains `pathPart` with `status` and a body quoting the request's key. */
function echoing(pathPart: string, status: number, variant: Variant): (h: HttpHandler) => HttpHandler {
  return (h) => ({
    handle(req: SimRequest) {
      if (!req.url.includes(pathPart)) return h.handle(req);
      const key = req.headers['x-api-key'] ?? (req.headers['authorization'] ?? '').replace(/^Bearer /, '');
      const shown = variant(key) === ESCAPED ? ESCAPED : variant(key);
      const text = `key ${shown} is not valid for this request`;
      const body = JSON.stringify({ error: 'bad_key', code: `E_${shown}`, message: text, detail: text, details: [{ field: `body.${shown}`, message: text }] });
      return { status, headers: { 'Content-Type': 'application/json' }, body: body.split(ESCAPED).join(jsonEscaped(key)) };
    },
  });
}

/** Every text the add-on let out, plus everything stored outside the user's own properties. */
class Outputs {
  readonly texts: string[] = [];
  constructor(private readonly addOn: AddOn) {}
  /** Run an RPC, keeping its answer or its thrown message. */
  rpc(name: string, ...args: unknown[]): unknown {
    try {
      const v = this.addOn.rpc(name, ...args);
      this.texts.push(JSON.stringify(v));
      return v;
    } catch (e) {
      this.texts.push((e as Error).message);
      return undefined;
    }
  }
  formula(name: string, ...args: unknown[]): void {
    try {
      this.texts.push(JSON.stringify(this.addOn.call('custom-function', name, ...args)));
    } catch (e) {
      this.texts.push((e as Error).message);
    }
  }
  all(): string {
    const ss = this.addOn.emulator.spreadsheet;
    const notes = (n: string) => ss.getSheetByName(n)!.getDataRange().getNotes().flat();
    const cells = ss.sheetNames().flatMap((n) => [...ss.sheetValues(n).flat().map(String), ...ss.sheetFormulas(n).flat(), ...notes(n)]);
    const props = JSON.stringify(this.addOn.emulator.properties.document()) + JSON.stringify(this.addOn.emulator.properties.script());
    return [...this.texts, ...cells, props, ...this.addOn.emulator.logs, JSON.stringify(this.addOn.emulator.ui)].join('\n');
  }
}

/** Every run of 8 characters of the key, in any case, found in `text`. */
function leaks(text: string, key: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let i = 0; i + 8 <= key.length; i++) {
    const run = key.slice(i, i + 8).toLowerCase();
    if (lower.includes(run)) found.push(run);
  }
  return found;
}

describe('a provider that echoes the key (built bundle)', () => {
  describe('OpenProspect', () => {
    for (const status of STATUSES) {
      for (const [name, variant] of Object.entries(VARIANTS)) {
        it(`should keep a ${status} echoing the key (${name}) out of every output`, () => {
          // Test connection, the submit and the order polls all answer with the echo.
          const s = givenOpenProspect({ emulator: { userEmail: 'owner@example.com' } });
          const out = new Outputs(s.addOn);
          out.rpc('testConnection', { provider: 'openprospect' });
          givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
          out.rpc('submitEnrichment', {
            source: { sheetName: 'Leads' },
            mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
            options: enrichmentOptions('Q1'),
          });
          const orderId = s.sim.orders()[0]?.id ?? '00000000-0000-4000-8000-000000000000';
          s.addOn.emulator.http.register('https://api.openprospect.io', echoing('/', status, variant)(s.faults));
          out.rpc('testConnection', { provider: 'openprospect' });
          out.rpc('refreshJobs');
          s.addOn.runDueTriggers(HOUR);
          s.addOn.emulator.clock.advance(2 * HOUR);
          s.addOn.runDueTriggers(HOUR);
          out.rpc('listJobs');
          out.rpc('importOrder', { orderId });
          out.rpc('listOpenProspectOrders');
          s.addOn.emulator.spreadsheet.givenSheet('Fx', [['Order'], [orderId], ['ord_2']]);
          out.formula('OPENPROSPECT_STATUS', [[orderId], ['ord_2']]);
          out.formula('OPENPROSPECT_STATUS', orderId);
          expect(leaks(out.all(), OP_KEY)).toEqual([]);
          // The echo did arrive: the add-on saw it and removed it.
          expect(out.all()).toMatch(/\[key\]/);
        });
      }
    }
  });

  describe('Openmart', () => {
    for (const status of STATUSES) {
      it(`should keep a ${status} echoing the key out of enrich result cells, formula answers and job errors`, () => {
        const s = givenOpenmart({
          wrap: (h) => echoing('/enrich_company', status, VARIANTS.upper as Variant)(echoing('/search', status, VARIANTS.last8 as Variant)(h)),
        });
        const out = new Outputs(s.addOn);
        s.addOn.emulator.spreadsheet.givenSheet('Sites', [
          ['Ref', 'Website'],
          ['R1', 'https://a.example.com'],
          ['R2', 'https://b.example.com'],
        ]);
        out.rpc('submitOpenmartEnrich', {
          source: { sheetName: 'Sites' },
          mapping: { external_id: 0, website: 1 },
          options: { title: 'Sites' },
          confirmCredits: true,
        });
        out.rpc('submitOpenmartSearch', { form: { title: 'S', query: 'q', count: 5 }, confirmCredits: true });
        s.addOn.runDueTriggers(HOUR);
        out.rpc('listJobs');
        out.rpc('testConnection', { provider: 'openmart' });
        out.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: 50 });
        out.formula('OPENMART_ENRICH', [['https://a.example.com'], ['https://c.example.com']]);
        out.formula('OPENMART_SEARCH', 'dentists', 'Austin, TX', 3);
        expect(leaks(out.all(), OM_SIM_KEY)).toEqual([]);
        expect(out.all()).toMatch(/\[key\]/);
      });
    }
  });

  describe('Openmart batch routes and a key spelled with JSON escapes', () => {
    for (const status of STATUSES) {
      for (const name of ['exact', 'lower'] as const) {
        it(`should keep a ${status} echoing the key (${name}) on submit and status out of every output`, () => {
          const s = givenOpenmart({ wrap: (h) => echoing('/task/batch/', status, VARIANTS[name] as Variant)(h) });
          const out = new Outputs(s.addOn);
          s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
          out.rpc('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'P', role: 'CEO', max_k: 1 } });
          s.addOn.runDueTriggers(HOUR);
          out.rpc('listJobs');
          expect(leaks(out.all(), OM_SIM_KEY)).toEqual([]);
          expect(out.all()).toMatch(/\[key\]/);
        });
      }
    }

    it.each<[string, (k: string) => string]>([
      ['spelled with JSON escapes', (k) => jsonEscaped(k)],
      ['split across JSON escapes (every 5th character escaped, no raw run of 8)', (k) => [...k].map((c, i) => (i % 5 === 0 ? jsonEscaped(c) : c)).join('')],
    ])('should keep a key %s in a search answer out of the result cells', (_name, encode) => {
      const s = givenOpenmart({
        wrap: (h) => ({
          handle(req: SimRequest) {
            const res = h.handle(req);
            if (!req.url.includes('/api/v1/search') || !('body' in res) || res.status !== 200) return res;
            const rows = JSON.parse(res.body) as Array<{ content: Record<string, unknown> }>;
            for (const r of rows) r.content['business_name'] = `Call ${ESCAPED} now`;
            return { ...res, body: JSON.stringify(rows).split(ESCAPED).join(encode(OM_SIM_KEY)) };
          },
        }),
      });
      const out = new Outputs(s.addOn);
      out.rpc('submitOpenmartSearch', { form: { title: 'S', query: 'q', count: 5 }, confirmCredits: true });
      expect(leaks(out.all(), OM_SIM_KEY)).toEqual([]);
      expect(out.all()).toMatch(/Call \[key\] now/);
    });
  });

  describe('gu1', () => {
    for (const status of STATUSES) {
      for (const name of ['exact', 'lower', 'escaped'] as const) {
        it(`should keep a ${status} echoing the key (${name}) out of cells, the tab note, job errors and RPC answers`, () => {
          const variant: Variant = name === 'escaped' ? () => ESCAPED : (VARIANTS[name] as Variant);
          // The first 4 rows are answered; then every request gets the echo.
          let n = 0;
          const s = givenGu1({
            entities: gu1Ids(8),
            wrap: (h) => ({ handle: (req) => (++n <= 4 ? h.handle(req) : echoing('/', status, variant)(h).handle(req)) }),
          });
          const out = new Outputs(s.addOn);
          s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(8)]);
          out.rpc('submitGu1', {
            source: { sheetName: 'Clients' },
            mapping: { external_id: 0 },
            options: { title: 'KYB', integrationCodes: ['ar_afip_enrichment'] },
            confirmed: true,
          });
          s.addOn.runDueTriggers(HOUR);
          out.rpc('listJobs');
          out.rpc('testConnection', { provider: 'gu1' });
          expect(leaks(out.all(), GU1_KEY)).toEqual([]);
          expect(out.all()).toMatch(/\[key\]/);
        });
      }
    }
  });
});
