import { createEmulator, type EmulatorOptions } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

const setup = (opts: EmulatorOptions = {}) => createEmulator({ latency: ZERO_LATENCY, ...opts });
const HOUR = 3_600_000;

describe('emulator/gas/script-app', () => {
  describe('#newTrigger()', () => {
    it('should create an hourly time-based trigger and describe it', () => {
      const emu = setup();
      const { ScriptApp } = emu.gas;
      const t = ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
      expect(t.getHandlerFunction()).toBe('tick');
      expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
      expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
      expect(t.getTriggerSourceId()).toBeNull();
      expect(t.getUniqueId()).toMatch(/^\d+$/);
      expect(ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
      expect(emu.triggers.list()).toEqual([
        expect.objectContaining({ handlerFunction: 'tick', everyMs: HOUR, nextRunAt: emu.clock.now() + HOUR, user: 'user@example.com' }),
      ]);
    });

    it('should refuse sub-hourly triggers in add-on mode but allow them in a bound script', () => {
      expect(() => setup().gas.ScriptApp.newTrigger('tick').timeBased().everyMinutes(15).create()).toThrow(
        'Add-ons can only create time-based triggers that run at most once per hour.',
      );
      const bound = setup({ mode: 'bound' });
      bound.gas.ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
      bound.gas.ScriptApp.newTrigger('tick').timeBased().everyMinutes(10).create();
      expect(bound.triggers.list()).toHaveLength(2);
    });

    it('should allow one time-based trigger per user and document in add-on mode', () => {
      const emu = setup();
      emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
      expect(() => emu.gas.ScriptApp.newTrigger('other').timeBased().everyHours(2).create()).toThrow(
        'This add-on has created too many time-based triggers in this document for this Google Account.',
      );
      emu.setUser('colleague@example.com');
      emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
      expect(emu.gas.ScriptApp.getProjectTriggers()).toHaveLength(1);
      expect(emu.triggers.list()).toHaveLength(2);
    });

    it('should reject invalid intervals', () => {
      const { ScriptApp } = setup({ mode: 'bound' }).gas;
      expect(() => ScriptApp.newTrigger('t').timeBased().everyMinutes(7)).toThrow(/everyMinutes\(\) accepts 1, 5, 10, 15, 30/);
      expect(() => ScriptApp.newTrigger('t').timeBased().everyHours(3)).toThrow(/everyHours\(\) accepts 1, 2, 4, 6, 8, 12/);
      expect(() => ScriptApp.newTrigger('t').timeBased().create()).toThrow(/no schedule/);
    });

    it('should stop at 20 triggers per user', () => {
      const emu = setup({ mode: 'bound' });
      for (let i = 0; i < 20; i++) emu.gas.ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
      expect(() => emu.gas.ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    });

    it("should count the user's triggers in other documents toward the 20, in add-on mode too", () => {
      const emu = setup();
      for (let i = 0; i < 20; i++) emu.triggers.givenInOtherDocument(`doc-${i}`, 'tick', HOUR);
      expect(() => emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create()).toThrow(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
      expect(emu.gas.ScriptApp.getProjectTriggers()).toHaveLength(20);
      // Another user's count is their own.
      emu.setUser('colleague@example.com');
      emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
      expect(emu.triggers.list()).toHaveLength(21);
    });

    it('should create spreadsheet triggers and list them by document', () => {
      const emu = setup();
      const ss = emu.gas.SpreadsheetApp.getActive();
      const t = emu.gas.ScriptApp.newTrigger('onEditHandler').forSpreadsheet(ss).onEdit().create();
      expect(t.getTriggerSourceId()).toBe(ss.getId());
      expect(emu.gas.ScriptApp.getUserTriggers(ss)).toHaveLength(1);
    });

    it('should need authorization outside FULL', () => {
      const emu = setup();
      expect(() => emu.execution.run('simple-trigger', () => emu.gas.ScriptApp.newTrigger('t'))).toThrow('Authorization is required to perform that action.');
    });
  });

  describe('#deleteTrigger()', () => {
    it('should delete by the trigger object from getProjectTriggers', () => {
      const emu = setup();
      emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
      for (const t of emu.gas.ScriptApp.getProjectTriggers()) emu.gas.ScriptApp.deleteTrigger(t);
      expect(emu.triggers.list()).toHaveLength(0);
    });
  });

  describe('triggers.due()', () => {
    it('should return triggers whose next run has come and move them on markRan', () => {
      const emu = setup();
      emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
      expect(emu.triggers.due()).toHaveLength(0);
      emu.clock.advance(HOUR);
      const [due] = emu.triggers.due();
      expect(due?.handlerFunction).toBe('tick');
      emu.triggers.markRan(due?.id ?? '', emu.clock.now());
      expect(emu.triggers.due()).toHaveLength(0);
      expect(emu.triggers.due(emu.clock.now() + HOUR)).toHaveLength(1);
    });

    it('should fire one-off triggers once', () => {
      const emu = setup({ mode: 'bound' });
      emu.gas.ScriptApp.newTrigger('later').timeBased().after(60_000).create();
      const [t] = emu.triggers.due(emu.clock.now() + 60_000);
      emu.triggers.markRan(t?.id ?? '');
      expect(emu.triggers.due(emu.clock.now() + 10 * HOUR)).toHaveLength(0);
    });

    it('should align daily triggers with atHour in the script time zone', () => {
      const emu = setup();
      emu.gas.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();
      expect(emu.triggers.list()[0]?.nextRunAt).toBe(Date.UTC(2026, 0, 6, 5, 0, 0));
    });
  });

  describe('triggers per user and document (PLATFORM.md)', () => {
    it("should list the user's triggers of every document in getProjectTriggers, only this document's in getUserTriggers, and fire only this document's", () => {
      const emu = createEmulator({ latency: ZERO_LATENCY, userEmail: 'ann@example.com' });
      const ss = emu.gas.SpreadsheetApp.getActive();
      const other = emu.triggers.givenInOtherDocument('other-doc-id', 'tick', HOUR);
      emu.triggers.givenInOtherDocument('third-doc-id', 'tick', HOUR, 'bob@example.com');
      const here = emu.execution.run('rpc', () => {
        emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
        return {
          project: emu.gas.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()),
          user: emu.gas.ScriptApp.getUserTriggers(ss).length,
        };
      });
      // Ann's two (this document and the other one); Bob's is not hers.
      expect(here).toEqual({ project: ['tick', 'tick'], user: 1 });
      // One of each type per user and document: the other document's trigger does not count here.
      emu.clock.advance(HOUR);
      const due = emu.triggers.due();
      expect(due).toHaveLength(1);
      expect(due[0]!.id).not.toBe(other);
      expect(due[0]!.documentId).toBe(ss.getId());
    });
  });

  describe('triggers disabled without notice (PLATFORM.md)', () => {
    it('should keep listing a disabled trigger and never fire it again', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const ss = emu.gas.SpreadsheetApp.getActive();
      emu.execution.run('rpc', () => void emu.gas.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create());
      const id = emu.triggers.list()[0]!.id;
      emu.triggers.disable(id);
      emu.clock.advance(5 * HOUR);
      expect(emu.triggers.due()).toEqual([]);
      expect(emu.execution.run('rpc', () => emu.gas.ScriptApp.getUserTriggers(ss).length)).toBe(1);
    });
  });
});
