/** Shared pieces of the bench report: a measured pair, a target line, number formats. */
import type { Measured, ScenarioName } from './measure';

/** One scenario and size measured for the add-on and the naive baseline (and a competent script, issue 16). */
export interface Pair {
  scenario: ScenarioName;
  n: number;
  addon: Measured;
  baseline: Measured;
  competent?: Measured | undefined;
}

/** A line of the targets list: met, missed, or not measured (null). */
export interface Target {
  text: string;
  met: boolean | null;
  measured: string;
}

export const fmt = (x: number): string => x.toLocaleString('en-US');
export const secs = (ms: number): string => (ms >= 100_000 ? `${fmt(Math.round(ms / 1000))} s` : `${(ms / 1000).toFixed(1)} s`);
/** Minutes (one decimal) for waits a user feels. */
export const mins = (ms: number): string => `${(ms / 60_000).toFixed(1)} min`;

/** base ÷ addon, as 2.1× or 64×. */
export function ratio(base: number, addon: number): string {
  if (addon === 0) return base === 0 ? '=' : '∞';
  const r = base / addon;
  return r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`;
}
