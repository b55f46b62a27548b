/**
 * "Rows from" through the built bundle: result tabs are known by their mark, the forms never
 * start at one, and each form remembers the user's last sheet (per user, in this document).
 */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect } from '../harness/scenarios';
import type { SheetsInfo } from '../../src/app/sheets';

const HOUR = 60 * 60_000;

describe('"Rows from" defaults (built bundle)', () => {
  it('should mark result tabs and never default to them after a sync made one active', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Q1'),
    });
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    // The user (or Sheets) is looking at a result tab now, and has a tab of their own named like one.
    s.addOn.emulator.spreadsheet.getSheetByName('Q1 - Prospects')!.activate();
    s.addOn.emulator.spreadsheet.givenSheet('My - Companies', [['Company'], ['Own Co']]);
    const info = s.addOn.rpc<SheetsInfo>('getSheetsInfo');
    const ours = Object.fromEntries(info.sheets.map((x) => [x.name, x.ours]));
    expect(ours).toMatchObject({ Leads: false, 'Q1 - Companies': true, 'Q1 - Prospects': true, 'My - Companies': false });
    expect(info.active).toBe('Q1 - Prospects');
    expect(Object.values(info.defaults).every((name) => !ours[name])).toBe(true);
    expect(info.defaults.enrich).toBe(info.sheets.find((x) => !x.ours)!.name);
    // Asking changes nothing in the sheet or the document properties.
    const props = JSON.stringify(s.addOn.emulator.properties.document());
    s.addOn.rpc('getSheetsInfo');
    expect(JSON.stringify(s.addOn.emulator.properties.document())).toBe(props);
  });

  it('should remember the last sheet per form and per user, until that sheet is gone', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    givenCompanies(s.addOn, 'Partners', COMPANY_HEADER, companyRows(2));
    s.addOn.emulator.spreadsheet.getSheetByName('Leads')!.activate();
    s.addOn.rpc('rememberRowsFrom', { form: 'gu1', sheetName: 'Partners' });
    let info = s.addOn.rpc<SheetsInfo>('getSheetsInfo');
    expect(info.defaults).toMatchObject({ gu1: 'Partners', enrich: 'Leads', 'openmart-batch': 'Leads' });
    // A co-editor has their own memory.
    expect(s.addOn.as('colleague@example.com').rpc<SheetsInfo>('getSheetsInfo').defaults.gu1).toBe('Leads');
    // The same choice again writes nothing.
    const writes = s.addOn.emulator.properties.document();
    s.addOn.rpc('rememberRowsFrom', { form: 'gu1', sheetName: 'Partners' });
    expect(s.addOn.emulator.properties.document()).toEqual(writes);
    s.addOn.emulator.spreadsheet.deleteSheet(s.addOn.emulator.spreadsheet.getSheetByName('Partners')!);
    info = s.addOn.rpc<SheetsInfo>('getSheetsInfo');
    expect(info.defaults.gu1).toBe('Leads');
  });

  it('should refuse an unknown form or an empty sheet name with a sentence', () => {
    const s = givenOpenProspect();
    expect(() => s.addOn.rpc('rememberRowsFrom', { form: 'nope', sheetName: 'Leads' })).toThrow(/Could not read the sheet to remember \(form\)/);
    expect(() => s.addOn.rpc('rememberRowsFrom', { form: 'enrich', sheetName: '' })).toThrow(/Could not read the sheet to remember \(sheetName\)/);
  });
});
