import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

function setup() {
  const emu = createEmulator({ latency: ZERO_LATENCY });
  const ss = emu.gas.SpreadsheetApp.getActive();
  return { emu, ss, sheet: ss.getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet };
}

describe('emulator/gas/spreadsheet', () => {
  describe('Spreadsheet', () => {
    it('should start with one 1,000 x 26 sheet named Sheet1', () => {
      const { ss, sheet } = setup();
      expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
      expect(sheet.getMaxRows()).toBe(1000);
      expect(sheet.getMaxColumns()).toBe(26);
      expect(sheet.getSheetId()).toBe(0);
      expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
      expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    });

    it("should keep the spreadsheet's time zone apart from the script's (PLATFORM.md: two time zones)", () => {
      const emu = createEmulator({ latency: ZERO_LATENCY, timeZone: 'Europe/Berlin', spreadsheetTimeZone: 'America/New_York' });
      expect(emu.gas.Session.getScriptTimeZone()).toBe('Europe/Berlin');
      expect(emu.gas.SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe('America/New_York');
      // Date text typed into a cell is read in the spreadsheet's zone.
      const cell = emu.gas.SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange('A1');
      cell.setValue('2026-01-06 08:00');
      expect((cell.getValue() as Date).toISOString()).toBe('2026-01-06T13:00:00.000Z');
    });

    it('should give a trigger run no active spreadsheet, document properties, cache or lock when asked (PLATFORM.md, unverified)', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY, triggersWithoutDocument: true });
      const seen = () => [
        emu.gas.SpreadsheetApp.getActiveSpreadsheet(),
        emu.gas.SpreadsheetApp.getActive(),
        emu.gas.PropertiesService.getDocumentProperties(),
        emu.gas.CacheService.getDocumentCache(),
        emu.gas.LockService.getDocumentLock(),
      ];
      expect(emu.execution.run('trigger', seen)).toEqual([null, null, null, null, null]);
      expect(emu.execution.run('rpc', seen).every((x) => x !== null)).toBe(true);
      // The user's own stores stay reachable.
      expect(emu.execution.run('trigger', () => emu.gas.PropertiesService.getUserProperties())).not.toBeNull();
      expect(
        createEmulator({ latency: ZERO_LATENCY })
          .execution.run('trigger', seen)
          .every((x) => x !== null),
      ).toBe(true);
    });

    it('should insert sheets, activate them and refuse duplicate names (case-insensitively)', () => {
      const { ss } = setup();
      const s = ss.insertSheet('Leads');
      expect(ss.getActiveSheet().getName()).toBe('Leads');
      expect(s.getIndex()).toBe(2);
      expect(() => ss.insertSheet('leads')).toThrow('A sheet with the name "leads" already exists. Please enter another name.');
      expect(ss.insertSheet().getName()).toBe('Sheet3');
      expect(ss.insertSheet('First', 0).getIndex()).toBe(1);
      expect(ss.getSheetByName('LEADS')?.getName()).toBe('Leads');
      expect(ss.getSheetByName('nope')).toBeNull();
    });

    it('should delete sheets but never the last one', () => {
      const { ss, sheet } = setup();
      const leads = ss.insertSheet('Leads');
      ss.deleteSheet(leads);
      expect(ss.getSheets()).toHaveLength(1);
      expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
      expect(() => leads.getRange('A1')).toThrow('This sheet has been deleted.');
    });

    it('should resolve Sheet!A1 ranges and record toasts', () => {
      const { emu, ss } = setup();
      ss.insertSheet('My Sheet');
      expect(ss.getRange("'My Sheet'!B2:C3").getA1Notation()).toBe('B2:C3');
      expect(ss.getRange("'My Sheet'!B2:C3").getSheet().getName()).toBe('My Sheet');
      expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
      ss.toast('Done', 'Enrichment', 5);
      expect(emu.ui.toasts).toEqual([{ msg: 'Done', title: 'Enrichment', timeoutSeconds: 5, at: emu.clock.now() }]);
    });

    it('should hand out a new wrapper object for every lookup, as Apps Script does', () => {
      const { ss } = setup();
      expect(ss.getSheetByName('Sheet1')).not.toBe(ss.getSheetByName('Sheet1'));
    });
  });

  describe('Sheet#getRange()', () => {
    it('should throw outside the grid and for bad arguments', () => {
      const { sheet } = setup();
      expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
      expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
      expect(() => sheet.getRange('A1:AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
      expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
      expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
      expect(() => sheet.getRange(1, 1, undefined as unknown as number, 2)).toThrow(
        "The parameters (number,number,null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
      expect(() => sheet.getRange('not a range!!')).toThrow('Range not found');
    });

    it('should accept open A1 forms', () => {
      const { sheet } = setup();
      expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
      expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
      expect(sheet.getRange('B2:C').getA1Notation()).toBe('B2:C1000');
    });
  });

  describe('Range#setValues()', () => {
    it('should round-trip values with coercion and return "" for empty cells', () => {
      const { sheet } = setup();
      sheet.getRange(1, 1, 2, 3).setValues([
        ['Name', 'Zip', 'Since'],
        ['Acme', '01067', null],
      ]);
      expect(sheet.getRange(1, 1, 3, 3).getValues()).toEqual([
        ['Name', 'Zip', 'Since'],
        ['Acme', 1067, ''],
        ['', '', ''],
      ]);
      expect(sheet.getLastRow()).toBe(2);
      expect(sheet.getLastColumn()).toBe(3);
      expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    });

    it('should throw on dimension mismatches with the Apps Script texts', () => {
      const { sheet } = setup();
      const r = sheet.getRange(1, 1, 2, 2);
      expect(() => r.setValues([[1, 2]])).toThrow(
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      );
      expect(() => r.setValues([[1, 2], [3]])).toThrow(
        'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
      );
    });

    it('should refuse a cell over 50,000 characters and write nothing', () => {
      const { sheet } = setup();
      expect(() => sheet.getRange(1, 1, 1, 2).setValues([['ok', 'x'.repeat(50_001)]])).toThrow(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
      expect(sheet.getRange('A1').getValue()).toBe('');
    });

    it('should keep strings literal in cells formatted @', () => {
      const { sheet } = setup();
      const r = sheet.getRange(1, 1, 1, 4);
      r.setNumberFormat('@').setValues([['01067', '-CEO', '=1+1', '+49 30 1234']]);
      expect(r.getValues()).toEqual([['01067', '-CEO', '=1+1', '+49 30 1234']]);
      expect(r.getFormulas()).toEqual([['', '', '', '']]);
      expect(r.getNumberFormats()).toEqual([['@', '@', '@', '@']]);
    });

    it('should make formulas observable through getFormulas', () => {
      const { sheet } = setup();
      const r = sheet.getRange(1, 1, 1, 3);
      r.setValues([['=HYPERLINK("https://a.io","A")', '-CEO', "'-CEO"]]);
      expect(r.getValues()).toEqual([['A', '#NAME?', '-CEO']]);
      expect(r.getFormulas()).toEqual([['=HYPERLINK("https://a.io","A")', '=-CEO', '']]);
    });

    it('should return dates as Dates and display them formatted', () => {
      const { sheet } = setup();
      const r = sheet.getRange(1, 1, 1, 3);
      r.setValues([['2026-09-01', true, '5%']]);
      const [[d]] = r.getValues() as [[Date]];
      expect(d).toBeInstanceOf(Date);
      expect(r.getDisplayValues()).toEqual([['2026-09-01', 'TRUE', '5%']]);
    });
  });

  describe('Range', () => {
    it('should describe itself and offset inside the grid', () => {
      const { sheet } = setup();
      const r = sheet.getRange(2, 3, 4, 5);
      expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([2, 3, 4, 5, 5, 7]);
      expect(r.getA1Notation()).toBe('C2:G5');
      expect(r.offset(1, 1).getA1Notation()).toBe('D3:H6');
      expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
      expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
    });

    it('should set one value into every cell with setValue and clear contents but keep formats', () => {
      const { sheet } = setup();
      const r = sheet.getRange('A1:B2');
      r.setNumberFormat('@').setValue('007');
      expect(r.getValues()).toEqual([
        ['007', '007'],
        ['007', '007'],
      ]);
      r.clearContent();
      expect(r.getValues()).toEqual([
        ['', ''],
        ['', ''],
      ]);
      expect(r.getNumberFormat()).toBe('@');
      r.clear();
      expect(r.getNumberFormat()).toBe('General');
    });

    it('should record notes and styles and chain', () => {
      const { sheet } = setup();
      const r = sheet.getRange('A1:B1');
      expect(r.setFontWeight('bold').setBackground('#eeeeee').setWrap(false).setHorizontalAlignment('center')).toBe(r);
      expect(r.getFontWeight()).toBe('bold');
      expect(r.getBackground()).toBe('#eeeeee');
      r.setNote('from gu1');
      expect(r.getNotes()).toEqual([['from gu1', 'from gu1']]);
    });
  });

  describe('Sheet', () => {
    it('should grow the grid with insertRowsAfter / insertColumnsAfter and shift content', () => {
      const { sheet } = setup();
      sheet.getRange('A2').setValue('row2');
      sheet.insertRowsBefore(2, 3);
      expect(sheet.getMaxRows()).toBe(1003);
      expect(sheet.getRange('A5').getValue()).toBe('row2');
      sheet.insertRowsAfter(1003, 10);
      expect(sheet.getMaxRows()).toBe(1013);
      sheet.insertColumnsAfter(26, 4);
      expect(sheet.getMaxColumns()).toBe(30);
      expect(sheet.getRange(1013, 30).getA1Notation()).toBe('AD1013');
    });

    it('should delete rows but never all non-frozen rows', () => {
      const { sheet } = setup();
      sheet.getRange('A3').setValue('x');
      sheet.deleteRows(1, 2);
      expect(sheet.getRange('A1').getValue()).toBe('x');
      expect(sheet.getMaxRows()).toBe(998);
      expect(() => sheet.deleteRows(1, 998)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    });

    it('should append rows after the last row and grow the grid by itself', () => {
      const { emu, sheet } = setup();
      emu.spreadsheet.givenSheet(
        'Sheet1',
        Array.from({ length: 1000 }, (_, i) => [i]),
      );
      sheet.appendRow(['new', '-5', 'x'.repeat(3)]);
      expect(sheet.getMaxRows()).toBe(1001);
      expect(sheet.getRange(1001, 1, 1, 3).getValues()).toEqual([['new', -5, 'xxx']]);
      const wide = Array.from({ length: 30 }, (_, i) => i);
      sheet.appendRow(wide);
      expect(sheet.getMaxColumns()).toBe(30);
    });

    it('should clear contents but keep formats, and clear both with clear()', () => {
      const { sheet } = setup();
      sheet.getRange('A1').setNumberFormat('@').setValue('01');
      sheet.clearContents();
      expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
      expect(sheet.getLastRow()).toBe(0);
      sheet.clear();
      expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
    });

    it('should keep frozen rows, names, tab colours and hidden state', () => {
      const { ss, sheet } = setup();
      sheet.setFrozenRows(1);
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.setName('Data').getName()).toBe('Data');
      ss.insertSheet('Other');
      expect(() => sheet.setName('other')).toThrow('A sheet with the name "other" already exists. Please enter another name.');
      sheet.setTabColor('#ff0000').hideSheet();
      expect(sheet.isSheetHidden()).toBe(true);
      expect(sheet.autoResizeColumns(1, 3)).toBe(sheet);
    });

    it('should refuse to grow past 10,000,000 cells', () => {
      const { sheet } = setup();
      expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrow(
        'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
      );
    });
  });

  describe('strictness', () => {
    it('should throw a clear TypeError for members the emulator does not model', () => {
      const { ss, sheet } = setup();
      const range = sheet.getRange('A1') as unknown as Record<string, unknown>;
      expect(() => range['randomize']).toThrow(new TypeError('Range.randomize is not a function in the emulator (not modelled)'));
      expect(() => (ss as unknown as Record<string, unknown>)['openById']).toThrow('Spreadsheet.openById is not a function in the emulator (not modelled)');
      expect(() => (sheet as unknown as Record<string, unknown>)['givenSheet']).toThrow(TypeError);
    });
  });

  describe('test helpers', () => {
    it('should write raw values literally and read them back', () => {
      const { emu } = setup();
      emu.spreadsheet.givenSheet('Leads', [
        ['Company', 'Zip'],
        ['Acme', '01067'],
      ]);
      expect(emu.spreadsheet.sheetValues('Leads')).toEqual([
        ['Company', 'Zip'],
        ['Acme', '01067'],
      ]);
      expect(emu.spreadsheet.sheetNames()).toEqual(['Sheet1', 'Leads']);
      emu.spreadsheet.select('Leads!A2:B2');
      const active = emu.gas.SpreadsheetApp.getActive();
      expect(active.getActiveSheet().getName()).toBe('Leads');
      expect(active.getActiveRange()?.getA1Notation()).toBe('A2:B2');
    });

    it('should not count helper calls', () => {
      const { emu } = setup();
      emu.counters.reset();
      emu.spreadsheet.givenSheet('X', [[1]]);
      emu.spreadsheet.sheetValues('X');
      expect(emu.counters.get('sheets')).toBe(0);
    });
  });
});
