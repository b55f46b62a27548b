import { createEmulator } from '../../emulator';
import { DEFAULT_LATENCY, ZERO_LATENCY } from '../../emulator/costs';
import { json } from '../../emulator/apis/types';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('emulator/gas/runtime', () => {
  describe('virtual clock and latency', () => {
    it('should start at the default epoch and drive the virtual Date', () => {
      const emu = createEmulator();
      const VDate = emu.globals['Date'] as DateConstructor;
      expect(emu.clock.now()).toBe(START);
      expect(VDate.now()).toBe(START);
      expect(new VDate().getTime()).toBe(START);
      expect(new VDate(0).getTime()).toBe(0);
      expect(VDate.UTC(2020, 0, 1)).toBe(Date.UTC(2020, 0, 1));
      emu.clock.advance(1234);
      expect(new VDate().getTime()).toBe(START + 1234);
      expect(new VDate()).toBeInstanceOf(Date);
      expect(typeof (VDate as unknown as () => string)()).toBe('string');
    });

    it('should charge 50 ms plus 10 µs per cell for Sheets calls', () => {
      const emu = createEmulator();
      const sheet = emu.gas.SpreadsheetApp.getActive().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
      const t0 = emu.clock.now();
      const range = sheet.getRange(1, 1, 1000, 20);
      expect(emu.clock.now() - t0).toBe(DEFAULT_LATENCY.sheetsCallMs);
      const t1 = emu.clock.now();
      range.getValues();
      expect(emu.clock.now() - t1).toBe(50 + 200);
    });

    it('should charge 300 ms plus server latency per fetch and advance on sleep', () => {
      const emu = createEmulator();
      emu.http.register('https://api.x.io', { handle: () => ({ ...json(200, {}), latencyMs: 700 }) });
      emu.gas.UrlFetchApp.fetch('https://api.x.io/a');
      expect(emu.clock.now()).toBe(START + 1000);
      emu.gas.Utilities.sleep(2500);
      expect(emu.clock.now()).toBe(START + 3500);
    });

    it('should let tests zero every cost', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      emu.gas.SpreadsheetApp.getActive().getSheets()[0]?.getRange('A1:Z1000').getValues();
      emu.gas.PropertiesService.getScriptProperties().getKeys();
      expect(emu.clock.now()).toBe(START);
    });
  });

  describe('counters', () => {
    it('should count each method and the family totals', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const ss = emu.gas.SpreadsheetApp.getActive();
      const sheet = ss.getSheetByName('Sheet1');
      sheet?.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [3, 4],
      ]);
      sheet?.getRange('A1').getValues();
      emu.gas.PropertiesService.getUserProperties().setProperty('a', '1');
      emu.gas.CacheService.getScriptCache().put('k', 'v');
      expect(emu.counters.get('Range.setValues')).toBe(1);
      expect(emu.counters.get('Range.getValues')).toBe(1);
      expect(emu.counters.get('Sheet.getRange')).toBe(2);
      expect(emu.counters.get('sheets')).toBe(5);
      expect(emu.counters.get('Properties.setProperty')).toBe(1);
      expect(emu.counters.get('properties')).toBe(2);
      expect(emu.counters.get('cache')).toBe(2);
      expect(emu.counters.snapshot()).toMatchObject({ 'SpreadsheetApp.getActive': 1, 'Spreadsheet.getSheetByName': 1 });
      emu.counters.reset();
      expect(emu.counters.snapshot()).toEqual({});
    });
  });

  describe('execution limits', () => {
    it('should allow any duration when no execution is running', () => {
      const emu = createEmulator();
      emu.clock.advance(60 * 60_000);
      expect(() => emu.gas.Utilities.sleep(1000)).not.toThrow();
    });

    it('should kill a menu execution after 6 minutes and keep it dead', () => {
      const emu = createEmulator({ latency: { cpuFactor: 0 } }); // exact virtual times: no CPU time charged
      emu.execution.begin('menu');
      for (let i = 0; i < 72; i++) emu.gas.Utilities.sleep(5000); // exactly 6 min: still alive
      expect(() => emu.gas.Utilities.sleep(5000)).toThrow('Exceeded maximum execution time');
      expect(emu.execution.killed).toBe(true);
      expect(() => emu.gas.Session.getScriptTimeZone()).toThrow('Exceeded maximum execution time');
      emu.execution.end();
      expect(emu.execution.killed).toBe(true);
      emu.execution.begin('menu');
      expect(emu.execution.killed).toBe(false);
      emu.execution.end();
    });

    it('should kill a custom function after 30 s', () => {
      const emu = createEmulator();
      expect(() =>
        emu.execution.run('custom-function', () => {
          for (let i = 0; i < 7; i++) emu.gas.Utilities.sleep(5000);
        }),
      ).toThrow('Exceeded maximum execution time');
    });

    it('should kill a simple trigger after 30 s', () => {
      const emu = createEmulator();
      emu.execution.begin('simple-trigger');
      emu.clock.advance(30_001);
      expect(() => emu.gas.Session.getScriptTimeZone()).toThrow('Exceeded maximum execution time');
      emu.execution.end();
    });

    it('should die even when the script swallows the error', () => {
      const emu = createEmulator();
      expect(() =>
        emu.execution.run('trigger', () => {
          try {
            emu.gas.Utilities.sleep(300_000);
            emu.gas.Utilities.sleep(100_000);
          } catch {
            return 'swallowed';
          }
          return 'done';
        }),
      ).toThrow('Exceeded maximum execution time');
    });

    it('should report the current execution', () => {
      const emu = createEmulator();
      expect(emu.execution.current()).toBeNull();
      const seen = emu.execution.run('rpc', () => emu.execution.current());
      expect(seen).toMatchObject({ kind: 'rpc', startedAt: START, authMode: 'FULL', user: 'user@example.com', limitMs: 360_000 });
      expect(() => emu.execution.run('menu', () => emu.execution.begin('rpc'))).toThrow(/while a menu execution is running/);
    });
  });

  describe('custom functions', () => {
    function inCustomFunction<T>(fn: (emu: ReturnType<typeof createEmulator>) => T, opts = {}) {
      const emu = createEmulator({ latency: ZERO_LATENCY, ownerEmail: 'owner@example.com', userEmail: 'editor@example.com', ...opts });
      return { emu, run: () => emu.execution.run('custom-function', () => fn(emu)) };
    }

    it('should read the spreadsheet but refuse writes', () => {
      const { emu, run } = inCustomFunction((e) => e.gas.SpreadsheetApp.getActive().getRange('Sheet1!A1').setValue(1));
      emu.spreadsheet.givenSheet('Sheet1', [['x']]);
      expect(run).toThrow('You do not have permission to call SpreadsheetApp.Range.setValue');
      expect(emu.execution.run('custom-function', () => emu.gas.SpreadsheetApp.getActive().getRange('Sheet1!A1').getValue())).toBe('x');
    });

    it("should see the owner's user properties, read-only", () => {
      const { emu, run } = inCustomFunction((e) => e.gas.PropertiesService.getUserProperties().getProperty('key'));
      emu.properties.user('owner@example.com')['key'] = 'owner-key';
      emu.properties.user('editor@example.com')['key'] = 'editor-key';
      expect(run()).toBe('owner-key');
      expect(() => emu.execution.run('custom-function', () => emu.gas.PropertiesService.getUserProperties().setProperty('a', 'b'))).toThrow(
        'You do not have permission to call PropertiesService.Properties.setProperty',
      );
    });

    it('should refuse property writes in a custom function by default (read-only, PLATFORM.md), and allow document writes only when opted in', () => {
      const write = (e: ReturnType<typeof createEmulator>) => e.gas.PropertiesService.getDocumentProperties().setProperty('fx', '1');
      const strict = inCustomFunction(write);
      expect(strict.run).toThrow('You do not have permission to call PropertiesService.Properties.setProperty');
      expect(strict.emu.properties.document()['fx']).toBeUndefined();
      const shared = inCustomFunction(write, { customFunctionPropertyWrites: 'shared' });
      shared.run();
      expect(shared.emu.properties.document()['fx']).toBe('1');
    });

    it('should refuse triggers and UI but allow UrlFetch, Cache, Lock and Utilities', () => {
      const { emu } = inCustomFunction(() => undefined);
      emu.http.register('https://api.x.io', { handle: () => json(200, { ok: 1 }) });
      const cf = <T>(fn: () => T) => emu.execution.run('custom-function', fn);
      expect(() => cf(() => emu.gas.ScriptApp.newTrigger('tick'))).toThrow(
        'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
      expect(() => cf(() => emu.gas.SpreadsheetApp.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
      expect(cf(() => emu.gas.UrlFetchApp.fetch('https://api.x.io/').getResponseCode())).toBe(200);
      expect(cf(() => emu.gas.CacheService.getDocumentCache()?.get('x') ?? null)).toBeNull();
      expect(cf(() => emu.gas.LockService.getDocumentLock().tryLock(10))).toBe(true);
      expect(cf(() => emu.gas.Utilities.getUuid())).toMatch(/^[0-9a-f-]{36}$/);
      expect(cf(() => emu.gas.Session.getActiveUser().getEmail())).toBe('');
    });
  });

  describe('auth modes', () => {
    it('should allow only menu building in NONE', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      emu.execution.run(
        'simple-trigger',
        () => {
          emu.gas.SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
          expect(() => emu.gas.SpreadsheetApp.getActive()).toThrow('Authorization is required to perform that action.');
          expect(() => emu.gas.PropertiesService.getUserProperties()).toThrow('Authorization is required to perform that action.');
          expect(() => emu.gas.UrlFetchApp.fetch('https://x.io')).toThrow('Authorization is required to perform that action.');
        },
        { authMode: 'NONE' },
      );
      expect(emu.ui.menus).toEqual([{ title: 'Add-on', items: [{ caption: 'Open', functionName: 'showSidebar' }] }]);
    });

    it('should allow the document but not UrlFetch or properties in LIMITED', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      emu.execution.run(
        'simple-trigger',
        () => {
          emu.gas.SpreadsheetApp.getActive().getRange('A1').setValue('ok');
          expect(() => emu.gas.UrlFetchApp.fetch('https://x.io')).toThrow('Authorization is required to perform that action.');
          expect(() => emu.gas.PropertiesService.getDocumentProperties()).toThrow('Authorization is required to perform that action.');
        },
        { authMode: 'LIMITED' },
      );
      expect(emu.spreadsheet.sheetValues('Sheet1')).toEqual([['ok']]);
    });

    it('should refuse getUi in a time-driven trigger', () => {
      const emu = createEmulator();
      expect(() => emu.execution.run('trigger', () => emu.gas.SpreadsheetApp.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    });
  });
});

describe('emulator/gas/execution', () => {
  describe('trigger run time per day', () => {
    it('should stop trigger executions once 90 minutes were used today (consumer)', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      for (let i = 0; i < 17; i++) emu.execution.run('trigger', () => emu.gas.Utilities.sleep(300_000));
      expect(emu.execution.triggerRuntimeToday()).toBe(85 * 60_000);
      const run18 = () =>
        emu.execution.run('trigger', () => {
          emu.gas.Utilities.sleep(300_000); // exactly 90 min: still allowed
          emu.gas.Utilities.sleep(1000);
        });
      expect(run18).toThrow('Service using too much computer time for one day');
      expect(() => emu.execution.run('menu', () => emu.gas.Utilities.sleep(300_000))).not.toThrow();
      emu.clock.advance(86_400_000);
      expect(() => emu.execution.run('trigger', () => emu.gas.Utilities.sleep(1000))).not.toThrow();
    });

    it('should give Workspace accounts 6 hours', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY, accountType: 'workspace' });
      for (let i = 0; i < 20; i++) emu.execution.run('trigger', () => emu.gas.Utilities.sleep(300_000));
      expect(emu.execution.triggerRuntimeToday()).toBe(100 * 60_000);
    });
  });
});

