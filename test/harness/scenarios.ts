/** Scenario builders in one place (after clasp's test/mocks.ts): an add-on with simulators and sheets. */
import { withFaults, type FaultRule } from '../../emulator/apis/faults';
import { createOpenProspectSim, type OpenProspectSim } from '../../emulator/apis/openprospect';
import type { EmulatorOptions } from '../../emulator';
import { loadAddOn, type AddOn } from './addon';

export const OP_KEY = 'lnc_test_4c1e5b0a9d8f7e6d';
export const OP_BASE = 'https://api.openprospect.io';

export interface OpScenario {
  addOn: AddOn;
  sim: OpenProspectSim;
  faults: ReturnType<typeof withFaults>;
}

/** The add-on with the OpenProspect simulator mounted (optionally behind a fault schedule) and a key saved. */
export function givenOpenProspect(opts: { faults?: FaultRule[]; scopes?: string[]; emulator?: EmulatorOptions; seed?: number; saveKey?: boolean } = {}): OpScenario {
  const addOn = loadAddOn(opts.emulator ?? {});
  const sim = createOpenProspectSim({ seed: opts.seed ?? 11 });
  if (opts.scopes) sim.addKey(OP_KEY, opts.scopes);
  else sim.addKey(OP_KEY);
  const faults = withFaults(sim, opts.faults ?? []);
  addOn.emulator.http.register(OP_BASE, faults);
  if (opts.saveKey !== false) addOn.rpc('saveApiKey', { provider: 'openprospect', key: OP_KEY });
  return { addOn, sim, faults };
}

/** A companies sheet: header + rows (written literally, as a user would have them). */
export function givenCompanies(addOn: AddOn, name: string, header: string[], rows: unknown[][]): void {
  addOn.emulator.spreadsheet.givenSheet(name, [header, ...rows]);
}

/** `n` plausible company rows without ids: Company, Website, City, Country. */
export function companyRows(n: number, offset = 0): unknown[][] {
  const cities = ['Berlin', 'Hamburg', 'München', 'Köln', 'Leipzig'];
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    return [`Company ${i} GmbH`, `https://company-${i}.example.de`, cities[i % cities.length], 'Germany'];
  });
}

/** Header row of `companyRows`. */
export const COMPANY_HEADER = ['Company', 'Website', 'City', 'Country'];

/** Every row of a tab as objects keyed by its header. */
export function tabObjects(addOn: AddOn, tab: string): Array<Record<string, unknown>> {
  const values = addOn.emulator.spreadsheet.sheetValues(tab);
  const [header, ...rows] = values;
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}

/** Minimal enrichment options the sidebar would send. */
export function enrichmentOptions(title: string): Record<string, unknown> {
  return { title, features: ['COMPANY_DATA', 'CONTACTS'], profile_name: `${title} profile`, priority: 'NORMAL' };
}
