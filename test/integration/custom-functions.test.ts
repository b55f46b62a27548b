/**
 * Custom functions through the built bundle: each call is a `custom-function` execution (30-s
 * limit, read-only properties, the owner's user properties), against the OpenProspect simulator
 * and an Openmart stand-in behind the emulated UrlFetchApp.
 */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, type OpScenario } from '../harness/scenarios';
import { createOpenmartFake, OM_BASE, OM_KEY, type OpenmartFake } from '../harness/openmart-fake';
import { createOpenmartSim } from '../../emulator/apis/openmart';
import type { SettingsView as Settings } from '../../src/app/contract';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

type Grid = unknown[][];

/**
 * Paid formulas record their spending in document properties, which custom functions may not
 * write in the emulator's default (docs/PLATFORM.md's worst case): these tests opt in.
 */
const SPENDING = { emulator: { customFunctionPropertyWrites: 'shared' } } as const;
/** The records routes are GETs with a JSON body, which the emulator drops by default (unverified; NOTES.md): opted in. */
const SPENDING_WITH_GET_BODIES = { emulator: { customFunctionPropertyWrites: 'shared', dropGetBody: false } } as const;

function withOpenmart(s: OpScenario, opts: { saveKey?: boolean; latencyMs?: number } = {}): OpenmartFake {
  const om = createOpenmartFake({ latencyMs: opts.latencyMs ?? 0 });
  s.addOn.emulator.http.register(OM_BASE, om);
  if (opts.saveKey !== false) s.addOn.rpc('saveApiKey', { provider: 'openmart', key: OM_KEY });
  return om;
}

/** Call a custom function and count the UrlFetch requests it made. */
function fx<T = unknown>(s: OpScenario, name: string, ...args: unknown[]): { value: T; fetches: number; ms: number } {
  const before = s.addOn.emulator.counters.get('urlfetch');
  const started = s.addOn.emulator.clock.now();
  const value = s.addOn.call<T>('custom-function', name, ...args);
  return { value, fetches: s.addOn.emulator.counters.get('urlfetch') - before, ms: s.addOn.emulator.clock.now() - started };
}

/** Plain arrays (the vm realm's arrays compared as data). */
function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function allowSpending(s: OpScenario, dailyCap = 100): Settings {
  return s.addOn.rpc<Settings>('saveFormulaSettings', { spendCredits: true, dailyCap });
}

/** An enrichment of `n` rows taken to COMPLETED and synced into its tabs; answers the job's tabs and ids. */
function completedEnrichment(s: OpScenario, n: number): { tabs: Record<string, string>; ids: string[]; orderId: string } {
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(n));
  s.addOn.rpc('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions('Q1 Hotels'),
  });
  const order = s.sim.orders()[0]!;
  s.sim.advance(order.id, 'COMPLETED');
  s.addOn.runDueTriggers(HOUR);
  const job = s.addOn.rpc<{ jobs: Array<{ state: string; tabs: Record<string, string> }> }>('listJobs').jobs[0]!;
  expect(job.state).toBe('DONE');
  const ids = s.addOn.emulator.spreadsheet
    .sheetValues('Leads')
    .slice(1)
    .map((r) => String(r[4]));
  return { tabs: job.tabs, ids, orderId: order.id };
}

