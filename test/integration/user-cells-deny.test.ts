/**
 * The user's cells (issue 18): the deny-rule check writes its result next to the range, and never
 * over a formula (whatever it shows: "" or "denied") or a value it did not write (built bundle).
 */
import { givenOpenmart } from '../harness/scenarios';
import { changedCells, snapshot } from '../harness/user-cells';

const EMAILS = [['Email'], ['ana@example.com'], ['bo@example.com'], ['cy@example.com']];

describe('user cells: deny-rule check (built bundle)', () => {
  it('should move right past formulas and values of the user, and rewrite only its own cells later', () => {
    const s = givenOpenmart();
    const ss = s.addOn.emulator.spreadsheet;
    ss.givenSheet(
      'Check',
      EMAILS.map((r, i) => [...r, '', i === 2 ? 'denied' : '']),
    );
    const sheet = ss.getSheetByName('Check')!;
    // Column B: formulas showing "" and "denied"; column C: a value "denied" the user typed.
    sheet.getRange(2, 2).setFormula('=""');
    sheet.getRange(3, 2).setFormula('="denied"');
    const before = snapshot(s.addOn, 'Check');

    s.addOn.rpc('addOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A2:A2" } });
    const first = s.addOn.rpc<{ written: string; denied: number }>('checkOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A1:A4" } });
    expect(first).toMatchObject({ written: "'Check'!D1:D4", denied: 1 });
    const after = snapshot(s.addOn, 'Check');
    expect(changedCells(before, after)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(ss.sheetFormulas('Check').map((r) => r[1])).toEqual(['', '=""', '="denied"', '']);
    expect(ss.sheetValues('Check').map((r) => r[3])).toEqual(['Openmart deny rule', 'denied', 'not denied', 'not denied']);

    // A second check rewrites its own column in place (no new column).
    s.addOn.rpc('removeOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A2:A2" } });
    expect(s.addOn.rpc<{ written: string }>('checkOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A1:A4" } }).written).toBe("'Check'!D1:D4");
    expect(changedCells(after, snapshot(s.addOn, 'Check'))).toEqual(['D2']);

    // The user types into the result column: that column is theirs now, the next check moves on.
    sheet.getRange(3, 4).setValue('checked by hand');
    const typed = snapshot(s.addOn, 'Check');
    expect(s.addOn.rpc<{ written: string }>('checkOpenmartDenyRules', { type: 'email', source: { a1: "'Check'!A1:A4" } }).written).toBe("'Check'!E1:E4");
    expect(changedCells(typed, snapshot(s.addOn, 'Check'))).toEqual(['E1', 'E2', 'E3', 'E4']);
  });
});
