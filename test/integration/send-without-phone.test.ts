/**
 * "Send without the phone" (issue 18): rows whose phone cell shows #ERROR! (Sheets parsed what was
 * typed as a formula, and the formula is not a phone number to read back) are refused by default;
 * the preview offers to send them without the phone, and then they go out with no phone while every
 * other row goes out exactly as before (built bundle). The sheet is not written.
 */
import { enrichmentOptions, givenOpenProspect, type OpScenario } from '../harness/scenarios';
import { snapshot } from '../harness/user-cells';

const HOUR = 60 * 60_000;

interface Preview {
  mapping: Record<string, number>;
  hints: string[];
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  validCount: number;
  brokenPhoneRows: number[];
}

type Company = Record<string, unknown>;

/** Leads with ids: a plain phone, a typed +49 phone (read back), two broken phone cells, no phone. */
function givenLeads(s: OpScenario): void {
  const ss = s.addOn.emulator.spreadsheet;
  ss.givenSheet('Leads', [
    ['Company', 'Website', 'Phone', 'ID'],
    ['Alpha GmbH', 'https://alpha.example.de', '030 1111111', 'L-1'],
  ]);
  const sheet = ss.getSheetByName('Leads')!;
  sheet.getRange(3, 1, 4, 4).setValues([
    ['Beta GmbH', 'https://beta.example.de', '+49 30 1234567', 'L-2'],
    ['Gamma GmbH', 'https://gamma.example.de', '', 'L-3'],
    ['Delta GmbH', 'https://delta.example.de', '', 'L-4'],
    ['Epsilon GmbH', 'https://epsilon.example.de', '', 'L-5'],
  ]);
  sheet.getRange(4, 3).setFormula('=C2+');
  sheet.getRange(6, 3).setFormula('=+49 30 ABC');
  expect(ss.sheetValues('Leads').map((r) => r[2])).toEqual(['Phone', '030 1111111', '#ERROR!', '#ERROR!', '', '#ERROR!']);
}

function preview(s: OpScenario, withoutBrokenPhones?: boolean): Preview {
  return s.addOn.rpc<Preview>('previewEnrichment', { source: { sheetName: 'Leads' }, ...(withoutBrokenPhones === undefined ? {} : { withoutBrokenPhones }) });
}

/** The companies of every order POST, exactly as the add-on sent them (the raw bodies). */
function sent(s: OpScenario): Company[] {
  return s.sim.requests
    .filter((r) => r.method === 'POST' && r.body !== undefined)
    .flatMap((r) => (JSON.parse(r.body as string) as { companies?: Company[] }).companies ?? []);
}

describe('send without the phone (built bundle)', () => {
  it('should offer the rows whose phone shows #ERROR!, and refuse them until asked', () => {
    const s = givenOpenProspect();
    givenLeads(s);
    const p = preview(s);
    expect(p.mapping).toMatchObject({ phone: 2, external_id: 3 });
    // Row 3 held a phone number in its formula: read back, not offered.
    expect(p.brokenPhoneRows).toEqual([4, 6]);
    expect(p.invalid.map((r) => r.rowNumber)).toEqual([4, 6]);
    expect(p.hints).toContain('Rows 4, 6: the phone cell shows #ERROR!; "Send without the phone" sends these rows without the phone, or fix the cells.');

    const q = preview(s, true);
    expect(q.brokenPhoneRows).toEqual([4, 6]);
    expect(q.invalid).toEqual([]);
    expect(q.validCount).toBe(p.validCount + 2);
    expect(q.hints).toContain('Rows 4, 6: the phone cell shows #ERROR!; these rows are sent without the phone.');
  });

  it('should send those rows with no phone and every other row unchanged, writing nothing', () => {
    const plain = givenOpenProspect();
    givenLeads(plain);
    plain.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: preview(plain).mapping, options: enrichmentOptions('Leads') });
    const before = sent(plain);
    expect(before.map((c) => c['external_id'])).toEqual(['L-1', 'L-2', 'L-4']);

    const s = givenOpenProspect();
    givenLeads(s);
    const cells = snapshot(s.addOn, 'Leads');
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: preview(s, true).mapping,
      options: enrichmentOptions('Leads'),
      withoutBrokenPhones: true,
    });
    const after = sent(s);
    expect(after.map((c) => c['external_id'])).toEqual(['L-1', 'L-2', 'L-3', 'L-4', 'L-5']);
    // The two offered rows go out without a phone; the others exactly as without the choice.
    for (const id of ['L-3', 'L-5']) {
      const c = after.find((x) => x['external_id'] === id)!;
      expect(c).not.toHaveProperty('phone');
      expect(c['company_name']).toBe(id === 'L-3' ? 'Gamma GmbH' : 'Epsilon GmbH');
    }
    expect(after.filter((c) => c['external_id'] !== 'L-3' && c['external_id'] !== 'L-5')).toEqual(before);
    expect(after.find((c) => c['external_id'] === 'L-2')?.['phone']).toBe('+49 30 1234567');
    expect(snapshot(s.addOn, 'Leads')).toEqual(cells);
  });

  it('should rebuild the same body after a killed submit (the choice is kept with the job): one order', () => {
    const s = givenOpenProspect();
    givenLeads(s);
    // The order POST takes 7 minutes: the submit is killed after OpenProspect created the order.
    const slow = {
      handle(req: Parameters<typeof s.sim.handle>[0]) {
        const out = s.faults.handle(req);
        return req.method === 'POST' && 'status' in out ? { ...out, latencyMs: 420_000 } : out;
      },
    };
    s.addOn.emulator.http.register('https://api.openprospect.io', slow);
    expect(() =>
      s.addOn.rpc('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: preview(s, true).mapping,
        options: enrichmentOptions('Killed'),
        withoutBrokenPhones: true,
      }),
    ).toThrow(/longer than Apps Script allows|Exceeded maximum execution time/);
    expect(s.sim.orders()).toHaveLength(1);
    s.addOn.emulator.http.register('https://api.openprospect.io', s.faults);
    s.addOn.runDueTriggers(HOUR);
    // The trigger re-sent the same body under the same key: OpenProspect answered with the first order.
    expect(s.sim.orders()).toHaveLength(1);
    expect(s.sim.counts.idempotentReplays).toBe(1);
    // Both POSTs carried the rows without the phone (the choice was kept, not lost on resume).
    const bodies = s.sim.requests
      .filter((r) => r.method === 'POST' && r.body !== undefined)
      .map((r) => (JSON.parse(r.body as string) as { companies: Company[] }).companies);
    expect(bodies).toHaveLength(2);
    for (const companies of bodies) expect(companies.map((c) => c['external_id'])).toEqual(['L-1', 'L-2', 'L-3', 'L-4', 'L-5']);
    const job = s.addOn.rpc<{ jobs: Array<{ state: string }> }>('listJobs').jobs[0]!;
    expect(job.state).toBe('WAITING');
  });
});
