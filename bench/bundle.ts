/** dist/Code.js: its size, and the median time node:vm takes to compile and evaluate it in a fresh emulator context. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { createEmulator } from '../emulator';

export interface BundleFigures {
  bytes: number;
  /** Median over `loads` of compile + evaluate, ms. */
  medianLoadMs: number;
  loads: number;
}

/**
 * Each load compiles a distinct source (a numbered trailing comment), so V8's in-process
 * compilation cache cannot answer it: every load is a cold compile, as a fresh Apps Script
 * execution would be. Emulator creation is not timed.
 */
export function measureBundle(distDir: string, loads = 50): BundleFigures {
  const file = join(distDir, 'Code.js');
  const code = readFileSync(file, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = createEmulator().createContext();
    const source = `${code}\n// load ${i} ${Date.now()}`;
    const t0 = performance.now();
    new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length / 2;
  const median = times.length % 2 === 1 ? (times[Math.floor(mid)] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  return { bytes: statSync(file).size, medianLoadMs: Math.round(median * 100) / 100, loads };
}
