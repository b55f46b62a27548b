/**
 * The user's cells (issue 18): upserts write only rows whose values changed. gu1 "Retry failed
 * rows" rewrites the failed rows and nothing between them: a user's formula in an unchanged row
 * stays a formula (built bundle).
 */
import { givenGu1, gu1Ids, gu1Rows, GU1_HEADER } from '../harness/scenarios';
import { changedCells, rowsOf, snapshot } from '../harness/user-cells';

const AFIP = 'ar_afip_enrichment';
const CNPJ = 'br_cpfcnpj_complete_company_enrichment';

describe('user cells: upserts (built bundle)', () => {
  it('should leave a formula in an unchanged row between failed ones as it was on "Retry failed rows"', () => {
    const ids = gu1Ids(10);
    const unknown = [ids[2]!, ids[5]!, ids[8]!];
    const s = givenGu1({ entities: ids.filter((id) => !unknown.includes(id)) });
    s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(10)]);
    const r = s.addOn.rpc<{ job: { id: string; tabs: Record<string, string> } }>('submitGu1', {
      source: { sheetName: 'Clients' },
      mapping: { external_id: 0 },
      options: { title: 'KYB', integrationCodes: [AFIP, CNPJ] },
      confirmed: true,
    });
    const tab = r.job.tabs['results']!;
    const values = s.addOn.emulator.spreadsheet.sheetValues(tab);
    const header = (values[0] ?? []).map(String);
    const idCol = header.indexOf('external_id');
    const rowOf = (id: string): number[] => values.flatMap((row, i) => (row[idCol] === id ? [i + 1] : []));
    const failedRows = unknown.flatMap(rowOf);
    // The user types formulas into two rows that lie between failed ones, in a column the add-on owns.
    const between = rowOf(ids[4]!)[0]!;
    const between2 = rowOf(ids[6]!)[0]!;
    const sheet = s.addOn.emulator.spreadsheet.getSheetByName(tab)!;
    const nameCol = header.indexOf('integration_name') + 1;
    // Typing a formula into a plain-text cell keeps it text: the user changes the format first.
    for (const [row, formula] of [
      [between, '="AFIP, checked by Ana"'],
      [between2, '=TRUE'],
    ] as const) {
      sheet.getRange(row, nameCol).setNumberFormat('General');
      sheet.getRange(row, nameCol).setFormula(formula);
    }
    const before = snapshot(s.addOn, tab);

    s.sim.addEntities(unknown);
    s.addOn.rpc('retryGu1FailedRows', { jobId: r.job.id });

    const changed = changedCells(before, snapshot(s.addOn, tab));
    expect(changed.length).toBeGreaterThan(0);
    expect(rowsOf(changed).every((row) => failedRows.includes(row))).toBe(true);
    expect(s.addOn.emulator.spreadsheet.sheetFormulas(tab)[between - 1]?.[nameCol - 1]).toBe('="AFIP, checked by Ana"');
    expect(s.addOn.emulator.spreadsheet.sheetFormulas(tab)[between2 - 1]?.[nameCol - 1]).toBe('=TRUE');
    // Only the failed ids went out again.
    expect(
      s.sim.ledger
        .slice(-6)
        .map((l) => l.externalId)
        .sort(),
    ).toEqual([...unknown, ...unknown].sort());
  });
});
