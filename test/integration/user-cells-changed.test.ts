/**
 * The user's cells (issue 18): the preview names the rows whose values Sheets changed before the
 * add-on read them (an id that lost its leading zeros; a phone typed as +49 ... that became a
 * formula showing #ERROR!), reads a typed phone number back from the formula, and the sheet stays
 * as it was (built bundle).
 */
import { enrichmentOptions, givenOpenProspect } from '../harness/scenarios';
import { snapshot } from '../harness/user-cells';

describe('user cells: values Sheets changed (built bundle)', () => {
  it('should name lost zeros and #ERROR! phones in the preview, send the typed phone, and write nothing', () => {
    const s = givenOpenProspect();
    const ss = s.addOn.emulator.spreadsheet;
    // Row 2 was typed into a plain-text column; rows 3-5 were typed as a person types them.
    ss.givenSheet('Leads', [
      ['Company', 'Website', 'Phone', 'external_id'],
      ['Alpha GmbH', 'https://alpha.example.de', '+49 30 1111111', '0001233'],
    ]);
    const sheet = ss.getSheetByName('Leads')!;
    sheet.getRange(3, 1, 3, 4).setValues([
      ['Beta GmbH', 'https://beta.example.de', '+49 30 1234567', '0001234'],
      ['Gamma GmbH', 'https://gamma.example.de', '', '0001235'],
      ['Delta GmbH', 'https://delta.example.de', '', 'D-9'],
    ]);
    sheet.getRange(5, 3).setFormula('=C2+');
    expect(ss.sheetValues('Leads').map((r) => r[2])).toEqual(['Phone', '+49 30 1111111', '#ERROR!', '', '#ERROR!']);
    expect(ss.sheetValues('Leads').map((r) => r[3])).toEqual(['external_id', '0001233', 1234, 1235, 'D-9']);
    const before = snapshot(s.addOn, 'Leads');

    const preview = s.addOn.rpc<{ mapping: Record<string, number>; hints: string[]; invalid: Array<{ rowNumber: number; reasons: string[] }> }>(
      'previewEnrichment',
      { source: { sheetName: 'Leads' } },
    );
    expect(preview.mapping).toMatchObject({ phone: 2, external_id: 3 });
    expect(preview.hints).toEqual(
      expect.arrayContaining([
        'Rows 3, 4: Sheets stored 0001234 as 1234 (and the like); format the column as plain text and type them again.',
        'Row 3: Sheets shows #ERROR! for a phone typed as +49 30 1234567; the typed number is read back and sent. Format the column as plain text to keep such numbers.',
        'Row 5: the phone cell shows #ERROR!; "Send without the phone" sends this row without the phone, or fix the cell.',
      ]),
    );
    expect(preview.invalid.map((r) => r.rowNumber)).toEqual([5]);

    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: preview.mapping, options: enrichmentOptions('Typed') });
    const companies = s.sim.orders()[0]!.input.companies as unknown as Array<Record<string, unknown>>;
    expect(companies.find((c) => c['external_id'] === '1234')?.['phone']).toBe('+49 30 1234567');
    expect(snapshot(s.addOn, 'Leads')).toEqual(before);
  });
});
