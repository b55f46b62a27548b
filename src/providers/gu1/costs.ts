/**
 * Cost control: the last known price of each integration code (and the codes each group
 * expanded to), learnt from responses and kept small in document properties; the estimate
 * "rows x codes x last known cost", "unknown" while any code's price was never seen.
 *
 * Only paid successes teach a price: a cached answer costs 0 and must not make a code look free.
 */
import * as z from 'zod/mini';
import { JsonStore, type PropertyStore } from '../../platform/store';
import { formatUnits } from './options';
import type { EnrichResponse } from './schemas';

const STORE_KEY = 'gu1.costs';
/** Bounds that keep the record far below the 9 KB property limit. */
const MAX_CODES = 120;
const MAX_GROUPS = 20;

const MemorySchema = z.object({
  costs: z.record(z.string(), z.object({ c: z.number(), at: z.number() })),
  groups: z.record(z.string(), z.object({ codes: z.array(z.string()), at: z.number() })),
});
type Memory = z.infer<typeof MemorySchema>;

/** What is known: code -> cents; group ref -> its codes. */
export interface KnownCosts {
  costs: Record<string, number>;
  groups: Record<string, string[]>;
}

/** Nothing known yet. */
export function emptyKnown(): KnownCosts {
  return { costs: {}, groups: {} };
}

function readMemory(store: PropertyStore): Memory {
  try {
    return new JsonStore(store).get(STORE_KEY, MemorySchema) ?? { costs: {}, groups: {} };
  } catch {
    // A damaged record only loses estimates; it must not block a run.
    return { costs: {}, groups: {} };
  }
}

/** The last known prices and group expansions. */
export function readKnownCosts(store: PropertyStore): KnownCosts {
  const m = readMemory(store);
  const costs: Record<string, number> = {};
  for (const [k, v] of Object.entries(m.costs)) costs[k] = v.c;
  const groups: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(m.groups)) groups[k] = v.codes;
  return { costs, groups };
}

/** The most recent `max` entries of a record by `at`. */
function newest<T extends { at: number }>(rec: Record<string, T>, max: number): Record<string, T> {
  return Object.fromEntries(
    Object.entries(rec)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, max),
  );
}

/** Merge what a run learnt into the stored memory (bounded, newest kept). No-op when nothing is new. */
export function rememberCosts(store: PropertyStore, learnt: KnownCosts, now: number): void {
  const m = readMemory(store);
  let changed = false;
  for (const [code, c] of Object.entries(learnt.costs)) {
    if (m.costs[code]?.c === c) continue;
    m.costs[code] = { c, at: now };
    changed = true;
  }
  for (const [ref, codes] of Object.entries(learnt.groups)) {
    if (m.groups[ref]?.codes.join('\u001f') === codes.join('\u001f')) continue;
    m.groups[ref] = { codes: [...codes], at: now };
    changed = true;
  }
  if (!changed) return;
  new JsonStore(store).set(STORE_KEY, MemorySchema, { costs: newest(m.costs, MAX_CODES), groups: newest(m.groups, MAX_GROUPS) });
}

/** Forget every known price (Settings). */
export function forgetCosts(store: PropertyStore): void {
  store.deleteProperty(STORE_KEY);
}

/**
 * Learn from one answer (pure): the price of every paid success, and a group's codes when the
 * request named exactly one group and no codes (otherwise gu1's merged list cannot be split).
 */
export function learnFromResponse(
  known: KnownCosts,
  res: EnrichResponse,
  request: { integrationCodes: readonly string[]; enrichmentGroupRefs: readonly string[] },
): KnownCosts {
  const costs = { ...known.costs };
  const groups = { ...known.groups };
  for (const r of res.results) {
    if (r.success === true && r.integrationCode && typeof r.costCents === 'number' && r.costCents > 0) costs[r.integrationCode] = r.costCents;
  }
  const ref = request.enrichmentGroupRefs[0];
  if (ref !== undefined && request.enrichmentGroupRefs.length === 1 && request.integrationCodes.length === 0) {
    const codes = res.results.map((r) => r.integrationCode).filter((c): c is string => typeof c === 'string' && c !== '');
    if (codes.length > 0) groups[ref] = codes;
  }
  return { costs, groups };
}

