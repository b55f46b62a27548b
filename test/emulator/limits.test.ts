/** Issue 20's platform facts in the emulator: transient Sheets failures, the script's own CPU time, the flush model. */
import { createEmulator } from '../../emulator';
import { DEFAULT_LATENCY, ZERO_LATENCY } from '../../emulator/costs';
import { SHEETS_FAULT_KINDS, sheetsFaultText } from '../../emulator/gas/sheets-faults';

describe('emulator limits (issue 20)', () => {
  describe('{ fail } answers (transient service failures)', () => {
    it("should fail a Sheets call with Google's text without taking effect, and let the next try pass", () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const id = emu.spreadsheet.getId();
      let failNext = true;
      emu.execution.onServiceCall((c) => {
        if (c.family !== 'sheets' || c.method !== 'setValues' || !failNext) return undefined;
        failNext = false;
        return { fail: sheetsFaultText('sheets-failed', id) };
      });
      const range = () => emu.gas.SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange('A1:B1');
      expect(() => emu.execution.run('trigger', () => range().setValues([['a', 'b']]))).toThrow(
        `Service Spreadsheets failed while accessing document with id ${id}.`,
      );
      expect(emu.spreadsheet.sheetValues('Sheet1')).toEqual([]);
      emu.execution.run('trigger', () => range().setValues([['a', 'b']]));
      expect(emu.spreadsheet.sheetValues('Sheet1')).toEqual([['a', 'b']]);
      expect(SHEETS_FAULT_KINDS.map((k) => sheetsFaultText(k, 'X'))).toEqual([
        'Service Spreadsheets failed while accessing document with id X.',
        'Service Spreadsheets timed out while accessing document with id X.',
        "We're sorry, a server error occurred. Please wait a bit and try again.",
      ]);
    });
  });

  describe("the script's own CPU time (issue 20: script time counts)", () => {
    const burn = (ms: number): void => {
      const end = process.cpuUsage().user / 1000 + ms;
      while (process.cpuUsage().user / 1000 < end) Math.sqrt(Math.random());
    };

    it('should charge work between service calls to the clock, times the factor, and kill an execution that computes too long', () => {
      const emu = createEmulator({ latency: { ...ZERO_LATENCY, cpuFactor: 3 } });
      const started = emu.clock.now();
      emu.execution.run('rpc', () => {
        emu.gas.Session.getScriptTimeZone();
        burn(60);
        emu.gas.Session.getScriptTimeZone();
      });
      const charged = emu.clock.now() - started;
      expect(charged).toBeGreaterThanOrEqual(3 * 60);
      expect(charged).toBeLessThan(3 * 60 * 10);
      // Outside executions nothing is charged.
      const before = emu.clock.now();
      burn(30);
      emu.gas.Session.getScriptTimeZone();
      expect(emu.clock.now()).toBe(before);
      // 6 minutes of virtual time: 120 s of CPU at factor 3000 is too long.
      const slow = createEmulator({ latency: { ...ZERO_LATENCY, cpuFactor: 3_000 } });
      expect(() =>
        slow.execution.run('trigger', () => {
          burn(130);
          slow.gas.Session.getScriptTimeZone();
        }),
      ).toThrow('Exceeded maximum execution time');
    });

    it('should charge a script run outside any execution (a bench baseline) the same way, with no time limit', () => {
      const emu = createEmulator({ latency: { ...ZERO_LATENCY, cpuFactor: 3 } });
      const started = emu.clock.now();
      emu.execution.unbounded(() => {
        burn(60);
        emu.gas.Session.getScriptTimeZone();
        burn(30);
      });
      const charged = emu.clock.now() - started;
      expect(charged).toBeGreaterThanOrEqual(3 * 90);
      expect(charged).toBeLessThan(3 * 90 * 10);
      expect(emu.execution.current()).toBeNull();
      // Afterwards, outside executions, nothing is charged again.
      const before = emu.clock.now();
      burn(30);
      emu.gas.Session.getScriptTimeZone();
      expect(emu.clock.now()).toBe(before);
      // No 6-minute limit: 120 s of CPU at factor 3000 is 100 virtual hours, and it still returns.
      const slow = createEmulator({ latency: { ...ZERO_LATENCY, cpuFactor: 3_000 } });
      const zone = slow.execution.unbounded(() => {
        burn(130);
        return slow.gas.Session.getScriptTimeZone();
      });
      expect(zone).toEqual(expect.any(String));
    });

    it('should charge nothing with factor 0 (DEFAULT_LATENCY charges 3x)', () => {
      expect(DEFAULT_LATENCY.cpuFactor).toBe(3);
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const started = emu.clock.now();
      emu.execution.run('rpc', () => {
        burn(20);
        emu.gas.Session.getScriptTimeZone();
      });
      expect(emu.clock.now()).toBe(started);
    });
  });

  describe('flush model (PLATFORM.md: flush() before releaseLock() after writes)', () => {
    const writeUnderLock = (emu: ReturnType<typeof createEmulator>, flush: boolean) =>
      emu.execution.run('trigger', () => {
        const lock = emu.gas.LockService.getDocumentLock();
        lock.tryLock(1_000);
        emu.gas.SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange('A1').setValue('x');
        if (flush) emu.gas.SpreadsheetApp.flush();
        lock.releaseLock();
      });

    it('should flag a lock released with unflushed writes', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      writeUnderLock(emu, false);
      expect(emu.locks.unflushedReleases).toEqual([expect.objectContaining({ pendingWrites: 1 })]);
    });

    it('should not flag a release after flush(), nor one without writes, and forget writes at the end of an execution', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      writeUnderLock(emu, true);
      emu.execution.run('rpc', () => emu.gas.SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange('B1').setValue('y'));
      emu.execution.run('rpc', () => {
        const lock = emu.gas.LockService.getDocumentLock();
        lock.tryLock(1_000);
        emu.gas.SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange('B1').getValue();
        lock.releaseLock();
      });
      expect(emu.locks.unflushedReleases).toEqual([]);
    });
  });
});
