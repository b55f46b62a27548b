import { createEmulator } from '../../../emulator/index';
import { isSheetError } from '../../../src/sheet/errors';
import { columnRuns, openResultTab, planRowBlocks, RESULT_TAB_MARK, uniqueTabName, type ResultTabSpec } from '../../../src/sheet/result-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A fresh emulated spreadsheet and its call counters. */
function given(): { ss: Spreadsheet; calls: (name: string) => number; reset: () => void } {
  const emu = createEmulator();
  const ss: Spreadsheet = emu.spreadsheet;
  return { ss, calls: (name) => emu.counters.get(name), reset: () => emu.counters.reset() };
}

function tab(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (sheet === null) throw new Error(`no tab ${name}`);
  return sheet;
}

function readAll(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/** Open the tab and upsert one page, as a job does for each page it writes. */
function upsertRows(ss: Spreadsheet, spec: ResultTabSpec & { rows: ReadonlyArray<Record<string, unknown>> }) {
  const tab = openResultTab(ss, spec);
  return { sheet: tab.sheet, ...tab.upsert(spec.rows) };
}

const SPEC = { tabName: 'Q1 Hotels - Companies', keyColumns: ['external_id'], columns: ['external_id', 'name', 'employees'] };

function companies(n: number, from = 0): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => ({ external_id: `c-${from + i}`, name: `Company ${from + i}`, employees: from + i }));
}

