/**
 * Where integration codes come from. gu1 documents no route that lists them (NOTES: "a list of
 * integration providers" is related, not part of the contract), so the form offers what this
 * add-on has seen: the codes the user saved or ran, the group refs, and the codes seen in gu1's
 * answers (priced results and group expansions). An unknown code gets a sentence saying so (errors.ts).
 */
import type { KnownCosts } from './costs';

/** The codes the gu1 form offers. */
export interface CodeChoices {
  /** Saved in the user's list or sent in an earlier run. */
  used: string[];
  /** Group refs sent before or seen expanded, with the codes each stood for (when seen). */
  groups: Array<{ ref: string; codes: string[] }>;
  /** Codes gu1 answered for (priced or inside a group) that are not in `used`. */
  seen: string[];
}

const sorted = (set: Set<string>): string[] => [...set].sort((a, b) => a.localeCompare(b));

/** Merge the sources into the three lists (each sorted, no repeats across `used` and `seen`). */
export function codeChoices(
  saved: readonly string[],
  runs: ReadonlyArray<{ codes: readonly string[]; refs: readonly string[] }>,
  known: KnownCosts,
): CodeChoices {
  const used = new Set(saved);
  const refs = new Set(Object.keys(known.groups));
  for (const r of runs) {
    for (const c of r.codes) used.add(c);
    for (const g of r.refs) refs.add(g);
  }
  const seen = new Set([...Object.keys(known.costs), ...Object.values(known.groups).flat()].filter((c) => !used.has(c)));
  return { used: sorted(used), groups: sorted(refs).map((ref) => ({ ref, codes: known.groups[ref] ?? [] })), seen: sorted(seen) };
}
