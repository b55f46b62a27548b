import * as vm from 'node:vm';
import { createEmulator } from '../../emulator';
import { json } from '../../emulator/apis/types';

const SCRIPT = `
function enrichFirstRow() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Leads');
  var name = sheet.getRange(2, 1).getValue();
  var res = UrlFetchApp.fetch('https://api.x.io/lookup?name=' + encodeURIComponent(name), { muteHttpExceptions: true });
  var data = JSON.parse(res.getContentText());
  sheet.getRange(2, 2, 1, 2).setValues([[data.domain, new Date()]]);
  return { at: Date.now(), code: res.getResponseCode(), isDate: sheet.getRange(2, 3).getValue() instanceof Date };
}
function broken() {
  try { SpreadsheetApp.getActive().getSheetByName('Leads').getRange(5000, 1); }
  catch (e) { return { isError: e instanceof Error, message: e.message, arrays: SpreadsheetApp.getActive().getSheets() instanceof Array }; }
}
function unmodelled() {
  return SpreadsheetApp.getActive().getSheetByName('Leads').getRange('A1').randomize();
}
`;

describe('emulator/index', () => {
  describe('#createEmulator() in node:vm', () => {
    it('should run a plain script against the globals with the virtual clock', () => {
      // Exact virtual times: the script's own CPU time is not charged here.
      const emu = createEmulator({ startTime: Date.UTC(2026, 2, 1, 12), latency: { cpuFactor: 0 } });
      emu.http.register('https://api.x.io', { handle: (r) => ({ ...json(200, { domain: `${r.query['name']?.toLowerCase()}.com` }), latencyMs: 200 }) });
      emu.spreadsheet.givenSheet('Leads', [
        ['Company', 'Domain', 'Checked'],
        ['Acme', '', ''],
      ]);
      const context = vm.createContext(emu.globals);
      vm.runInContext(SCRIPT, context);
      const out = emu.execution.run('menu', () => vm.runInContext('enrichFirstRow()', context) as { at: number; code: number; isDate: boolean });
      expect(out.code).toBe(200);
      expect(out.isDate).toBe(true);
      expect(out.at).toBe(emu.clock.now() - 2 * 50); // getRange + getValue ran after Date.now()
      expect(emu.spreadsheet.sheetValues('Leads')[1]?.[1]).toBe('acme.com');
      expect(emu.counters.get('UrlFetchApp.fetch')).toBe(1);
      expect(emu.counters.get('Range.setValues')).toBe(1);
    });

    it('should throw errors and return arrays of the script realm', () => {
      const emu = createEmulator();
      emu.spreadsheet.givenSheet('Leads', [['x']]);
      const context = emu.createContext();
      vm.runInContext(SCRIPT, context);
      expect(vm.runInContext('broken()', context)).toEqual({
        isError: true,
        message: 'The coordinates of the range are outside the dimensions of the sheet.',
        arrays: true,
      });
    });

    it('should bind the realm of a context made from a copy of the globals', () => {
      const emu = createEmulator();
      emu.spreadsheet.givenSheet('Leads', [['x']]);
      const context = vm.createContext({ ...emu.globals });
      emu.bindContext(context);
      vm.runInContext(SCRIPT, context);
      expect(vm.runInContext('broken()', context)).toMatchObject({ isError: true, arrays: true });
    });

    it('should give the script an ordinary global object, as Apps Script does (fast global lookups)', () => {
      // A contextified sandbox answers each global lookup through an interceptor (about 100x slower
      // than V8's own global object), which the CPU charge (emulator/costs.ts) would bill the script.
      const emu = createEmulator();
      const context = emu.createContext();
      expect(vm.runInContext('globalThis', context)).toBe(context);
      const code = 'typeof SpreadsheetApp.getActive + typeof Math.imul + (Date === globalThis.Date)';
      const seen = vm.runInContext(code, context);
      expect(seen).toBe('functionfunctiontrue');
      expect(vm.runInContext('new Date().getTime()', context)).toBe(emu.clock.now());
    });

    it('should name the gap when the script uses something not modelled', () => {
      const emu = createEmulator();
      emu.spreadsheet.givenSheet('Leads', [['x']]);
      const context = emu.createContext();
      vm.runInContext(SCRIPT, context);
      expect(() => vm.runInContext('unmodelled()', context)).toThrow('Range.randomize is not a function in the emulator (not modelled)');
    });

    it('should expose only Apps Script globals plus the virtual Date', () => {
      const emu = createEmulator();
      expect(Object.keys(emu.globals).sort()).toEqual(
        [
          'CacheService',
          'Date',
          'HtmlService',
          'LockService',
          'Logger',
          'PropertiesService',
          'ScriptApp',
          'Session',
          'SpreadsheetApp',
          'UrlFetchApp',
          'Utilities',
          'console',
        ].sort(),
      );
    });
  });
});
