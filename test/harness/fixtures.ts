/** Small fixtures unit tests share (scenario builders for the built bundle live in scenarios.ts). */
import { createEmulator } from '../../emulator/index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An in-memory PropertiesService store with its raw data exposed. */
export function memoryProps(): GoogleAppsScript.Properties.Properties & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return {
    data,
    getProperty: (k: string) => data[k] ?? null,
    setProperty(k: string, v: string) {
      data[k] = v;
      return this;
    },
    deleteProperty(k: string) {
      delete data[k];
      return this;
    },
    getKeys: () => Object.keys(data),
    getProperties: () => ({ ...data }),
  } as unknown as GoogleAppsScript.Properties.Properties & { data: Record<string, string> };
}

/** An emulated spreadsheet whose first sheet `Leads` holds `rows` typed in from A1 (as a user would). */
export function givenLeadsSheet(rows: unknown[][]): { ss: Spreadsheet; calls: (name: string) => number; reset: () => void } {
  const emu = createEmulator();
  const ss: Spreadsheet = emu.spreadsheet;
  const sheet = ss.getSheets()[0];
  if (sheet === undefined) throw new Error('no sheet');
  sheet.setName('Leads');
  const width = Math.max(...rows.map((r) => r.length));
  if (rows.length > 0) sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...Array<unknown>(width - r.length).fill('')]));
  emu.counters.reset();
  return { ss, calls: (name) => emu.counters.get(name), reset: () => emu.counters.reset() };
}
