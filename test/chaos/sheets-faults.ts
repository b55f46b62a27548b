/** Google's transient Sheets failures as seeded chaos faults (emulator/gas/sheets-faults.ts). */
import type { ServiceCallInfo } from '../../emulator';
import { Rng } from '../../emulator/gas/rng';
import { SHEETS_FAULT_KINDS, sheetsFaultText } from '../../emulator/gas/sheets-faults';

export interface SheetsFaultSpec {
  seed: number;
  /** Share of Sheets calls that fail. */
  rate: number;
  /** At most this many in a run (default 3: rare events; a user who meets one tries again). */
  max?: number;
}

/** A service-call listener part: `{ fail }` for the Sheets calls that fail, naming each kind to `count`. */
export function sheetsFaulter(spec: SheetsFaultSpec | undefined, count: (kind: string) => void): (c: ServiceCallInfo) => { fail: string } | undefined {
  if (!spec) return () => undefined;
  const rng = new Rng(spec.seed ^ 0x5ee75);
  let left = spec.max ?? 3;
  return (c) => {
    if (left <= 0 || c.family !== 'sheets' || c.execution === null || rng.next() >= spec.rate) return undefined;
    left--;
    const kind = SHEETS_FAULT_KINDS[rng.int(SHEETS_FAULT_KINDS.length)] ?? 'server-error';
    count(kind);
    return { fail: sheetsFaultText(kind, 'the-spreadsheet-id') };
  };
}
