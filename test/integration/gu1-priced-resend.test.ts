/**
 * Issue 20, through the built bundle: a gu1 wave is billed and answered, then the run dies (a kill,
 * or a transient Sheets failure) while it writes the answers into the tab. The wave's rows stay in
 * flight and the next run re-sends them without forceRefresh, so gu1's cache answers them at 0
 * cost; they must count as "up to" at the price the lost answers showed, so that what the job
 * reports covers what gu1 billed (README "What you pay for"). Independent of chaos kill points:
 * the failure is placed at the first Sheets write after the first fetchAll.
 */
import { sheetsFaultText } from '../../emulator/gas/sheets-faults';
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows } from '../harness/scenarios';
import type { JobView } from '../../src/app/job-view';

const HOUR = 3_600_000;
const TWO_CODES = ['ar_afip_enrichment', 'br_cpfcnpj_complete_company_enrichment'];

function jobsOf(addOn: { rpc<T>(name: string, ...args: unknown[]): T }): JobView[] {
  return addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

describe('gu1: a wave answered, then the run dies writing it (built bundle)', () => {
  it.each(['kill', 'sheets-timeout'] as const)('should count what gu1 billed for the wave when the first tab write after its answer is hit by %s', (how) => {
    // One wave: no later paid answer teaches the price the lost answers showed.
    const rows = 8;
    const s = givenGu1({ entities: gu1Ids(rows) });
    const emu = s.addOn.emulator;
    emu.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(rows)]);
    let answered = false;
    let hit = false;
    emu.execution.onServiceCall((c) => {
      if (c.service === 'UrlFetchApp' && c.method.startsWith('fetch')) answered = true;
      else if (answered && !hit && c.family === 'sheets' && /^(insert|set)/.test(c.method)) {
        hit = true;
        return how === 'kill' ? 'kill' : { fail: sheetsFaultText('sheets-timeout', emu.spreadsheet.getId()) };
      }
      return undefined;
    });
    try {
      s.addOn.rpc('submitGu1', {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'KYB', integrationCodes: TWO_CODES },
        confirmed: true,
      });
    } catch {
      // the killed submit: its job is stored, the trigger goes on with it
    }
    expect(hit).toBe(true);
    for (let i = 0; i < 8 && jobsOf(s.addOn).some((j) => j.open); i++) s.addOn.runDueTriggers(HOUR);
    const job = jobsOf(s.addOn)[0] as JobView;
    expect(job.state).toBe('DONE');
    const billed = s.sim.billedCents();
    expect(billed).toBe(rows * 125);
    const cost = job.counts['costCents'] ?? 0;
    const maybe = job.counts['maybeBilledCents'] ?? 0;
    expect(cost).toBeLessThanOrEqual(billed);
    expect({ billed, covered: billed <= cost + maybe }).toEqual({ billed, covered: true });
  });
});
