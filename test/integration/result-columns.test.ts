/**
 * "Add result columns to my sheet" through the built bundle: fields of a finished job's result tab
 * become columns right of the user's table, as =ENRICHED header-row formulas (evaluated here as
 * Sheets would, by the playground's Workbook: each formula one custom-function execution) or as
 * values; the user's cells are unchanged except the new columns; occupied columns are skipped with
 * a sentence; a sort of the rows keeps each value with its row.
 */
import { Workbook } from '../../emulator/playground/workbook';
import { changedCells, snapshot } from '../harness/user-cells';
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, tabObjects, type OpScenario } from '../harness/scenarios';

const HOUR = 60 * 60_000;
const TITLE = 'Q1 Hotels';
const TAB = `${TITLE} - Companies`;

interface Options {
  tabs: Array<{ tab: string; job: string }>;
  tab: string | null;
  fields: string[];
  sheets: string[];
  sheet: string | null;
}

/** A finished enrichment of `n` rows of "Leads" (ids written back into column E). */
function finishedEnrichment(n: number): OpScenario {
  const s = givenOpenProspect();
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(n));
  s.addOn.rpc('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions(TITLE),
  });
  const order = s.sim.orders()[0]!;
  s.sim.advance(order.id, 'COMPLETED');
  s.addOn.runDueTriggers(HOUR);
  return s;
}

/** What the result tab says for one id. */
function resultOf(s: OpScenario, id: string): Record<string, unknown> {
  const row = tabObjects(s.addOn, TAB).find((r) => r['external_id'] === id);
  if (!row) throw new Error(`no result row for ${id}`);
  return row;
}

/** The sheet as the user sees it after Sheets recalculated (formulas evaluated, arrays spilled). */
function shown(s: OpScenario, sheet: string): string[][] {
  const wb = new Workbook(s.addOn, new Set(['ENRICHED']), () => undefined);
  wb.recalc(1, true);
  return wb.view(sheet).rows.map((r) => r.map((c) => c.v));
}

