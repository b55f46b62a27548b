/**
 * docs/PLATFORM.md: "Time-driven triggers can be disabled without notice." Through the built
 * bundle: a poll trigger that is still listed but has not fired for over 3 hours while jobs wait is
 * set up again when the Jobs view opens, and says so once; a trigger that fires, or one just set
 * up, is left alone.
 */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect } from '../harness/scenarios';
import type { JobsView } from '../../src/app/contract';

const HOUR = 3_600_000;

function submitted() {
  const s = givenOpenProspect();
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
  s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Q1') });
  return s;
}

describe('a poll trigger disabled without notice (built bundle)', () => {
  it('should set up a trigger that stopped firing again when the Jobs view opens, say so once, and advance the job afterwards', () => {
    const s = submitted();
    const emu = s.addOn.emulator;
    // It fires once, then Apps Script disables it.
    expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
    const first = emu.triggers.list()[0]!;
    emu.triggers.disable(first.id);
    expect(s.addOn.runDueTriggers(2 * HOUR)).toBe(0);
    // Two hours of silence: not yet taken as disabled.
    let view = s.addOn.rpc<JobsView>('listJobs');
    expect(view.notice ?? '').not.toMatch(/had stopped/);
    expect(emu.triggers.list().map((t) => t.id)).toEqual([first.id]);

    expect(s.addOn.runDueTriggers(2 * HOUR)).toBe(0);
    view = s.addOn.rpc<JobsView>('listJobs');
    expect(view.notice).toMatch(/Background checks had stopped: Google had not run them for over 3 hours.*They are set up again\./);
    const now = emu.triggers.list();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(first.id);
    expect(now[0]!.disabled).not.toBe(true);
    // Said once: the next view is quiet.
    expect(s.addOn.rpc<JobsView>('listJobs').notice ?? '').not.toMatch(/had stopped/);

    // The new trigger moves the job on.
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
    expect(s.addOn.rpc<JobsView>('listJobs').jobs[0]!.state).toBe('DONE');
  });

  it('should leave a trigger that fires alone, however long the jobs wait', () => {
    const s = submitted();
    const id = s.addOn.emulator.triggers.list()[0]!.id;
    for (let i = 0; i < 6; i++) {
      expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
      expect(s.addOn.rpc<JobsView>('listJobs').notice ?? '').not.toMatch(/had stopped/);
    }
    expect(s.addOn.emulator.triggers.list().map((t) => t.id)).toEqual([id]);
  });

  it('should not take a trigger set up a moment ago as stopped, whatever an earlier job left in the cache', () => {
    const s = submitted();
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
    // Idle: the trigger goes. Four hours later a new job sets one up.
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    s.addOn.emulator.clock.advance(4 * HOUR);
    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Q2') });
    const id = s.addOn.emulator.triggers.list()[0]!.id;
    expect(s.addOn.rpc<JobsView>('listJobs').notice ?? '').not.toMatch(/had stopped/);
    expect(s.addOn.emulator.triggers.list().map((t) => t.id)).toEqual([id]);
  });
});
