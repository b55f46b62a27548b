/**
 * The user's cells (issue 18): booleans and numbers are sent as the sheet displays them (a cell
 * showing TRUE goes out as "TRUE", a zip code 1067 shown as 01067 goes out as "01067"), and the
 * source cells stay as they were (built bundle).
 */
import { enrichmentOptions, givenOpenProspect } from '../harness/scenarios';
import { snapshot } from '../harness/user-cells';

describe('user cells: values as displayed (built bundle)', () => {
  it('should send a boolean as TRUE and a zero-padded number with its zeros, leaving the cells as they were', () => {
    const s = givenOpenProspect();
    const ss = s.addOn.emulator.spreadsheet;
    ss.givenSheet('Leads', [
      ['Company', 'Website', 'PLZ', 'City', 'Country', 'Industry description', 'external_id'],
      ['Dresdner Druck', 'https://druck.example.de', 1067, 'Dresden', 'Germany', true, 'L-1'],
      ['Bautzen Bau', 'https://bau.example.de', 2625, 'Bautzen', 'Germany', false, 'L-2'],
    ]);
    ss.getSheetByName('Leads')!.getRange('C2:C3').setNumberFormat('00000');
    const before = snapshot(s.addOn, 'Leads');
    const preview = s.addOn.rpc<{ mapping: Record<string, number> }>('previewEnrichment', { source: { sheetName: 'Leads' } });
    expect(preview.mapping).toMatchObject({ postal_code: 2, industry_description: 5, external_id: 6 });
    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: preview.mapping, options: enrichmentOptions('Displayed') });

    const companies = s.sim.orders()[0]!.input.companies as unknown as Array<Record<string, unknown>>;
    expect(companies.map((c) => [c['postal_code'], c['industry_description']])).toEqual([
      ['01067', 'TRUE'],
      ['02625', 'FALSE'],
    ]);
    expect(snapshot(s.addOn, 'Leads')).toEqual(before);
  });
});