describe('result columns beside the rows (built bundle)', () => {
  it('should offer the job tabs, their fields and the source sheet', () => {
    const s = finishedEnrichment(4);
    const o = s.addOn.rpc<Options>('getResultColumnsOptions');
    expect(o.tabs.map((t) => t.tab)).toEqual(expect.arrayContaining([TAB, `${TITLE} - Prospects`]));
    expect(o.tab).toBe(TAB);
    expect(o.fields).toEqual(expect.arrayContaining(['name', 'city']));
    expect(o.fields).not.toContain('external_id');
    // Result tabs are not offered as targets; the sheet with the rows is the default.
    expect(o.sheets).not.toContain(TAB);
    expect(o.sheet).toBe('Leads');
  });

  it('should add two fields as header-row formulas whose values follow their rows after a sort', () => {
    const s = finishedEnrichment(5);
    const before = snapshot(s.addOn, 'Leads');
    const r = s.addOn.rpc<{ message: string; a1: string }>('addResultColumns', { tab: TAB, fields: ['name', 'city'], sheet: 'Leads', mode: 'formulas' });
    expect(r.a1).toBe("'Leads'!F1:G1");
    expect(r.message).toMatch(/Added name, city from "Q1 Hotels - Companies" to "Leads" as columns F:G \(5 row\(s\)\)/);
    // Only the two header cells were written, each one formula.
    expect(changedCells(before, snapshot(s.addOn, 'Leads'))).toEqual(['F1', 'G1']);
    expect(s.addOn.emulator.spreadsheet.sheetFormulas('Leads')[0]?.slice(5, 7)).toEqual([
      `=ENRICHED(E2:E, "name", "${TAB}", TRUE)`,
      `=ENRICHED(E2:E, "city", "${TAB}", TRUE)`,
    ]);

    const check = (): void => {
      const grid = shown(s, 'Leads');
      expect(grid[0]?.slice(5, 7)).toEqual(['name', 'city']);
      for (const row of grid.slice(1, 6)) {
        const want = resultOf(s, row[4] ?? '');
        expect([row[5], row[6]]).toEqual([String(want['name']), String(want['city'])]);
      }
    };
    check();
    // The user sorts the rows by city, descending: every value stays with its row.
    const sheet = s.addOn.emulator.spreadsheet.getSheetByName('Leads')!;
    const ids = () =>
      s.addOn.emulator.spreadsheet
        .sheetValues('Leads')
        .slice(1)
        .map((x) => String(x[4]));
    const order = ids();
    sheet.getRange('A2:G6').sort({ column: 3, ascending: false });
    expect(ids()).not.toEqual(order);
    check();
    // A row added below the table (here: the last one moved two rows down) gets its values too.
    const last = sheet.getRange('A6:E6').getValues();
    sheet.getRange('A6:E6').clearContent();
    sheet.getRange('A8:E8').setValues(last);
    const grid = shown(s, 'Leads');
    const moved = resultOf(s, String(last[0]?.[4]));
    expect(grid[7]?.slice(5, 7)).toEqual([String(moved['name']), String(moved['city'])]);
    expect(grid[5]?.slice(5, 7)).toEqual(['', '']);
  });

  it('should not add a formula column twice: only the new fields go in', () => {
    const s = finishedEnrichment(3);
    s.addOn.rpc('addResultColumns', { tab: TAB, fields: ['name', 'city'], sheet: 'Leads', mode: 'formulas' });
    const before = snapshot(s.addOn, 'Leads');
    const r = s.addOn.rpc<{ message: string; a1: string }>('addResultColumns', { tab: TAB, fields: ['name', 'website_url'], sheet: 'Leads', mode: 'formulas' });
    expect(r.a1).toBe("'Leads'!H1");
    expect(r.message).toMatch(/Added website_url .* as column H .* Already there, not added again: name \(column F\)\.$/);
    expect(changedCells(before, snapshot(s.addOn, 'Leads'))).toEqual(['H1']);
    expect(() => s.addOn.rpc('addResultColumns', { tab: TAB, fields: ['city'], sheet: 'Leads', mode: 'formulas' })).toThrow(
      /Already in "Leads": city \(column G\)\./,
    );
  });

  it('should write values under a header when asked', () => {
    const s = finishedEnrichment(3);
    const before = snapshot(s.addOn, 'Leads');
    const r = s.addOn.rpc<{ message: string; a1: string }>('addResultColumns', { tab: TAB, fields: ['website_url'], sheet: 'Leads', mode: 'values' });
    expect(r.a1).toBe("'Leads'!F1:F4");
    expect(r.message).toMatch(/values copied now/);
    expect(changedCells(before, snapshot(s.addOn, 'Leads'))).toEqual(['F1', 'F2', 'F3', 'F4']);
    const values = s.addOn.emulator.spreadsheet.sheetValues('Leads');
    expect(values[0]?.[5]).toBe('website_url');
    for (const row of values.slice(1)) expect(row[5]).toBe(resultOf(s, String(row[4]))['website_url']);
    expect(s.addOn.emulator.spreadsheet.sheetFormulas('Leads').every((row) => (row[5] ?? '') === '')).toBe(true);
  });

  it("should never write over the user's cells: occupied columns are skipped with a sentence", () => {
    const s = finishedEnrichment(4);
    const sheet = s.addOn.emulator.spreadsheet.getSheetByName('Leads')!;
    // A value of the user's in G3, and a formula showing "" in H5, right of the table (A:E).
    sheet.getRange('G3').setValue('call back');
    sheet.getRange('H5').setFormula('=""');
    const before = snapshot(s.addOn, 'Leads');
    const r = s.addOn.rpc<{ message: string; a1: string }>('addResultColumns', { tab: TAB, fields: ['name', 'city'], sheet: 'Leads', mode: 'values' });
    // F is free but F:G is not, nor G:H, nor H:I: the two columns go to I:J.
    expect(r.a1).toBe("'Leads'!I1:J5");
    expect(r.message).toMatch(/columns I:J .*hold cells of yours, so the results start at I/);
    expect(changedCells(before, snapshot(s.addOn, 'Leads')).every((a) => /^[IJ]\d$/.test(a))).toBe(true);
    expect(sheet.getRange('G3').getValue()).toBe('call back');
    expect(sheet.getRange('H5').getFormula()).toBe('=""');
  });

  it('should wait for another run holding the document lock, and say so when it must give up', () => {
    const s = finishedEnrichment(2);
    const before = snapshot(s.addOn, 'Leads');
    s.addOn.emulator.locks.holdLock('document', s.addOn.emulator.clock.now() + 60_000);
    expect(() => s.addOn.rpc('addResultColumns', { tab: TAB, fields: ['name'], sheet: 'Leads', mode: 'formulas' })).toThrow(
      /Another run is writing to this spreadsheet right now; try again in a minute\./,
    );
    expect(snapshot(s.addOn, 'Leads')).toEqual(before);
  });

  it('should read only the key and the asked columns of a wide result tab (bounded work per call)', () => {
    const s = givenOpenProspect({ emulator: { latency: { cpuFactor: 0 } } });
    // 10,000 rows x 40 columns: reading it whole costs 400,000 cells (about 4 s at 10 µs a cell).
    const header = ['external_id', ...Array.from({ length: 39 }, (_, c) => `c${c + 1}`)];
    const rows = Array.from({ length: 10_000 }, (_, r) => [`id-${r}`, ...Array.from({ length: 39 }, (_, c) => `v${r}-${c + 1}`)]);
    s.addOn.emulator.spreadsheet.givenSheet('Wide', [header, ...rows]);
    const ids = [['id-9999'], ['id-5'], ['nope'], ['']];
    const started = s.addOn.emulator.clock.now();
    const out = s.addOn.call<unknown[][]>('custom-function', 'ENRICHED', ids, 'c7', 'Wide', true);
    const ms = s.addOn.emulator.clock.now() - started;
    expect(JSON.parse(JSON.stringify(out))).toEqual([['c7'], ['v9999-7'], ['v5-7'], [''], ['']]);
    // The header, the key column and c7: about 20,000 cells, well under the whole tab's 4 s.
    expect(ms).toBeLessThan(1_500);
  });

  it('should grow the grid past its last column instead of failing', () => {
    const s = finishedEnrichment(2);
    const sheet = s.addOn.emulator.spreadsheet.getSheetByName('Leads')!;
    sheet.deleteColumns(7, sheet.getMaxColumns() - 6);
    expect(sheet.getMaxColumns()).toBe(6);
    const r = s.addOn.rpc<{ a1: string }>('addResultColumns', { tab: TAB, fields: ['name', 'city'], sheet: 'Leads', mode: 'formulas' });
    expect(r.a1).toBe("'Leads'!F1:G1");
    expect(sheet.getMaxColumns()).toBe(7);
  });

  it('should refuse a result tab as the target, a sheet without external_id, and unknown fields, changing nothing', () => {
    const s = finishedEnrichment(2);
    s.addOn.emulator.spreadsheet.givenSheet('Other', [
      ['Company', 'Note'],
      ['X', 'y'],
    ]);
    const before = [snapshot(s.addOn, 'Leads'), snapshot(s.addOn, 'Other'), snapshot(s.addOn, TAB)];
    expect(() => s.addOn.rpc('addResultColumns', { tab: TAB, fields: ['name'], sheet: TAB, mode: 'values' })).toThrow(
      /is a result tab of the add-on\. Add the columns to your own sheet/,
    );
    expect(() => s.addOn.rpc('addResultColumns', { tab: TAB, fields: ['name'], sheet: 'Other', mode: 'formulas' })).toThrow(
      /"Other" has no external_id column\. The results are keyed by external_id/,
    );
    expect(() => s.addOn.rpc('addResultColumns', { tab: TAB, fields: ['revenue'], sheet: 'Leads', mode: 'formulas' })).toThrow(
      /has no column "revenue"\. Pick the fields from the list/,
    );
    expect(() => s.addOn.rpc('addResultColumns', { tab: 'Other', fields: ['Note'], sheet: 'Leads', mode: 'formulas' })).toThrow(
      /"Other" is not a result tab of a job/,
    );
    expect([snapshot(s.addOn, 'Leads'), snapshot(s.addOn, 'Other'), snapshot(s.addOn, TAB)]).toEqual(before);
  });
});
