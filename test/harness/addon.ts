/**
 * The built add-on in the emulator, for tests: the shared loader (emulator/addon.ts, also used by
 * the playground) over dist/, read once per test file.
 */
import { join } from 'node:path';
import type { EmulatorOptions } from '../../emulator';
import { loadAddOn as load, readBundle, type AddOn, type AddOnBundle, type ExecutionKind } from '../../emulator/addon';

export type { AddOn, ExecutionKind };

const DIST = join(__dirname, '../../dist');
let cached: AddOnBundle | undefined;

let defaults: EmulatorOptions = {};

/**
 * Options every add-on loaded from now on starts from (a caller's own options win). The chaos
 * suite turns off CPU-time charging so a seed replays exactly (emulator/costs.ts, cpuFactor).
 */
export function setEmulatorDefaults(opts: EmulatorOptions): void {
  defaults = opts;
}

/** Load the built add-on into a fresh emulator. */
export function loadAddOn(opts: EmulatorOptions = {}): AddOn {
  cached ??= readBundle(DIST);
  return load(cached, { ...defaults, ...opts, latency: { ...defaults.latency, ...opts.latency } });
}
