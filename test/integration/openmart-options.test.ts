/**
 * The Openmart options the sidebar now offers, through the built bundle: enrich_company's `limit`
 * and `location`, find_people's `info_access` and pipeline `version`.
 */
import { DOMAIN_HEADER, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { bodiesTo, HOUR, jobById, type SubmitResult } from './openmart-helpers';

describe('Openmart options (built bundle)', () => {
  it('should send enrich_company limit and location (blanks dropped) and keep only matches in that area', () => {
    const s = givenOpenmart();
    const ca = s.sim
      .businesses()
      .filter((b) => b.content['root_domain'] && b.content['state'] === 'California')
      .slice(0, 3);
    expect(ca.length).toBe(3);
    s.addOn.emulator.spreadsheet.givenSheet('Sites', [
      ['Company', 'Website'],
      ...ca.map((b) => [String(b.content['business_name']), `https://${b.content['root_domain']}/`]),
    ]);
    const options = { title: 'CA sites', limit: '3', location: { country: 'US', state: 'CA', city: '' } };
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartEnrich', { source: { sheetName: 'Sites' }, options });
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const bodies = bodiesTo(s.addOn, 'POST', '/api/v1/enrich_company') as Array<Record<string, unknown>>;
    expect(bodies).toHaveLength(3);
    for (const b of bodies) expect(b).toMatchObject({ limit: 3, location: { country: 'US', state: 'CA' } });
    expect(JSON.stringify(bodies)).not.toContain('"city"');
    const found = tabObjects(s.addOn, 'CA sites - Businesses').filter((x) => x['status'] === 'FOUND');
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.every((x) => x['state'] === 'California')).toBe(true);
  });

  it('should refuse an enrich limit above 50 and a bad location with a sentence, sending nothing', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Sites', [['Website'], ['https://example.com']]);
    expect(() => s.addOn.rpc('submitOpenmartEnrich', { source: { sheetName: 'Sites' }, options: { title: 'x', limit: 51 } })).toThrow(
      /Matches per website must be 1 to 50/,
    );
    expect(() => s.addOn.rpc('submitOpenmartEnrich', { source: { sheetName: 'Sites' }, options: { title: 'x', location: { lat: '200', long: '1' } } })).toThrow(
      /latitude must be a number from -90 to 90/,
    );
    expect(bodiesTo(s.addOn, 'POST', '/api/v1/enrich_company')).toHaveLength(0);
  });

  it('should send find_people info_access EMAIL and version 1, and the people come back without phones', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(12)]);
    const options = { title: 'Owners', role: 'Owner', max_k: '3', info_access: 'EMAIL', version: '1' };
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options });
    const sent = bodiesTo(s.addOn, 'POST', '/api/v1/task/batch/find_people') as Array<Array<Record<string, unknown>>>;
    expect(sent).toHaveLength(1);
    for (const t of sent[0]!) expect(t).toMatchObject({ title: 'Owner', max_k: 3, info_access: ['EMAIL'], version: 1 });
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const people = tabObjects(s.addOn, 'Owners - People').filter((x) => x['index'] !== 0);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((x) => x['phones'] === '' || x['phones'] === null)).toBe(true);
    expect(people.some((x) => String(x['email']).includes('@'))).toBe(true);
  });

  it('should write the company name of the source row beside the external_id of every People row', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(30)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Named', role: 'Owner' },
    });
    s.sim.completeTasks({ error: (t) => (t.seq % 7 === 3 ? 'domain could not be resolved' : null) });
    s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const sheet = s.addOn.emulator.spreadsheet.sheetValues('Leads');
    const companyOf = new Map(sheet.slice(1).map((row) => [String(row[3]), String(row[0])]));
    const header = s.addOn.emulator.spreadsheet.sheetValues('Named - People')[0];
    expect(header?.slice(0, 3)).toEqual(['external_id', 'index', 'company']);
    const rows = tabObjects(s.addOn, 'Named - People');
    expect(rows.length).toBeGreaterThan(30);
    // Result rows and ERRORED status lines alike.
    expect(rows.some((x) => x['status'] === 'ERRORED')).toBe(true);
    for (const x of rows) expect(x['company']).toBe(companyOf.get(String(x['external_id'])));
  });
});
