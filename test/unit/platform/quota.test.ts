import { createEmulator } from '../../../emulator';
import { QuotaMeter, dayOf, nextDayStart } from '../../../src/platform/quota';

describe('platform/quota', () => {
  describe('QuotaMeter', () => {
    it('should count in memory, write once, and start a new day at 0', () => {
      const em = createEmulator();
      const props = em.gas.PropertiesService.getUserProperties();
      const meter = new QuotaMeter(props, () => em.clock.now());
      meter.addFetches(120);
      meter.addTriggerTime(60_000);
      expect(em.properties.user()).toEqual({});
      meter.flush();
      const again = new QuotaMeter(props, () => em.clock.now());
      expect(again.usage()).toMatchObject({ urlFetch: 120, triggerMs: 60_000 });
      expect(again.fetchesLeft()).toBe(19_000 - 120);
      em.clock.set(nextDayStart(em.clock.now()));
      expect(again.usage()).toMatchObject({ day: dayOf(em.clock.now()), urlFetch: 0, triggerMs: 0 });
    });

    it('should use the Workspace limits when told', () => {
      const em = createEmulator();
      const meter = new QuotaMeter(em.gas.PropertiesService.getUserProperties(), () => em.clock.now(), 'workspace');
      expect(meter.fetchesLeft()).toBe(95_000);
      expect(meter.triggerMsLeft()).toBe(Math.floor(6 * 60 * 60_000 * 0.95));
    });
  });
});
