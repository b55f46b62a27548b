/**
 * The user's cells (issue 18): result tab names are reserved by open jobs as well as by existing
 * tabs, and a tab the add-on did not create is never written, even under the name a job holds
 * (built bundle).
 */
import type { JobView } from '../../src/app/job-view';
import {
  COMPANY_HEADER,
  companyRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenProspect,
  gu1Ids,
  gu1Rows,
  GU1_HEADER,
  tabObjects,
} from '../harness/scenarios';
import { snapshot } from '../harness/user-cells';

const HOUR = 60 * 60_000;

function submit(s: ReturnType<typeof givenOpenProspect>, sheet: string, title: string): JobView {
  return s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
    source: { sheetName: sheet },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions(title),
  }).job;
}

function listed(s: ReturnType<typeof givenOpenProspect>): JobView[] {
  return s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

describe('user cells: result tabs (built bundle)', () => {
  it('should give two open jobs with the same title their own tabs, and never write a tab the user made under a reserved name', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads A', COMPANY_HEADER, companyRows(3));
    givenCompanies(s.addOn, 'Leads B', COMPANY_HEADER, companyRows(2, 10));
    const a = submit(s, 'Leads A', 'Q1');
    const b = submit(s, 'Leads B', 'Q1');
    expect(a.tabs['companies']).toBe('Q1 - Companies');
    expect(b.tabs['companies']).toBe('Q1 - Companies (2)');
    expect(new Set([a.tabs['prospects'], b.tabs['prospects']]).size).toBe(2);

    // Before the orders complete, the user makes a tab under the name job A will write, with a formula.
    const mine = s.addOn.emulator.spreadsheet.insertSheet('Q1 - Companies');
    mine.getRange(1, 1, 2, 2).setValues([
      ['external_id', 'note'],
      ['x-1', 'my own'],
    ]);
    mine.getRange(3, 2).setFormula('=TRUE');
    const before = snapshot(s.addOn, 'Q1 - Companies');

    for (const o of s.sim.orders()) s.sim.advance(o.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    s.addOn.runDueTriggers(HOUR);

    expect(snapshot(s.addOn, 'Q1 - Companies')).toEqual(before);
    const [ja, jb] = [listed(s).find((j) => j.id === a.id)!, listed(s).find((j) => j.id === b.id)!];
    expect(ja.state).toBe('DONE');
    expect(jb.state).toBe('DONE');
    // Job A wrote a new tab and now names it; B kept its own.
    expect(ja.tabs['companies']).not.toBe('Q1 - Companies');
    expect(ja.tabs['companies']).not.toBe(jb.tabs['companies']);
    const idsA = s.addOn.emulator.spreadsheet
      .sheetValues('Leads A')
      .slice(1)
      .map((r) => r[4]);
    const idsB = s.addOn.emulator.spreadsheet
      .sheetValues('Leads B')
      .slice(1)
      .map((r) => r[4]);
    expect(
      tabObjects(s.addOn, ja.tabs['companies']!)
        .map((r) => r['external_id'])
        .sort(),
    ).toEqual([...idsA].sort());
    expect(
      tabObjects(s.addOn, jb.tabs['companies']!)
        .map((r) => r['external_id'])
        .sort(),
    ).toEqual([...idsB].sort());
  });
});

describe('user cells: gu1 "into tab" (built bundle)', () => {
  it('should refuse to write into a tab the add-on did not create, even with the right columns', () => {
    const s = givenGu1({ entities: gu1Ids(2) });
    s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(2)]);
    s.addOn.emulator.spreadsheet.givenSheet('My checks', [
      ['external_id', 'integration_code', 'note'],
      ['CUST-0001', 'ar_afip_enrichment', 'called them'],
    ]);
    const before = snapshot(s.addOn, 'My checks');
    expect(() =>
      s.addOn.rpc('submitGu1', {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'KYB', integrationCodes: ['ar_afip_enrichment'], intoTab: 'My checks' },
        confirmed: true,
      }),
    ).toThrow(/"My checks" was not made by Prospect Enrich/);
    expect(snapshot(s.addOn, 'My checks')).toEqual(before);
    expect(s.sim.ledger).toHaveLength(0);
  });
});

describe('user cells: tabs of jobs from before tab marks (built bundle)', () => {
  it('should keep writing the tab an older version made for the job (unmarked, its key header), never a "(2)" copy', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    const job = submit(s, 'Leads', 'Old');
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'COMPLETED', { deliverRemaining: false });
    s.sim.deliver(order.id, 2);
    s.addOn.runDueTriggers(HOUR);
    const tab = listed(s).find((j) => j.id === job.id)!.tabs['companies']!;
    expect(tabObjects(s.addOn, tab)).toHaveLength(2);
    // What an older version left: the job record without tabsMarked, the tab without the mark.
    const props = s.addOn.emulator.properties.document();
    const key = Object.keys(props).find((k) => k.startsWith('job:') && props[k]!.includes(job.id))!;
    const { tabsMarked: _m, ...old } = JSON.parse(props[key]!) as Record<string, unknown>;
    props[key] = JSON.stringify(old);
    const sheet = s.addOn.emulator.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!;
    for (const m of sheet.getDeveloperMetadata()) m.remove();
    expect(sheet.getDeveloperMetadata()).toHaveLength(0);
    const tabsBefore = s.addOn.emulator.gas.SpreadsheetApp.getActiveSpreadsheet().getSheets().length;

    s.sim.deliver(order.id, 1);
    s.addOn.rpc('refreshJobResults', { jobId: job.id });
    s.addOn.runDueTriggers(HOUR);

    const after = listed(s).find((j) => j.id === job.id)!;
    expect(after.tabs['companies']).toBe(tab);
    expect(s.addOn.emulator.gas.SpreadsheetApp.getActiveSpreadsheet().getSheets().length).toBe(tabsBefore);
    expect(after.state).toBe('DONE');
    expect(tabObjects(s.addOn, tab)).toHaveLength(3);
  });
});
