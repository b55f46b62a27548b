import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

describe('emulator/gas/sheet', () => {
  describe('#addDeveloperMetadata() / #getDeveloperMetadata()', () => {
    it('should keep sheet-level metadata that only a script adds, through renames, invisible in the cells', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const ss = emu.gas.SpreadsheetApp.getActive();
      const tab = ss.insertSheet('Q1 - Companies');
      expect(tab.getDeveloperMetadata()).toEqual([]);
      tab.addDeveloperMetadata('prospect-enrich.result-tab', 'job-1');
      tab.setName('Renamed');
      const meta = ss.getSheetByName('Renamed')!.getDeveloperMetadata();
      expect(meta.map((m) => [m.getKey(), m.getValue()])).toEqual([['prospect-enrich.result-tab', 'job-1']]);
      // A tab the user makes under the same name has none.
      expect(ss.insertSheet('Q1 - Companies').getDeveloperMetadata()).toEqual([]);
      expect(emu.spreadsheet.sheetValues('Renamed')).toEqual([]);
      expect(emu.counters.get('Sheet.addDeveloperMetadata')).toBe(1);
      expect(emu.counters.get('Sheet.getDeveloperMetadata')).toBe(3);
    });

    it('should refuse an empty or over-long key as Apps Script does', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const tab = emu.gas.SpreadsheetApp.getActive().getSheets()[0]!;
      expect(() => tab.addDeveloperMetadata('')).toThrow(/parameters/);
      expect(() => tab.addDeveloperMetadata('k'.repeat(257))).toThrow(/parameters/);
    });
  });

  describe('Spreadsheet#createDeveloperMetadataFinder()', () => {
    it('should find sheet marks by key and value across every tab in one find call, the sheet in the location', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const ss = emu.gas.SpreadsheetApp.getActive();
      ss.insertSheet('A').addDeveloperMetadata('mark', 'one');
      ss.insertSheet('B').addDeveloperMetadata('mark', 'two');
      ss.insertSheet('C').addDeveloperMetadata('other', 'one');
      const names = (found: GoogleAppsScript.Spreadsheet.DeveloperMetadata[]) => found.map((m) => m.getLocation().getSheet()?.getName());
      expect(names(ss.createDeveloperMetadataFinder().withKey('mark').find())).toEqual(['A', 'B']);
      expect(names(ss.createDeveloperMetadataFinder().withKey('mark').withValue('two').find())).toEqual(['B']);
      expect(emu.counters.get('Spreadsheet.find')).toBe(2);
      expect(emu.counters.get('Sheet.getDeveloperMetadata')).toBe(0);
    });
  });
});
