import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';
import { BURST_CALLS, PROPERTIES_PER_DAY } from '../../emulator/gas/properties-quota';

/** `n` Properties calls by the current user (executions of 5,000), under the burst limit. */
function reads(emu: ReturnType<typeof createEmulator>, n: number): void {
  for (let left = n; left > 0; left -= 5_000) {
    emu.clock.advance(1_000);
    emu.execution.run('rpc', () => {
      const props = emu.gas.PropertiesService.getUserProperties();
      for (let i = 1; i < Math.min(left, 5_000); i++) {
        if (i % (BURST_CALLS - 1) === 0) emu.gas.Utilities.sleep(1_000);
        props.getProperty('k');
      }
    });
  }
}

describe('emulator Properties quota (PLATFORM.md)', () => {
  it("should refuse the 50,001st call of a consumer user's day with Google's text, count every user apart, and reset the next UTC day", () => {
    const emu = createEmulator({ latency: ZERO_LATENCY, userEmail: 'ann@example.com', startTime: Date.UTC(2026, 0, 5, 0, 0) });
    // Spread over several executions: the quota is per user across all of them.
    reads(emu, 20_000);
    reads(emu, 30_000);
    expect(emu.properties.callsToday()).toBe(PROPERTIES_PER_DAY.consumer);
    expect(() => emu.execution.run('rpc', () => emu.gas.PropertiesService.getUserProperties())).toThrow(
      'Service invoked too many times for one day: properties.',
    );
    // Another user of the same document has their own quota.
    expect(() => emu.execution.run('rpc', () => emu.gas.PropertiesService.getDocumentProperties().getKeys(), { user: 'bob@example.com' })).not.toThrow();
    expect(emu.properties.callsToday('bob@example.com')).toBe(2);
    emu.clock.set(Date.UTC(2026, 0, 6, 0, 0));
    expect(() => emu.execution.run('rpc', () => emu.gas.PropertiesService.getUserProperties())).not.toThrow();
  });

  it('should give a Workspace account 500,000 a day', () => {
    const emu = createEmulator({ latency: ZERO_LATENCY, accountType: 'workspace' });
    reads(emu, 50_001);
    expect(emu.properties.callsToday()).toBe(50_001);
    expect(PROPERTIES_PER_DAY.workspace).toBe(500_000);
  });

  it('should refuse a burst with the short-time text, and accept calls again a second later', () => {
    const emu = createEmulator({ latency: ZERO_LATENCY });
    const out = emu.execution.run('trigger', () => {
      const props = emu.gas.PropertiesService.getDocumentProperties();
      let made = 1;
      try {
        for (;;) {
          props.getProperty('k');
          made++;
        }
      } catch (e) {
        emu.gas.Utilities.sleep(1_000);
        props.getProperty('k');
        return { made, error: (e as Error).message };
      }
    });
    expect(out).toEqual({ made: BURST_CALLS, error: 'Service invoked too many times in a short time: properties. Try Utilities.sleep(1000) between calls.' });
  });

  it('should not count calls made outside any execution (test setup)', () => {
    const emu = createEmulator({ latency: ZERO_LATENCY });
    for (let i = 0; i < 200; i++) emu.gas.PropertiesService.getScriptProperties();
    expect(emu.properties.callsToday()).toBe(0);
  });
});