describe('sheet/result-tab', () => {
  describe('#planRowBlocks()', () => {
    it('should merge rows whose gaps are cheap to rewrite', () => {
      expect(planRowBlocks([5, 2, 3, 9], 10, 100)).toEqual([{ from: 2, to: 9 }]);
    });

    it('should split where a gap costs more than the budget', () => {
      expect(planRowBlocks([2, 3, 500, 501], 10, 100)).toEqual([
        { from: 2, to: 3 },
        { from: 500, to: 501 },
      ]);
    });

    it('should give one block for 10% of 10,000 rows scattered', () => {
      const rows = Array.from({ length: 1000 }, (_, i) => 2 + i * 10);
      expect(planRowBlocks(rows, 30)).toHaveLength(1);
    });

    it('should give nothing for no rows', () => {
      expect(planRowBlocks([], 5)).toEqual([]);
    });
  });

  describe('#columnRuns()', () => {
    it('should group contiguous positions', () => {
      expect(columnRuns([0, 1, 2, 4, 5, 8])).toEqual([
        [0, 3],
        [4, 2],
        [8, 1],
      ]);
    });
  });

  describe('#openResultTab().upsert()', () => {
    it('should create the tab with a bold frozen header and the rows in one setValues', () => {
      const { ss, calls } = given();
      const out = upsertRows(ss, { ...SPEC, rows: companies(3), note: 'Job Q1 Hotels: 3 companies' });
      expect(out).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, skipped: 0, columnsAdded: ['external_id', 'name', 'employees'] });
      const sheet = tab(ss, SPEC.tabName);
      expect(readAll(sheet)).toEqual([
        ['external_id', 'name', 'employees'],
        ['c-0', 'Company 0', 0],
        ['c-1', 'Company 1', 1],
        ['c-2', 'Company 2', 2],
      ]);
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getRange(1, 3).getFontWeight()).toBe('bold');
      expect(sheet.getRange(1, 1).getNote()).toBe('Job Q1 Hotels: 3 companies');
      expect(sheet.getRange(4, 2).getNumberFormat()).toBe('@');
      expect(calls('Range.setValues')).toBe(1);
    });

    it('should change nothing and write nothing when the same rows come again', () => {
      const { ss, calls, reset } = given();
      upsertRows(ss, { ...SPEC, rows: companies(50) });
      const before = readAll(tab(ss, SPEC.tabName));
      reset();
      const out = upsertRows(ss, { ...SPEC, rows: companies(50) });
      expect(out).toMatchObject({ inserted: 0, updated: 0, unchanged: 50, columnsAdded: [] });
      expect(calls('Range.setValues')).toBe(0);
      expect(calls('Range.setNumberFormat')).toBe(0);
      expect(calls('Range.getValues')).toBe(1);
      expect(readAll(tab(ss, SPEC.tabName))).toEqual(before);
    });

    it('should update 10% of the rows in place with one setValues', () => {
      const { ss, calls, reset } = given();
      upsertRows(ss, { ...SPEC, rows: companies(1000) });
      reset();
      const changed = companies(1000)
        .filter((_, i) => i % 10 === 3)
        .map((r) => ({ ...r, employees: 99_999 }));
      const out = upsertRows(ss, { ...SPEC, rows: changed });
      expect(out).toMatchObject({ inserted: 0, updated: 100, unchanged: 0 });
      expect(calls('Range.setValues')).toBe(1);
      const values = readAll(tab(ss, SPEC.tabName));
      expect(values).toHaveLength(1001);
      expect(values[4]).toEqual(['c-3', 'Company 3', 99_999]);
      expect(values[5]).toEqual(['c-4', 'Company 4', 4]);
    });

    it('should append new rows after the existing ones and update the rest', () => {
      const { ss } = given();
      upsertRows(ss, { ...SPEC, rows: companies(3) });
      const out = upsertRows(ss, { ...SPEC, rows: [{ external_id: 'c-1', name: 'Renamed', employees: 1 }, ...companies(2, 3)] });
      expect(out).toMatchObject({ inserted: 2, updated: 1, unchanged: 0 });
      expect(readAll(tab(ss, SPEC.tabName)).map((r) => r[1])).toEqual(['name', 'Company 0', 'Renamed', 'Company 2', 'Company 3', 'Company 4']);
    });

    it('should append a column that a later page brings at the right end', () => {
      const { ss } = given();
      upsertRows(ss, { ...SPEC, rows: companies(2) });
      const out = upsertRows(ss, { ...SPEC, rows: [{ external_id: 'c-1', 'address.city': 'Dresden' }] });
      expect(out.columnsAdded).toEqual(['address.city']);
      expect(out.updated).toBe(1);
      const sheet = tab(ss, SPEC.tabName);
      expect(readAll(sheet)).toEqual([
        ['external_id', 'name', 'employees', 'address.city'],
        ['c-0', 'Company 0', 0, ''],
        ['c-1', 'Company 1', 1, 'Dresden'],
      ]);
      expect(sheet.getRange(1, 4).getFontWeight()).toBe('bold');
    });

    it('should leave a column the user added alone, formulas included', () => {
      const { ss } = given();
      upsertRows(ss, { ...SPEC, rows: companies(3) });
      const sheet = tab(ss, SPEC.tabName);
      sheet.getRange(1, 4, 3, 1).setValues([['My notes'], ['call back'], ['=1+1']]);
      const out = upsertRows(ss, {
        ...SPEC,
        rows: [{ external_id: 'c-0', name: 'New 0', website: 'acme.de' }, { external_id: 'c-1', name: 'New 1' }, ...companies(1, 3)],
      });
      expect(out.columnsAdded).toEqual(['website']);
      const values = readAll(sheet);
      expect(values.map((r) => r[0])).toEqual(['external_id', 'c-0', 'c-1', 'c-2', 'c-3']);
      expect(values.map((r) => r[1])).toEqual(['name', 'New 0', 'New 1', 'Company 2', 'Company 3']);
      expect(values.map((r) => r[4])).toEqual(['website', 'acme.de', '', '', '']);
      expect(values[0]?.[3]).toBe('My notes');
      expect(values[1]?.[3]).toBe('call back');
      expect(values[4]?.[3]).toBe('');
      expect(sheet.getRange(3, 4).getFormulas()).toEqual([['=1+1']]);
      expect(sheet.getRange(2, 4).getNumberFormat()).not.toBe('@');
    });

    it('should keep hostile strings literal and never make formulas', () => {
      const { ss } = given();
      const hostile = ['=HYPERLINK("x")', '+49 30 1234', '01067', '-CEO', '- Head of Sales', '2026-09', 'TRUE', "'quoted", '12,5%'];
      upsertRows(ss, { tabName: 'T', keyColumns: ['external_id'], columns: ['external_id', 'v'], rows: hostile.map((v, i) => ({ external_id: `0${i}`, v })) });
      const sheet = tab(ss, 'T');
      const range = sheet.getRange(2, 1, hostile.length, 2);
      expect(range.getValues()).toEqual(hostile.map((v, i) => [`0${i}`, v]));
      expect(
        range
          .getFormulas()
          .flat()
          .every((f) => f === ''),
      ).toBe(true);
    });

    it('should keep numbers and booleans as numbers and booleans', () => {
      const { ss } = given();
      upsertRows(ss, { tabName: 'T', keyColumns: ['id'], columns: ['id', 'n', 'b'], rows: [{ id: 'a', n: 12.5, b: true }] });
      expect(tab(ss, 'T').getRange(2, 1, 1, 3).getValues()).toEqual([['a', 12.5, true]]);
    });

    it('should cut a 60,000-char string with a marker', () => {
      const { ss } = given();
      upsertRows(ss, { tabName: 'T', keyColumns: ['id'], columns: ['id', 'text'], rows: [{ id: 'a', text: 'y'.repeat(60_000) }] });
      const cell = String(tab(ss, 'T').getRange(2, 2).getValues()[0]?.[0]);
      expect(cell.length).toBeLessThanOrEqual(50_000);
      expect(cell.endsWith(' …[truncated, 60000 chars]')).toBe(true);
    });

    it('should clear a cell for null and keep it for undefined', () => {
      const { ss } = given();
      upsertRows(ss, { ...SPEC, rows: companies(1) });
      upsertRows(ss, { ...SPEC, rows: [{ external_id: 'c-0', name: undefined, employees: null }] });
      expect(readAll(tab(ss, SPEC.tabName))[1]).toEqual(['c-0', 'Company 0', '']);
    });

    it('should key rows by several columns', () => {
      const { ss } = given();
      const spec = { tabName: 'Q1 - gu1', keyColumns: ['external_id', 'integration_code'], columns: ['external_id', 'integration_code', 'cost'] };
      upsertRows(ss, {
        ...spec,
        rows: [
          { external_id: 'a', integration_code: 'x', cost: 1 },
          { external_id: 'a', integration_code: 'y', cost: 2 },
        ],
      });
      const out = upsertRows(ss, {
        ...spec,
        rows: [
          { external_id: 'a', integration_code: 'y', cost: 3 },
          { external_id: 'b', integration_code: 'x', cost: 4 },
        ],
      });
      expect(out).toMatchObject({ inserted: 1, updated: 1 });
      expect(readAll(tab(ss, spec.tabName)).slice(1)).toEqual([
        ['a', 'x', 1],
        ['a', 'y', 3],
        ['b', 'x', 4],
      ]);
    });

    it('should skip rows without a key', () => {
      const { ss } = given();
      const out = upsertRows(ss, { ...SPEC, rows: [{ name: 'no key' }, { external_id: '  ', name: 'blank key' }, ...companies(1)] });
      expect(out).toMatchObject({ inserted: 1, skipped: 2 });
    });

    it('should write 10,000 rows with at most 4 setValues, growing the grid first', () => {
      const { ss, calls } = given();
      const rows = Array.from({ length: 10_000 }, (_, i) => ({
        external_id: `id-${i}`,
        name: `Company ${i}`,
        city: 'Berlin',
        score: i / 10,
        tags: ['a', 'b'],
      }));
      const out = upsertRows(ss, { ...SPEC, rows });
      expect(out.inserted).toBe(10_000);
      const sheet = tab(ss, SPEC.tabName);
      expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(10_001);
      expect(calls('Range.setValues')).toBeLessThanOrEqual(4);
      expect(calls('Sheet.insertRowsAfter')).toBe(1);
      expect(sheet.getRange(10_001, 1, 1, 6).getValues()).toEqual([['id-9999', 'Company 9999', '', 'Berlin', 999.9, 'a, b']]);
    });

    it('should grow the columns when a page brings more fields than the grid has', () => {
      const { ss } = given();
      const wide: Record<string, unknown> = { external_id: 'w' };
      for (let i = 0; i < 40; i++) wide[`f${i}`] = i;
      upsertRows(ss, { ...SPEC, rows: [wide] });
      const sheet = tab(ss, SPEC.tabName);
      expect(sheet.getMaxColumns()).toBeGreaterThanOrEqual(43);
      expect(sheet.getRange(2, 43).getValues()).toEqual([[39]]);
    });

    it("should never write a tab of that name holding the user's cells: a new tab beside it, found again by its owner", () => {
      const { ss } = given();
      ss.insertSheet(SPEC.tabName).getRange(1, 1).setValue('mine');
      const first = upsertRows(ss, { ...SPEC, owner: 'job-1', rows: companies(1) });
      expect(first.sheet.getName()).toBe(`${SPEC.tabName} (2)`);
      expect(readAll(tab(ss, SPEC.tabName))).toEqual([['mine']]);
      expect(first.sheet.getFrozenRows()).toBe(1);
      // A run killed after creating it finds the same tab again (no third tab, no duplicate rows).
      const again = upsertRows(ss, { ...SPEC, owner: 'job-1', rows: companies(2) });
      expect(again.sheet.getName()).toBe(`${SPEC.tabName} (2)`);
      expect(readAll(again.sheet)).toEqual([
        ['external_id', 'name', 'employees'],
        ['c-0', 'Company 0', 0],
        ['c-1', 'Company 1', 1],
      ]);
      expect(ss.getSheets()).toHaveLength(3);
    });

    it('should write dates as dates and see them unchanged on the next run', () => {
      const { ss, calls, reset } = given();
      const rows = [{ id: 'a', seen: new Date(Date.UTC(2026, 0, 2)) }];
      upsertRows(ss, { tabName: 'T', keyColumns: ['id'], columns: ['id', 'seen'], rows });
      reset();
      expect(upsertRows(ss, { tabName: 'T', keyColumns: ['id'], columns: ['id', 'seen'], rows }).unchanged).toBe(1);
      expect(calls('Range.setValues')).toBe(0);
    });

    it('should leave a user tab of that name as it was and write a new one', () => {
      const { ss } = given();
      ss.insertSheet('Taken')
        .getRange(1, 1, 2, 1)
        .setValues([['external_id'], ['mine']]);
      const r = upsertRows(ss, { ...SPEC, tabName: 'Taken', rows: companies(1) });
      expect(r.sheet.getName()).toBe('Taken (2)');
      expect(readAll(tab(ss, 'Taken'))).toEqual([['external_id'], ['mine']]);
    });

    it('should refuse a tab of its own that lost its key column', () => {
      const { ss } = given();
      const own = ss.insertSheet('Taken');
      own.addDeveloperMetadata(RESULT_TAB_MARK, 'x');
      own.getRange(1, 1, 2, 1).setValues([['something'], ['else']]);
      let err: unknown;
      try {
        upsertRows(ss, { ...SPEC, tabName: 'Taken', rows: companies(1) });
      } catch (e) {
        err = e;
      }
      expect(isSheetError(err, 'TAB_NOT_OURS')).toBe(true);
    });
  });

  describe('#openResultTab()', () => {
    it('should read the tab once for many pages in one execution', () => {
      const { ss, calls, reset } = given();
      upsertRows(ss, { ...SPEC, rows: companies(10) });
      reset();
      const t = openResultTab(ss, SPEC);
      for (let page = 0; page < 5; page++) t.upsert(companies(100, page * 100));
      expect(calls('Range.getValues')).toBe(1);
      expect(calls('Range.setValues')).toBe(5);
      expect(t.rowCount()).toBe(500);
      expect(t.hasKey('c-499')).toBe(true);
      expect(t.hasKey('c-500')).toBe(false);
      expect(readAll(tab(ss, SPEC.tabName))).toHaveLength(501);
    });

    it('should write the same sheet whether a page comes once or twice', () => {
      const a = given();
      const b = given();
      upsertRows(a.ss, { ...SPEC, rows: companies(20) });
      const t = openResultTab(b.ss, SPEC);
      t.upsert(companies(20));
      t.upsert(companies(20));
      expect(readAll(tab(b.ss, SPEC.tabName))).toEqual(readAll(tab(a.ss, SPEC.tabName)));
    });
  });

  describe('#uniqueTabName()', () => {
    it('should also avoid the names open jobs reserved, ignoring case', () => {
      const { ss } = given();
      expect(uniqueTabName(ss, 'Q1 - Companies', ['q1 - companies'])).toBe('Q1 - Companies (2)');
      expect(uniqueTabName(ss, 'Q1 - Companies', ['Q1 - Companies', 'Q1 - Companies (2)'])).toBe('Q1 - Companies (3)');
    });
    it('should keep a free name and number taken ones, ignoring case', () => {
      const { ss } = given();
      expect(uniqueTabName(ss, 'Q1 Hotels - People')).toBe('Q1 Hotels - People');
      ss.insertSheet('Q1 Hotels - People');
      ss.insertSheet('q1 hotels - people (2)');
      expect(uniqueTabName(ss, 'Q1 Hotels - People')).toBe('Q1 Hotels - People (3)');
    });

    it('should stay within 100 chars, shortening the base and not the suffix', () => {
      const { ss } = given();
      const long = 'x'.repeat(120);
      const first = uniqueTabName(ss, long);
      expect(first).toBe('x'.repeat(100));
      ss.insertSheet(first);
      const second = uniqueTabName(ss, long);
      expect(second).toBe(`${'x'.repeat(96)} (2)`);
    });

    it('should clean control characters and fall back to Results', () => {
      const { ss } = given();
      expect(uniqueTabName(ss, ' a\nb\t ')).toBe('a b');
      expect(uniqueTabName(ss, '   ')).toBe('Results');
    });
  });
});