/** The codes a request runs, when every group's expansion is known (gu1's order: groups, then codes). */
export function expandCodes(codes: readonly string[], refs: readonly string[], known: KnownCosts): { codes: string[]; unknownGroups: string[] } {
  const out: string[] = [];
  const unknownGroups: string[] = [];
  const add = (c: string): void => {
    if (!out.includes(c)) out.push(c);
  };
  for (const ref of refs) {
    const g = known.groups[ref];
    if (g) g.forEach(add);
    else unknownGroups.push(ref);
  }
  codes.forEach(add);
  return { codes: out, unknownGroups };
}

/** Price of one row: `known` (sum of the known prices) and whether anything is unknown. */
export function rowCost(codes: readonly string[], refs: readonly string[], known: KnownCosts): { cents: number | null; knownCents: number } {
  const { codes: all, unknownGroups } = expandCodes(codes, refs, known);
  let knownCents = 0;
  let complete = unknownGroups.length === 0;
  for (const c of all) {
    const p = known.costs[c];
    if (p === undefined) complete = false;
    else knownCents += p;
  }
  return { cents: complete ? knownCents : null, knownCents };
}

/** What the preview shows. */
export interface CostEstimate {
  rows: number;
  /** The codes a row runs (known group expansions included), each with its last known price. */
  codes: Array<{ code: string; costCents: number | null }>;
  /** Group refs whose codes are not known yet. */
  unknownGroups: string[];
  perRowCents: number | null;
  totalCents: number | null;
  /** `12.34`, or `unknown` while any price or group is unknown. */
  total: string;
}

/** rows x codes x last known cost per code. */
export function estimateCost(rows: number, codes: readonly string[], refs: readonly string[], known: KnownCosts): CostEstimate {
  const expanded = expandCodes(codes, refs, known);
  // No codes chosen yet: nothing to price (not "free").
  const perRow = codes.length === 0 && refs.length === 0 ? null : rowCost(codes, refs, known).cents;
  const totalCents = perRow === null ? null : perRow * rows;
  return {
    rows,
    codes: expanded.codes.map((code) => ({ code, costCents: known.costs[code] ?? null })),
    unknownGroups: expanded.unknownGroups,
    perRowCents: perRow,
    totalCents,
    total: totalCents === null ? 'unknown' : formatUnits(totalCents),
  };
}

/**
 * What an answer may have billed beyond what it reports (pure): a success answered from the cache
 * (cost 0) may hide a charge (its first sending was billed and the answer lost, or the network
 * delivered the request twice), so the code's last known price counts as "up to". Codes without a
 * known price come back in `unpriced`, to be counted once their price is learnt.
 */
export function hiddenCost(res: EnrichResponse, known: KnownCosts): { cents: number; unpriced: string[] } {
  let cents = 0;
  const unpriced: string[] = [];
  for (const r of res.results) {
    if (r.success !== true || !r.integrationCode || r.costCents !== 0) continue;
    const price = known.costs[r.integrationCode];
    if (price === undefined) unpriced.push(r.integrationCode);
    else cents += price;
  }
  return { cents, unpriced };
}

/** Count the cached results kept as unpriced whose price is now known; the rest stays waiting. */
export function settleUnpriced(unpriced: Readonly<Record<string, number>>, known: KnownCosts): { cents: number; left: Record<string, number> } {
  let cents = 0;
  const left: Record<string, number> = {};
  for (const [code, n] of Object.entries(unpriced)) {
    const price = known.costs[code];
    if (price === undefined) left[code] = n;
    else cents += n * price;
  }
  return { cents, left };
}

/** gu1 answers prices in cents without naming a currency: the unit of its amounts. */
export const GU1_UNIT = "in your gu1 account's currency";

/** The cost line of a gu1 run (Jobs view and the run's summary): what gu1 reported, and what cached answers may have hidden. */
export function gu1CostLine(counts: Readonly<Record<string, number>>): string {
  const cost = counts['costCents'] ?? 0;
  const maybe = counts['maybeBilledCents'] ?? 0;
  const unpriced = counts['unpricedResults'] ?? 0;
  const upTo =
    maybe > 0 || unpriced > 0
      ? `, plus up to ${formatUnits(maybe)}${unpriced > 0 ? ` and ${unpriced} result(s) at a price not seen yet` : ''} for answers from gu1's cache (a lost or repeated sending may have been billed)`
      : '';
  return `Cost: ${formatUnits(cost)} ${GU1_UNIT}${upTo}.`;
}