describe('emulator execution hooks (chaos and bench)', () => {
  describe('#onServiceCall()', () => {
    it('should number every service call and name its execution', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const seen: string[] = [];
      const stop = emu.execution.onServiceCall((c) => void seen.push(`${c.index} ${c.service}.${c.method} ${c.execution?.kind ?? '-'}`));
      emu.gas.PropertiesService.getScriptProperties();
      emu.execution.run('rpc', () => emu.gas.PropertiesService.getScriptProperties().setProperty('a', '1'));
      stop();
      emu.gas.PropertiesService.getScriptProperties();
      expect(seen).toEqual(['1 PropertiesService.getScriptProperties -', '2 PropertiesService.getScriptProperties rpc', '3 Properties.setProperty rpc']);
      expect(emu.execution.serviceCalls).toBe(4);
    });

    it('should name the sheet of each Sheet and Range call (tests count reads of one sheet)', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      emu.spreadsheet.givenSheet('Leads', [['a'], ['1']]);
      emu.spreadsheet.givenSheet('Other', [['b']]);
      const seen: string[] = [];
      emu.execution.onServiceCall(
        (c) => void (c.method === 'getValues' || c.method === 'getLastRow' ? seen.push(`${c.service}.${c.method} ${c.sheet ?? '-'}`) : undefined),
      );
      emu.execution.run('rpc', () => {
        const ss = emu.gas.SpreadsheetApp.getActiveSpreadsheet();
        ss.getSheetByName('Leads')!.getDataRange().getValues();
        ss.getSheetByName('Other')!.getLastRow();
      });
      expect(seen).toEqual(['Range.getValues Leads', 'Sheet.getLastRow Other']);
    });

    it('should let the call take effect and then kill its execution, even when the script catches the error', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      emu.execution.onServiceCall((c) => (c.service === 'Properties' && c.method === 'setProperty' ? 'kill' : undefined));
      let after = false;
      expect(() =>
        emu.execution.run('trigger', () => {
          const props = emu.gas.PropertiesService.getScriptProperties();
          try {
            props.setProperty('a', '1');
          } catch {
            // a script that swallows the error still dies
          }
          after = true;
          props.setProperty('b', '2');
        }),
      ).toThrow('Exceeded maximum execution time');
      expect(after).toBe(true);
      expect(emu.properties.script()).toEqual({ a: '1' });
      // The next execution starts alive; outside executions a kill is ignored.
      expect(emu.execution.run('rpc', () => emu.gas.Session.getScriptTimeZone())).toBe('Europe/Berlin');
      expect(() => emu.gas.PropertiesService.getScriptProperties().setProperty('c', '3')).not.toThrow();
    });
  });

  describe('#concurrent()', () => {
    it("should run a second execution at a call of the first, sharing stores and honouring the first one's lock", () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const got: Array<boolean | string | null> = [];
      let fired = false;
      emu.execution.onServiceCall((c) => {
        if (fired || c.execution?.kind !== 'trigger' || c.method !== 'setProperty') return undefined;
        fired = true;
        emu.execution.concurrent('rpc', () => {
          const lock = emu.gas.LockService.getDocumentLock();
          got.push(lock.tryLock(2_000), emu.gas.PropertiesService.getDocumentProperties().getProperty('step'));
          lock.releaseLock();
        });
        return undefined;
      });
      const started = emu.clock.now();
      emu.execution.run('trigger', () => {
        const lock = emu.gas.LockService.getDocumentLock();
        expect(lock.tryLock(1_000)).toBe(true);
        const props = emu.gas.PropertiesService.getDocumentProperties();
        props.setProperty('step', '1');
        props.setProperty('step', '2');
        // The overlapping run neither took nor released this run's lock.
        expect(lock.hasLock()).toBe(true);
        expect(emu.execution.current()?.kind).toBe('trigger');
        lock.releaseLock();
      });
      // The sidebar call waited 2 s for the lock, gave up, and saw the first write (not yet done when it ran).
      expect(got).toEqual([false, null]);
      expect(emu.clock.now() - started).toBe(2_000);
      expect(emu.locks.isHeld('document')).toBe(false);
    });

    it('should refuse to overlap when nothing runs, and report a killed overlapping run', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      expect(() => emu.execution.concurrent('rpc', () => 1)).toThrow(/needs a running execution/);
      const outcome = emu.execution.run('trigger', () => {
        const stop = emu.execution.onServiceCall(() => 'kill');
        try {
          emu.execution.concurrent('rpc', () => emu.gas.Session.getScriptTimeZone());
          return 'not killed';
        } catch (e) {
          return (e as Error).message;
        } finally {
          stop();
        }
      });
      expect(outcome).toBe('Exceeded maximum execution time');
      expect(emu.execution.killed).toBe(false);
    });
  });
});
