/** Openmart deny rules from a selected range, and their effect on a later batch (built bundle). */
import { givenOpenmart, OM_SIM_KEY, tabObjects } from '../harness/scenarios';
import { HOUR, type SubmitResult } from './openmart-helpers';

const ROWS = [
  ['Company', 'Website'],
  ['Allbirds', 'allbirds.com'],
];
const OPTIONS = { title: '', role: 'Head of Marketing', max_k: 4 };

function run(s: ReturnType<typeof givenOpenmart>, title: string): Array<Record<string, unknown>> {
  s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: { ...OPTIONS, title } });
  s.sim.completeTasks();
  s.addOn.runDueTriggers(HOUR);
  return tabObjects(s.addOn, `${title} - People`).filter((x) => x['index'] !== 0);
}

describe('Openmart deny rules (built bundle)', () => {
  it('should add, check (next to the range) and remove rules from a range, and suppress a denied person from a later batch', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', ROWS);
    const first = run(s, 'Before');
    const person = first.find((p) => p['email'] !== '' && p['phones'] !== '') ?? first.find((p) => p['email'] !== '')!;
    const email = String(person['email']);
    const phones = String(person['phones'] ?? '')
      .split('\n')
      .filter((x) => x !== '')
      .map((x) => x.split(' ')[0] as string);

    s.addOn.emulator.spreadsheet.givenSheet('Block', [
      ['Email', 'Phone'],
      [email, phones[0] ?? ''],
      ['ok@example.com', ''],
    ]);
    s.addOn.emulator.spreadsheet.select("'Block'!A1:A2");
    expect(s.addOn.rpc('addOpenmartDenyRules', { type: 'email' })).toEqual({ type: 'email', values: 1, skipped: 1 });
    if (phones.length > 0) {
      s.addOn.emulator.spreadsheet.select("'Block'!B1:B2");
      expect(s.addOn.rpc('addOpenmartDenyRules', { type: 'phone', source: 'selection' })).toMatchObject({ type: 'phone', values: 1 });
    }
    expect(s.sim.denyRules(OM_SIM_KEY).email).toContain(email.toLowerCase());

    // The check goes into the column right of the range, in one write.
    s.addOn.emulator.spreadsheet.givenSheet('Check', [['Email'], [email], ['ok@example.com'], ['']]);
    s.addOn.emulator.counters.reset();
    const check = s.addOn.rpc<{ denied: number; written: string }>('checkOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A1:A4" } });
    expect(check).toMatchObject({ denied: 1, written: "'Check'!B1:B4" });
    expect(s.addOn.emulator.counters.get('Range.setValues')).toBe(1);
    expect(s.addOn.emulator.spreadsheet.sheetValues('Check')).toEqual([
      ['Email', 'Openmart deny rule'],
      [email, 'denied'],
      ['ok@example.com', 'not denied'],
    ]);
    // A second check rewrites its own column; a user column there is never overwritten.
    s.addOn.rpc('checkOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A1:A4" } });
    s.addOn.emulator.spreadsheet.givenSheet('Busy', [
      ['Email', 'Mine'],
      [email, 'keep me'],
    ]);
    expect(s.addOn.rpc('checkOpenmartDenyRules', { type: 'email', source: { a1: "'Busy'!A1:A2" } })).toMatchObject({ written: "'Busy'!C1:C2" });
    expect(s.addOn.emulator.spreadsheet.sheetValues('Busy')[1]).toEqual([email, 'keep me', 'denied']);

    const later = run(s, 'After');
    expect(later.map((p) => p['email'])).not.toContain(email);
    if (phones.length > 0) expect(later.some((p) => p['first_name'] === person['first_name'] && p['last_name'] === person['last_name'])).toBe(false);

    s.addOn.emulator.spreadsheet.select("'Block'!A1:A3");
    expect(s.addOn.rpc('removeOpenmartDenyRules', { type: 'email' })).toEqual({ type: 'email', values: 2, skipped: 1 });
    s.addOn.rpc('checkOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A1:A4" } });
    expect(s.addOn.emulator.spreadsheet.sheetValues('Check')[1]).toEqual([email, 'not denied']);
    const deletes = s.addOn.emulator.http.log.filter((e) => e.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(JSON.parse(deletes[0]!.body ?? '{}')).toEqual({ type: 'email', values: [email, 'ok@example.com'] });
  });
});
