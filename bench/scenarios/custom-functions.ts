/**
 * Custom functions: OPENMART_ENRICH over a 500-row column, cold (nothing cached) and warm (the
 * same column recalculated). The add-on is measured as one range formula, `=OPENMART_ENRICH(B2:B501)`
 * (misses sent as fetchAll waves, answers cached); cold counts every recalculation it takes until
 * each cell holds an answer (a call stops inside its 25-second plan and says "recalculate to
 * fetch the rest"). The baseline is a naive formula filled down: one execution and one fetch per
 * cell, no cache. The add-on's single-cell form (filled down) is measured too and printed as a note.
 */
import { createOpenmartSim, OPENMART_BASE_URL, type OpenmartSim } from '../../emulator/apis/openmart';
import { loadAddOn, type AddOn } from '../../test/harness/addon';
import { naiveEnrich } from '../baseline/custom-function';
import { Meter, type Measured } from '../measure';

const OM_KEY = 'om_bench_5f2a9c7e1b3d';

interface World {
  addOn: AddOn;
  sim: OpenmartSim;
  urls: string[];
}

function world(rows: number): World {
  // Measures paid formulas, which record their spending in document properties: opted in.
  const addOn = loadAddOn({ customFunctionPropertyWrites: 'shared' });
  const sim = createOpenmartSim({ seed: 3 });
  sim.addKey(OM_KEY);
  addOn.emulator.http.register(OPENMART_BASE_URL, sim);
  addOn.rpc('saveApiKey', { provider: 'openmart', key: OM_KEY });
  addOn.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: 100_000 });
  const urls = sim
    .businesses()
    .map((b) => String(b.content['root_domain'] ?? ''))
    .filter((d, i, all) => d !== '' && all.indexOf(d) === i)
    .slice(0, rows);
  if (urls.length < rows) throw new Error(`the simulator has only ${urls.length} distinct domains`);
  addOn.emulator.spreadsheet.givenSheet('Sites', [['Website'], ...urls.map((u) => [u])]);
  return { addOn, sim, urls };
}

/** Cells that hold a business row (not an error or "no match" text). */
function answered(value: unknown): number {
  return (value as unknown[][]).filter((r) => Array.isArray(r) && r.length > 1 && String(r[0]) !== '' && !String(r[0]).startsWith('⚠')).length;
}

/** custom-function-cold and custom-function-warm, add-on. */
export function addonCustomFunction(n: number): Measured[] {
  const w = world(n);
  const column = w.urls.map((u) => [u]);
  const run = (scenario: 'custom-function-cold' | 'custom-function-warm', maxEvaluations: number): Measured => {
    const meter = new Meter(w.addOn.emulator);
    const got: number[] = [];
    let failed: string | undefined;
    while (got.length < maxEvaluations && (got.length === 0 || (got[got.length - 1] ?? 0) < n)) {
      try {
        got.push(answered(w.addOn.call('custom-function', 'OPENMART_ENRICH', column)));
      } catch (e) {
        failed = e instanceof Error ? e.message : String(e);
        break;
      }
    }
    const m = meter.stop(scenario, n, 'addon');
    if (failed !== undefined) m.extras.problem = `the formula failed: ${failed}`;
    else m.extras.note = `cells answered after each evaluation: ${got.join(', ')} of ${n}`;
    if ((got[got.length - 1] ?? 0) < n) m.extras.problem ??= `only ${got[got.length - 1] ?? 0} of ${n} cells answered`;
    return m;
  };
  const cold = run('custom-function-cold', 10);
  const warm = run('custom-function-warm', 1);
  // The same formula filled down (one execution per cell), in a fresh document.
  const cells = world(n);
  const perCell = (): { calls: number; ms: number } => {
    const before = cells.addOn.emulator.counters.get('UrlFetchApp.requests');
    let spent = 0;
    for (const u of cells.urls) {
      const t = cells.addOn.emulator.clock.now();
      cells.addOn.call('custom-function', 'OPENMART_ENRICH', u);
      spent += cells.addOn.emulator.clock.now() - t;
    }
    return { calls: cells.addOn.emulator.counters.get('UrlFetchApp.requests') - before, ms: spent };
  };
  const c = perCell();
  const h = perCell();
  cold.extras.note = `${cold.extras.note ?? ''}; filled down as ${n} single-cell formulas: ${c.calls} UrlFetch calls, ${(c.ms / 1000).toFixed(1)} s`;
  warm.extras.note = `${warm.extras.note ?? ''}; filled down as ${n} single-cell formulas: ${h.calls} UrlFetch calls, ${(h.ms / 1000).toFixed(1)} s`;
  return [cold, warm];
}

/** custom-function-cold and custom-function-warm, baseline (one execution per cell). */
export function baselineCustomFunction(n: number): Measured[] {
  const w = world(n);
  const gas = w.addOn.emulator.gas;
  const run = (scenario: 'custom-function-cold' | 'custom-function-warm'): Measured => {
    const meter = new Meter(w.addOn.emulator);
    let ok = 0;
    for (const u of w.urls) {
      if (w.addOn.emulator.execution.run('custom-function', () => naiveEnrich(gas, OPENMART_BASE_URL, OM_KEY, u)) !== '') ok++;
    }
    const m = meter.stop(scenario, n, 'baseline');
    m.extras.note = `${ok} of ${n} cells answered`;
    return m;
  };
  return [run('custom-function-cold'), run('custom-function-warm')];
}
