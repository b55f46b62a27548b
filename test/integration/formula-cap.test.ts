/**
 * The formula credit cap in a shared spreadsheet, through the built bundle: a co-editor's
 * formulas (run with the owner's settings and key) spend at most the owner's daily cap per UTC
 * day, across idle hours and cache evictions, and the co-editor cannot raise it.
 */
import { createOpenmartFake, OM_BASE, OM_KEY } from '../harness/openmart-fake';
import { loadAddOn } from '../harness/addon';

const HOUR = 3_600_000;
const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';

/** Formulas record their spending in document properties: opted in here, except where a test says 'none'. */
function setup(opts: { customFunctionPropertyWrites?: 'shared' | 'none' } = { customFunctionPropertyWrites: 'shared' }) {
  const addOn = loadAddOn({ userEmail: OWNER, ownerEmail: OWNER, startTime: Date.UTC(2026, 0, 5, 0, 30), ...opts });
  const om = createOpenmartFake({ latencyMs: 0 });
  addOn.emulator.http.register(OM_BASE, om);
  addOn.rpc('saveApiKey', { provider: 'openmart', key: OM_KEY });
  addOn.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: 20 });
  return { addOn, om, start: om.balance };
}

/** The editor's formula `=OPENMART_SEARCH("<query>", "Austin, TX", 5)`; its answer or its error text. */
function editorSearch(addOn: ReturnType<typeof setup>['addOn'], query: string): unknown {
  try {
    return addOn.as(EDITOR).call('custom-function', 'OPENMART_SEARCH', query, 'Austin, TX', 5);
  } catch (e) {
    return (e as Error).message;
  }
}

describe('formula credit cap in a shared spreadsheet (built bundle)', () => {
  it('should spend at most the cap over a whole UTC day with cache evictions and a 7-hour idle gap', () => {
    const { addOn, om, start } = setup();
    const answers: unknown[] = [];
    for (let h = 0; h < 24; h++) {
      // 07:30 to 13:30 UTC nobody recalculates; every hour the caches lose everything.
      if (h < 7 || h > 13) answers.push(editorSearch(addOn, `query ${h}`));
      addOn.emulator.cache.evictAll();
      addOn.emulator.clock.advance(HOUR);
    }
    expect(start - om.balance).toBe(20);
    expect(answers.filter((a) => typeof a === 'string' && /Today's formula credit cap \(20\) is used up/.test(a)).length).toBeGreaterThan(10);
    // Every request was paid with the owner's key, by the editor's executions.
    expect(new Set(addOn.emulator.http.log.map((e) => `${e.user} ${e.headers['x-api-key']}`))).toEqual(new Set([`${EDITOR} ${OM_KEY}`]));

    // The next UTC day (now 00:30 on Jan 6) the cap is fresh.
    expect(editorSearch(addOn, 'next day')).toEqual(expect.any(Array));
    expect(start - om.balance).toBe(25);
  });

  it("should not let a co-editor raise the cap or turn spending on: formulas read only the owner's settings", () => {
    const { addOn, om, start } = setup();
    addOn.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: 5 });
    addOn.as(EDITOR).rpc('saveApiKey', { provider: 'openmart', key: 'om_editor_0a1b2c3d4e5f' });
    addOn.as(EDITOR).rpc('saveFormulaSettings', { spendCredits: true, dailyCap: 1000 });
    editorSearch(addOn, 'a');
    expect(editorSearch(addOn, 'b')).toMatch(/Today's formula credit cap \(5\) is used up/);
    expect(start - om.balance).toBe(5);
    addOn.rpc('saveFormulaSettings', { spendCredits: false, dailyCap: 5 });
    addOn.emulator.clock.advance(24 * HOUR);
    expect(editorSearch(addOn, 'c')).toMatch(/off until "Formulas may spend credits" is turned on/);
    expect(start - om.balance).toBe(5);
  });

  it('should spend nothing, and say so, where formulas cannot record their spending', () => {
    const { addOn, om, start } = setup({ customFunctionPropertyWrites: 'none' });
    expect(editorSearch(addOn, 'a')).toMatch(/cannot record what formulas spend, so formulas spend no credits here/);
    expect(om.balance).toBe(start);
  });
});
