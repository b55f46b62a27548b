import { createEmulator } from '../../../emulator';
import { ZERO_LATENCY } from '../../../emulator/costs';
import type { AppContext } from '../../../src/app/context';
import { removeTabWithoutResults } from '../../../src/app/sheets';

describe('app/sheets', () => {
  describe('#removeTabWithoutResults()', () => {
    it('should delete an empty or header-only tab but never one holding results', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      emu.spreadsheet.givenSheet('Empty', []);
      emu.spreadsheet.givenSheet('Header', [['external_id', 'name']]);
      emu.spreadsheet.givenSheet('Results', [
        ['external_id', 'name'],
        ['a1', 'Paid for'],
      ]);
      const ctx = { spreadsheet: () => emu.gas.SpreadsheetApp.getActiveSpreadsheet() } as unknown as AppContext;
      for (const tab of ['Empty', 'Header', 'Results', 'Missing']) removeTabWithoutResults(ctx, tab);
      expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Results']);
    });
  });
});
