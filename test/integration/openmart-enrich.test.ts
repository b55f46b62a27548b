/** Openmart "enrich from a column" through the built bundle: records by id (GET with a body) and enrich_company. */
import { givenOpenmart, tabObjects } from '../harness/scenarios';
import { bodiesTo, jobById, type SubmitResult } from './openmart-helpers';
import type { EnrichPreview } from '../../src/app/contract';
import type { HttpHandler } from '../../emulator/apis/types';

/** The records routes are GETs with a JSON body, which the emulator drops by default (unverified; NOTES.md): delivered here. */
const DELIVERED = { emulator: { dropGetBody: false } };

/** A server that reads a missing body as an empty list: a size 422 instead of a bind 422 (EOF). */
function sizeWorded(inner: HttpHandler): HttpHandler {
  return {
    handle(req) {
      const out = inner.handle(req);
      if (!('status' in out) || out.status !== 422 || !req.path.includes('business_records')) return out;
      return { ...out, body: JSON.stringify({ error: 'the number of ids should be between 1 and 100' }) };
    },
  };
}

describe('Openmart enrich from a column (built bundle)', () => {
  it("should fetch 150 rows by Google Place id in two calls, keyed by the rows' external_id", () => {
    const s = givenOpenmart(DELIVERED);
    const stores = s.sim.businesses().slice(0, 150);
    const rows = stores.map((b, i) => [`REF-${String(i).padStart(4, '0')}`, b.placeId, i % 10 === 0 ? '' : 'note']);
    // One id the index does not know: silently omitted by Openmart, NOT_FOUND in the tab.
    rows[7]![1] = 'ChIJunknownPlace00000000';
    s.addOn.emulator.spreadsheet.givenSheet('Places', [['Ref', 'Place ID', 'Notes'], ...rows]);
    const preview = s.addOn.rpc<EnrichPreview>('previewOpenmartEnrich', { source: { sheetName: 'Places' }, options: { title: 'By place' } });
    expect(preview.mapping).toEqual({ external_id: 0, google_place_id: 1 });
    expect(preview).toMatchObject({ lanes: { openmart_id: 0, google_place_id: 150, website: 0 }, calls: 2, estimate: { credits: 150 } });
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartEnrich', { source: { sheetName: 'Places' }, mapping: preview.mapping, options: { title: 'By place' } });
    expect(r.job.state).toBe('DONE');
    const gets = s.addOn.emulator.http.log.filter((e) => e.url.includes('/business_records/list/google_place_id'));
    expect(gets.map((g) => g.method)).toEqual(['GET', 'GET']);
    expect(gets.map((g) => (JSON.parse(g.body ?? '[]') as string[]).length)).toEqual([100, 50]);
    expect(s.addOn.emulator.http.getPayloadWarnings).toHaveLength(2);
    const out = tabObjects(s.addOn, 'By place - Businesses');
    expect(out).toHaveLength(150);
    expect(out.find((x) => x['external_id'] === 'REF-0007')).toMatchObject({ match: 0, status: 'NOT_FOUND' });
    const hit = out.find((x) => x['external_id'] === 'REF-0003')!;
    expect(hit).toMatchObject({
      match: 1,
      status: 'FOUND',
      openmart_id: stores[3]!.id,
      business_name: stores[3]!.content['business_name'],
      'from_sources.GOOGLE_MAP.id': stores[3]!.placeId,
    });
    // 149 found rows billed.
    expect(s.sim.credits()).toBe(1_000_000 - 149);
  });

  it('should say clearly when the platform drops the body of the records GET', () => {
    const s = givenOpenmart({ emulator: { dropGetBody: true } });
    const stores = s.sim.businesses().slice(0, 3);
    s.addOn.emulator.spreadsheet.givenSheet('Ids', [['Openmart ID'], ...stores.map((b) => [b.id])]);
    // Refused before anything came back: the sidebar keeps the form and shows why; no job or tab is left.
    expect(() => s.addOn.rpc('submitOpenmartEnrich', { source: { sheetName: 'Ids' }, options: { title: 'Dropped' } })).toThrow(
      /dropped the JSON body of this GET request/,
    );
    expect(s.sim.counts.getWithoutBody).toBe(1);
    expect(s.addOn.rpc<{ jobs: unknown[] }>('listJobs').jobs).toEqual([]);
    expect(s.addOn.emulator.spreadsheet.sheetNames()).not.toContain('Dropped - Businesses');
  });

  it('should say the body was dropped when the 422 speaks of the number of ids, not of the body', () => {
    const s = givenOpenmart({ wrap: sizeWorded });
    const stores = s.sim.businesses().slice(0, 3);
    s.addOn.emulator.spreadsheet.givenSheet('Ids', [['Openmart ID'], ...stores.map((b) => [b.id])]);
    expect(() => s.addOn.rpc('submitOpenmartEnrich', { source: { sheetName: 'Ids' }, options: { title: 'Dropped' } })).toThrow(
      /dropped the JSON body of this GET request/,
    );
    expect(s.addOn.rpc<{ jobs: unknown[] }>('listJobs').jobs).toEqual([]);
  });

  it('should enrich rows by website with enrich_company, and by Openmart id, in one job', () => {
    const s = givenOpenmart(DELIVERED);
    const withSite = s.sim
      .businesses()
      .filter((b) => b.content['root_domain'])
      .slice(0, 4);
    const byId = s.sim.businesses().slice(500, 502);
    s.addOn.emulator.spreadsheet.givenSheet('Mixed', [
      ['Company', 'Website', 'Openmart ID'],
      ...withSite.map((b) => [String(b.content['business_name']), `https://www.${b.content['root_domain']}/contact`, '']),
      ...byId.map((b) => ['By id', '', b.id]),
      ['Nowhere', 'https://no-such-store.example.org', ''],
    ]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartEnrich', { source: { sheetName: 'Mixed' }, options: { title: 'Mixed' } });
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const enrichBodies = bodiesTo(s.addOn, 'POST', '/api/v1/enrich_company') as Array<Record<string, unknown>>;
    expect(enrichBodies).toHaveLength(5);
    expect(enrichBodies[0]).toEqual({ limit: 1, website: `https://www.${withSite[0]!.content['root_domain']}/contact` });
    const out = tabObjects(s.addOn, 'Mixed - Businesses');
    const sheetIds = s.addOn.emulator.spreadsheet
      .sheetValues('Mixed')
      .slice(1)
      .map((row) => String(row[3]));
    expect(new Set(out.map((x) => x['external_id']))).toEqual(new Set(sheetIds));
    expect(
      out
        .filter((x) => x['status'] === 'FOUND')
        .map((x) => x['openmart_id'])
        .sort(),
    ).toEqual([...withSite, ...byId].map((b) => b.id).sort());
    expect(out.find((x) => x['external_id'] === sheetIds[6])).toMatchObject({ status: 'NOT_FOUND' });
  });
});
