/** Scenario builders in one place (after clasp's test/mocks.ts): an add-on with simulators and sheets. */
import { withFaults, type FaultRule } from '../../emulator/apis/faults';
import { createGu1Sim, type Gu1Sim, type Gu1SimOptions } from '../../emulator/apis/gu1';
import { createOpenProspectSim, type OpenProspectSim, type OpenProspectSimOptions, type OpenProspectVariant } from '../../emulator/apis/openprospect';
import type { HttpHandler } from '../../emulator/apis/types';
import type { EmulatorOptions } from '../../emulator';
import { loadAddOn, type AddOn } from './addon';
import { rpcOf } from './rpc';

export const OP_KEY = 'lnc_test_4c1e5b0a9d8f7e6d';
export const OP_BASE = 'https://api.openprospect.io';

export interface OpScenario {
  addOn: AddOn;
  sim: OpenProspectSim;
  faults: ReturnType<typeof withFaults>;
}

/** The add-on with the OpenProspect simulator mounted (optionally behind a fault schedule) and a key saved. */
export function givenOpenProspect(
  opts: {
    faults?: FaultRule[];
    scopes?: string[];
    emulator?: EmulatorOptions;
    seed?: number;
    saveKey?: boolean;
    variants?: OpenProspectVariant[];
    sim?: OpenProspectSimOptions;
  } = {},
): OpScenario {
  const addOn = loadAddOn(opts.emulator ?? {});
  const sim = createOpenProspectSim({ seed: opts.seed ?? 11, variants: opts.variants ?? [], ...(opts.sim ?? {}) });
  if (opts.scopes) sim.addKey(OP_KEY, opts.scopes);
  else sim.addKey(OP_KEY);
  const faults = withFaults(sim, opts.faults ?? []);
  addOn.emulator.http.register(OP_BASE, faults);
  if (opts.saveKey !== false) rpcOf(addOn)('saveApiKey', { provider: 'openprospect', key: OP_KEY });
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

// ---- gu1 -----------------------------------------------------------------------------------

export const GU1_KEY = 'gk_sandbox_9f8e7d6c5b4a3210';
export const GU1_BASE = 'https://api.gu1.ai';

export interface Gu1Scenario {
  addOn: AddOn;
  sim: Gu1Sim;
  faults: ReturnType<typeof withFaults>;
}

/**
 * The add-on with the gu1 simulator mounted (behind an optional fault schedule and an optional
 * wrapper, e.g. one that moves the clock) and a key saved; `entities` are registered in gu1.
 */
export function givenGu1(
  opts: {
    faults?: FaultRule[];
    emulator?: EmulatorOptions;
    sim?: Gu1SimOptions;
    entities?: string[];
    saveKey?: boolean;
    wrap?: (h: HttpHandler) => HttpHandler;
  } = {},
): Gu1Scenario {
  const addOn = loadAddOn(opts.emulator ?? {});
  const sim = createGu1Sim({ seed: 7, ...(opts.sim ?? {}) });
  sim.addKey(GU1_KEY);
  sim.addEntities(opts.entities ?? []);
  const faults = withFaults(sim, opts.faults ?? []);
  addOn.emulator.http.register(GU1_BASE, opts.wrap ? opts.wrap(faults) : faults);
  if (opts.saveKey !== false) rpcOf(addOn)('saveApiKey', { provider: 'gu1', key: GU1_KEY });
  return { addOn, sim, faults };
}

/** Header of `gu1Rows`: an id column the add-on recognises, and two columns of the user's own. */
export const GU1_HEADER = ['Customer ID', 'Name', 'Tax ID'];

/** `n` rows `CUST-0001`... with a name and a tax id (kept as text, leading zeros included). */
export function gu1Rows(n: number, offset = 0): unknown[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset + 1;
    return [`CUST-${String(i).padStart(4, '0')}`, `Cliente ${i}`, `0${30_700_000_000 + i}`];
  });
}

/** The external ids of `gu1Rows(n, offset)`. */
export function gu1Ids(n: number, offset = 0): string[] {
  return gu1Rows(n, offset).map((r) => r[0] as string);
}

// ---- Openmart ------------------------------------------------------------------------------
import { createOpenmartSim, type OpenmartSim, type OpenmartSimOptions } from '../../emulator/apis/openmart';

export const OM_SIM_KEY = 'om_live_7c3d9e1f2a4b6c8d';
export const OM_SIM_BASE = 'https://api.openmart.ai';

export interface OmScenario {
  addOn: AddOn;
  sim: OpenmartSim;
  faults: ReturnType<typeof withFaults>;
}

/**
 * The add-on with the Openmart simulator mounted (behind an optional fault schedule and an
 * optional wrapper, e.g. one that moves the clock) and a key saved.
 */
export function givenOpenmart(
  opts: { faults?: FaultRule[]; emulator?: EmulatorOptions; sim?: OpenmartSimOptions; saveKey?: boolean; wrap?: (h: HttpHandler) => HttpHandler } = {},
): OmScenario {
  const addOn = loadAddOn(opts.emulator ?? {});
  const sim = createOpenmartSim({ seed: 5, businesses: 1_500, ...(opts.sim ?? {}) });
  sim.addKey(OM_SIM_KEY);
  const faults = withFaults(sim, opts.faults ?? []);
  addOn.emulator.http.register(OM_SIM_BASE, opts.wrap ? opts.wrap(faults) : faults);
  if (opts.saveKey !== false) rpcOf(addOn)('saveApiKey', { provider: 'openmart', key: OM_SIM_KEY });
  return { addOn, sim, faults };
}

/** Header of `domainRows`. */
export const DOMAIN_HEADER = ['Company', 'Website', 'Country'];

/** `n` company rows with websites (`https://www.shop-<i>.example.com/`), no ids. */
export function domainRows(n: number, offset = 0): unknown[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    return [`Shop ${i}`, `https://www.shop-${i}.example.com/`, 'US'];
  });
}