describe('custom functions (built bundle)', () => {
  describe('#OPENPROSPECT_STATUS()', () => {
    it('should answer the status and answer a recalculation from the cache (0 UrlFetch calls)', () => {
      const s = givenOpenProspect();
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
      s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Status') });
      const id = s.sim.orders()[0]!.id;

      const first = fx<string>(s, 'OPENPROSPECT_STATUS', id);
      expect(first.value).toBe('RECEIVED');
      expect(first.fetches).toBe(1);
      const again = fx<string>(s, 'OPENPROSPECT_STATUS', id);
      expect(again).toMatchObject({ value: 'RECEIVED', fetches: 0 });

      // A running order is re-read after 10 minutes; a finished one stays cached.
      s.sim.advance(id, 'COMPLETED');
      s.addOn.emulator.clock.advance(11 * 60_000);
      expect(fx(s, 'OPENPROSPECT_STATUS', id)).toMatchObject({ value: 'COMPLETED', fetches: 1 });
      s.addOn.emulator.clock.advance(5 * HOUR);
      expect(fx(s, 'OPENPROSPECT_STATUS', id)).toMatchObject({ value: 'COMPLETED', fetches: 0 });
    });

    it('should answer a range per unique id in one fetchAll, with an unknown id as a text cell', () => {
      const s = givenOpenProspect();
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
      s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Range') });
      const id = s.sim.orders()[0]!.id;
      const fetchAllBefore = s.addOn.emulator.counters.get('UrlFetchApp.fetchAll');
      const r = fx<Grid>(s, 'OPENPROSPECT_STATUS', [[id], [id], [''], ['00000000-0000-4000-8000-000000000000']]);
      expect(r.fetches).toBe(2);
      expect(s.addOn.emulator.counters.get('UrlFetchApp.fetchAll') - fetchAllBefore).toBe(1);
      const cells = plain(r.value);
      expect(cells.slice(0, 3)).toEqual([['RECEIVED'], ['RECEIVED'], ['']]);
      expect(String(cells[3]![0])).toMatch(/^⚠ OpenProspect could not find it/);
    });

    it("should say that formulas use the spreadsheet owner's key when a co-editor saved their own", () => {
      const s = givenOpenProspect({ saveKey: false, emulator: { userEmail: 'editor@example.com', ownerEmail: 'owner@example.com' } });
      s.addOn.rpc('saveApiKey', { provider: 'openprospect', key: 'lnc_test_4c1e5b0a9d8f7e6d' });
      expect(() => s.addOn.call('custom-function', 'OPENPROSPECT_STATUS', 'ord_1')).toThrow(
        /No OpenProspect API key is saved for this spreadsheet's owner.*owner saves it in Extensions > Prospect Enrich > Open settings.*Co-editors can use the sidebar/,
      );
      expect(s.addOn.emulator.counters.get('urlfetch')).toBe(0);
    });
  });

  describe('#ENRICHED()', () => {
    it('should read a tab written by a completed OpenProspect job, with no API call', () => {
      const s = givenOpenProspect();
      const { tabs, ids, orderId } = completedEnrichment(s, 4);
      const expected = s.sim.visibleResults(orderId);
      const byId = new Map(expected.map((c) => [c.source_id, c]));

      const one = fx<string>(s, 'ENRICHED', ids[0], 'name');
      expect(one).toMatchObject({ value: byId.get(ids[0]!)!.name, fetches: 0 });
      // A range of ids answers the same shape; an empty cell stays empty.
      const column = fx<Grid>(s, 'ENRICHED', [[ids[1]], [''], [ids[2]]], 'City');
      expect(plain(column.value)).toEqual([[byId.get(ids[1]!)!.city ?? ''], [''], [byId.get(ids[2]!)!.city ?? '']]);
      // Several fields: one row per id, from the named tab.
      const table = fx<Grid>(s, 'ENRICHED', [[ids[0]], [ids[3]]], [['name', 'website_url']], tabs['companies']);
      expect(plain(table.value)).toEqual(ids.filter((_, i) => i === 0 || i === 3).map((id) => [byId.get(id)!.name, byId.get(id)!.website_url ?? '']));
      // The Prospects tab is keyed by company_external_id.
      const firstName = fx<string>(s, 'ENRICHED', ids[0], 'first_name', tabs['prospects']);
      expect(firstName.value).toBe(byId.get(ids[0]!)!.prospects[0]?.first_name ?? '');
      expect(column.fetches + table.fetches + firstName.fetches).toBe(0);
    });

    it('should name the columns it knows when a field is unknown, and say when an id has no row yet', () => {
      const s = givenOpenProspect();
      const { ids } = completedEnrichment(s, 2);
      expect(() => s.addOn.call('custom-function', 'ENRICHED', ids[0], 'revenue_eur')).toThrow(
        /no column "revenue_eur".*Columns include: external_id, company_id, name/,
      );
      expect(() => s.addOn.call('custom-function', 'ENRICHED', 'nope-1', 'name')).toThrow(/external_id "nope-1" is not in "Q1 Hotels - Companies" \(yet\)/);
      expect(() => s.addOn.call('custom-function', 'ENRICHED', ids[0], 'name', 'No such tab')).toThrow(/there is no tab "No such tab"/);
    });

    it('should say how to get result tabs when there are none', () => {
      const s = givenOpenProspect();
      expect(() => s.addOn.call('custom-function', 'ENRICHED', 'x', 'name')).toThrow(/no result tabs yet.*Open sidebar/);
    });
  });

  describe('Openmart formulas', () => {
    it('should be off by default, say where to turn them on, and send nothing', () => {
      const s = givenOpenProspect();
      const om = withOpenmart(s);
      for (const [name, args] of [
        ['OPENMART_SEARCH', ['dentists', 'San Jose, CA', 5]],
        ['OPENMART_ENRICH', ['bluebottlecoffee.com']],
        ['OPENMART_BUSINESS', ['54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04']],
      ] as const) {
        expect(() => s.addOn.call('custom-function', name, ...args)).toThrow(
          new RegExp(
            `${name} spends Openmart credits.*off until "Formulas may spend credits" is turned on in Extensions > Prospect Enrich > Open settings > Formulas`,
          ),
        );
      }
      // A range answers the same sentence per cell instead of failing the whole range.
      const cells = plain(fx<Grid>(s, 'OPENMART_ENRICH', [['a.com'], ['b.com']]).value);
      expect(cells.map((r) => String(r[0]))).toEqual([
        expect.stringMatching(/^⚠ OPENMART_ENRICH spends Openmart credits/),
        expect.stringMatching(/^⚠ OPENMART_ENRICH spends/),
      ]);
      expect(om.requests).toHaveLength(0);
      expect(s.addOn.rpc<Settings>('getSettings').formulas).toEqual({ spendCredits: false, dailyCap: 100, usedToday: 0 });
    });

    it('should spend nothing where formulas cannot write properties (the default), say to use the sidebar, and keep the free formulas', () => {
      const s = givenOpenProspect();
      const om = withOpenmart(s);
      allowSpending(s);
      for (const [name, args] of [
        ['OPENMART_SEARCH', ['dentists', 'San Jose, CA', 5]],
        ['OPENMART_ENRICH', ['bluebottlecoffee.com']],
        ['OPENMART_BUSINESS', ['54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04']],
      ] as const) {
        expect(() => s.addOn.call('custom-function', name, ...args)).toThrow(
          /formulas spend no credits here\. Use the Openmart section of the sidebar instead/,
        );
      }
      expect(om.requests).toHaveLength(0);
      expect(om.balance).toBe(5000);
      // Free formulas still answer (=ENRICHED and =OPENPROSPECT_STATUS: their tests above run in this default too).
      expect(fx(s, 'OPENMART_CREDITS')).toMatchObject({ value: 5000, fetches: 1 });
    });

    it('should answer OPENMART_CREDITS without the switch (it spends nothing), cached for 10 minutes', () => {
      const s = givenOpenProspect();
      const om = withOpenmart(s);
      expect(fx(s, 'OPENMART_CREDITS')).toMatchObject({ value: 5000, fetches: 1 });
      om.balance = 4000;
      expect(fx(s, 'OPENMART_CREDITS')).toMatchObject({ value: 5000, fetches: 0 });
      s.addOn.emulator.clock.advance(11 * 60_000);
      expect(fx(s, 'OPENMART_CREDITS')).toMatchObject({ value: 4000, fetches: 1 });
    });

    it('should search into a table with a header, count the credits, and recalculate for free', () => {
      const s = givenOpenProspect(SPENDING);
      const om = withOpenmart(s);
      allowSpending(s);
      const first = fx<Grid>(s, 'OPENMART_SEARCH', 'dentists', 'San Jose, CA', 10);
      const table = plain(first.value);
      expect(first.fetches).toBe(1);
      expect(table).toHaveLength(11);
      expect(table[0]).toEqual([
        'Name',
        'Website',
        'Address',
        'City',
        'State',
        'Country',
        'Zip',
        'Phone',
        'Email',
        'Rating',
        'Reviews',
        'Stores',
        'Categories',
        'Openmart ID',
      ]);
      expect(table[1]![0]).toBe('Dentists 1');
      expect(table[1]![3]).toBe('San Jose');
      // Flat location keys, never a nested `filters` object (NOTES.md).
      expect(JSON.parse(om.requests[0]!.body!)).toEqual({ query: 'dentists', location: [{ city: 'San Jose', state: 'CA', country: 'US' }], limit: 10 });

      const again = fx<Grid>(s, 'OPENMART_SEARCH', 'dentists', 'San Jose, CA', 10);
      expect(again.fetches).toBe(0);
      expect(plain(again.value)).toEqual(table);
      expect(s.addOn.rpc<Settings>('getSettings').formulas).toEqual({ spendCredits: true, dailyCap: 100, usedToday: 10 });
      expect(om.balance).toBe(4990);
    });

    it('should answer a range of URLs per unique value, one row each, and cache them', () => {
      const s = givenOpenProspect(SPENDING);
      const om = withOpenmart(s);
      allowSpending(s);
      const r = fx<Grid>(s, 'OPENMART_ENRICH', [
        ['bluebottlecoffee.com'],
        ['https://www.instagram.com/bluebottle/'],
        ['bluebottlecoffee.com'],
        ['nomatch.example'],
      ]);
      expect(r.fetches).toBe(3);
      const rows = plain(r.value);
      expect(rows).toHaveLength(4);
      expect(rows[0]![0]).toBe('Bluebottlecoffee');
      expect(rows[2]).toEqual(rows[0]);
      expect(rows[3]![0]).toBe('No Openmart business matches this URL.');
      expect(om.requests.map((q) => JSON.parse(q.body!))).toEqual([
        { website: 'bluebottlecoffee.com', limit: 1 },
        { social_media_link: 'https://www.instagram.com/bluebottle/', limit: 1 },
        { website: 'nomatch.example', limit: 1 },
      ]);
      // 2 matches billed; the miss cost nothing.
      expect(s.addOn.rpc<Settings>('getSettings').formulas.usedToday).toBe(2);
      expect(fx(s, 'OPENMART_ENRICH', 'bluebottlecoffee.com').fetches).toBe(0);
    });

    it('should look ids up in one GET per route and answer unknown ids as such', () => {
      const s = givenOpenProspect(SPENDING_WITH_GET_BODIES);
      const om = withOpenmart(s);
      allowSpending(s);
      const ids = ['54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04', '00000000-0000-4000-a000-000000000000', 'ChIJfeiVPq-AhYARoD84VjA_-Tg'];
      const rows = plain(
        fx<Grid>(
          s,
          'OPENMART_BUSINESS',
          ids.map((x) => [x]),
        ).value,
      );
      expect(om.requests.map((q) => `${q.method} ${q.path} ${q.body}`)).toEqual([
        `GET /api/v1/business_records/list/openmart_id ${JSON.stringify(ids.slice(0, 2))}`,
        `GET /api/v1/business_records/list/google_place_id ${JSON.stringify(ids.slice(2))}`,
      ]);
      expect(rows[0]![0]).toBe('Store 54ff');
      expect(rows[0]![13]).toBe(ids[0]);
      expect(rows[1]![0]).toBe('No Openmart record for this id.');
      expect(rows[2]![0]).toBe('Store ChIJ');
      expect(s.addOn.rpc<Settings>('getSettings').formulas.usedToday).toBe(2);
    });

    it('should respect the daily credit cap, say so, and allow spending again the next day', () => {
      const s = givenOpenProspect(SPENDING);
      const om = withOpenmart(s);
      allowSpending(s, 12);
      expect(plain(fx<Grid>(s, 'OPENMART_SEARCH', 'cafes', 'Austin', 10).value)).toHaveLength(11);
      // 2 credits left: the first two URLs are looked up, the rest say why not.
      const rows = plain(fx<Grid>(s, 'OPENMART_ENRICH', [['a.com'], ['b.com'], ['c.com'], ['d.com']]).value);
      expect(rows.map((r) => r[0])).toEqual([
        'A',
        'B',
        expect.stringMatching(/^⚠ Today's formula credit cap \(12\) is used up/),
        expect.stringMatching(/cap \(12\)/),
      ]);
      expect(() => s.addOn.call('custom-function', 'OPENMART_SEARCH', 'bakeries', 'Austin', 5)).toThrow(
        /Today's formula credit cap \(12\) is used up. Raise it in Extensions > Prospect Enrich > Open settings > Formulas/,
      );
      expect(om.balance).toBe(5000 - 12);
      expect(s.addOn.rpc<Settings>('getSettings').formulas.usedToday).toBe(12);

      // A search larger than what is left is cut to what is left, says so, and is not cached.
      s.addOn.emulator.clock.advance(DAY);
      allowSpending(s, 3);
      const partial = plain(fx<Grid>(s, 'OPENMART_SEARCH', 'bakeries', 'Austin', 5).value);
      expect(partial).toHaveLength(1 + 3 + 1);
      expect(String(partial[4]![0])).toMatch(/^Showing 3 of 5: Today's formula credit cap \(3\)/);
      expect(JSON.parse(om.requests.at(-1)!.body!).limit).toBe(3);
      expect(om.balance).toBe(5000 - 15);
    });

    it('should stop inside the 25-s budget, answer what it fetched, say the rest is pending, and finish on recalculation', () => {
      const s = givenOpenProspect(SPENDING);
      // 20 s per request: one fetchAll wave of 20 takes about 20.5 s, so no second wave fits.
      const om = withOpenmart(s, { latencyMs: 20_000 });
      allowSpending(s, 1000);
      const urls = Array.from({ length: 30 }, (_, i) => [`shop${i}.example.com`]);
      const r = fx<Grid>(s, 'OPENMART_ENRICH', urls);
      expect(r.ms).toBeLessThan(25_000);
      expect(r.fetches).toBe(20);
      const rows = plain(r.value);
      expect(rows.slice(0, 20).every((row) => !String(row[0]).startsWith('⚠'))).toBe(true);
      expect(rows.slice(20).every((row) => /^⚠ Not fetched within the 25-second formula limit: recalculate/.test(String(row[0])))).toBe(true);
      // Credits reserved for the unsent 10 were given back.
      expect(s.addOn.rpc<Settings>('getSettings').formulas.usedToday).toBe(20);

      const second = fx<Grid>(s, 'OPENMART_ENRICH', urls);
      expect(second.fetches).toBe(10);
      expect(plain(second.value).every((row) => !String(row[0]).startsWith('⚠'))).toBe(true);
      expect(om.requests).toHaveLength(30);
      expect(fx(s, 'OPENMART_ENRICH', urls).fetches).toBe(0);
    });

    it('should work against the Openmart simulator: search, a URL and ids, billed once', () => {
      const s = givenOpenProspect(SPENDING_WITH_GET_BODIES);
      const sim = createOpenmartSim({ seed: 5 });
      sim.addKey(OM_KEY);
      s.addOn.emulator.http.register(OM_BASE, sim);
      s.addOn.rpc('saveApiKey', { provider: 'openmart', key: OM_KEY });
      allowSpending(s);
      const before = sim.credits();
      const table = plain(fx<Grid>(s, 'OPENMART_SEARCH', 'dentist', 'San Jose, CA', 3).value);
      expect(table).toHaveLength(4);
      expect(table.slice(1).every((r) => r[3] === 'San Jose' && typeof r[13] === 'string' && r[13] !== '')).toBe(true);
      const ids = table.slice(1).map((r) => [r[13]]);
      const rows = plain(fx<Grid>(s, 'OPENMART_BUSINESS', ids).value);
      expect(rows.map((r) => r[0])).toEqual(table.slice(1).map((r) => r[0]));
      expect(sim.credits()).toBe(before - 6);
      expect(s.addOn.rpc<Settings>('getSettings').formulas.usedToday).toBe(6);
      expect(fx(s, 'OPENMART_SEARCH', 'dentist', 'San Jose, CA', 3).fetches + fx(s, 'OPENMART_BUSINESS', ids).fetches).toBe(0);
    });

    it('should say where the owner sets the Openmart key when none is saved', () => {
      const s = givenOpenProspect(SPENDING);
      withOpenmart(s, { saveKey: false });
      allowSpending(s);
      expect(() => s.addOn.call('custom-function', 'OPENMART_CREDITS')).toThrow(/No Openmart API key is saved for this spreadsheet's owner/);
      expect(() => s.addOn.call('custom-function', 'OPENMART_SEARCH', 'x', 'y')).toThrow(/No Openmart API key is saved for this spreadsheet's owner/);
      expect(s.addOn.rpc<Settings>('getSettings').formulas.usedToday).toBe(0);
    });
  });

  describe('#saveFormulaSettings()', () => {
    it('should refuse a cap that is not a whole number in range', () => {
      const s = givenOpenProspect();
      expect(() => s.addOn.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: -1 })).toThrow(/whole number of credits from 0 to 100,000/);
      expect(() => s.addOn.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: 2.5 })).toThrow(/whole number/);
      expect(s.addOn.rpc<Settings>('getSettings').formulas.spendCredits).toBe(false);
    });
  });
});
