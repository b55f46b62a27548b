import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

describe('emulator/gas/format', () => {
  describe('Range#getDisplayValues()', () => {
    it('should show booleans as TRUE/FALSE and pad numbers in a zero-padded format, as Sheets does', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const sheet = emu.gas.SpreadsheetApp.getActive().getSheets()[0]!;
      const r = sheet.getRange(1, 1, 1, 4);
      r.setValues([[true, 1234, '0001234', 0.5]]);
      sheet.getRange(1, 2).setNumberFormat('0000000');
      sheet.getRange(1, 4).setNumberFormat('0%');
      // The typed string lost its zeros (a number now); the padded format shows them again.
      expect(r.getValues()).toEqual([[true, 1234, 1234, 0.5]]);
      expect(r.getDisplayValues()).toEqual([['TRUE', '0001234', '1234', '50%']]);
    });
  });
});
