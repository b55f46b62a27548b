/**
 * The user's cells (issue 18): mappings are kept by header text and column and re-resolved by
 * header before every run. A column inserted at A moves the ids one column right: a scheduled
 * gu1 re-run still sends the ids (not the names); a schedule whose mapped header is gone pauses
 * with the reason (built bundle).
 */
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows } from '../harness/scenarios';
import type { ScheduleView } from '../../src/app/contract';

const AFIP = 'ar_afip_enrichment';
const HOUR = 3_600_000;

function scheduled() {
  const s = givenGu1({ entities: gu1Ids(4) });
  s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(4)]);
  const r = s.addOn.rpc<{ job: { id: string; state: string } }>('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'Nightly', integrationCodes: [AFIP], forceRefresh: true },
    confirmed: true,
  });
  expect(r.job.state).toBe('DONE');
  s.addOn.rpc('createSchedule', { jobId: r.job.id, every: 'hourly' });
  return s;
}

const sentIds = (s: ReturnType<typeof givenGu1>): string[] => s.sim.ledger.map((l) => l.externalId);

describe('user cells: mappings by header (built bundle)', () => {
  it('should find the id column again by its header after the user inserts a column at A', () => {
    const s = scheduled();
    const before = sentIds(s).length;
    const sheet = s.addOn.emulator.spreadsheet.getSheetByName('Clients')!;
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1, 5, 1).setValues([['Phone'], ['+49 30 1'], ['+49 30 2'], ['+49 30 3'], ['+49 30 4']].map((r) => [`'${r[0]}`]));
    s.addOn.runDueTriggers(HOUR);
    expect(s.addOn.rpc<ScheduleView[]>('listSchedules')[0]!.pausedReason).toBeNull();
    expect(sentIds(s).slice(before).sort()).toEqual(gu1Ids(4));
  });

  it('should pause the schedule with the reason when the mapped header is gone', () => {
    const s = scheduled();
    const before = sentIds(s).length;
    s.addOn.emulator.spreadsheet.getSheetByName('Clients')!.getRange(1, 1).setValue('Kundennummer');
    s.addOn.runDueTriggers(HOUR);
    const [sched] = s.addOn.rpc<ScheduleView[]>('listSchedules');
    expect(sched!.pausedReason).toBe(
      'The column "Customer ID" (mapped to external_id) is no longer in the source; the headers changed since this run was set up. Map the columns again in the sidebar and start a new run.',
    );
    expect(sentIds(s)).toHaveLength(before);
  });
});
