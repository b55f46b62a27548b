/**
 * The run options the user chooses (codes, group refs, force refresh, cost cap, wave size,
 * title), checked before anything is sent. Codes and refs are opaque strings (NOTES.md): only
 * blanks, duplicates and separators typed into one entry are caught here; gu1 answers the rest
 * with a 400 that names the code.
 */

/** Largest fetchAll wave (the job record keeps per-wave indices; 50 keeps it small). */
export const MAX_WAVE_SIZE = 50;
export const DEFAULT_WAVE_SIZE = 10;
const MAX_REFS = 50;
const MAX_TITLE = 80;

/** Options as the sidebar sends them (`costCap` in currency units, e.g. 25.5). */
export interface RawRunOptions {
  title?: string | undefined;
  integrationCodes?: readonly string[] | undefined;
  enrichmentGroupRefs?: readonly string[] | undefined;
  forceRefresh?: boolean | undefined;
  costCap?: number | null | undefined;
  waveSize?: number | undefined;
}

/** Checked options. */
export interface RunOptions {
  title: string;
  integrationCodes: string[];
  enrichmentGroupRefs: string[];
  forceRefresh: boolean;
  /** null: no cap. */
  costCapCents: number | null;
  waveSize: number;
}

/** Trim, drop blanks, dedupe (first seen wins); report entries holding separators. */
export function cleanList(list: readonly string[] | undefined, what: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const raw of list ?? []) {
    const v = raw.trim();
    if (v === '' || out.includes(v)) continue;
    if (/[\s,;]/.test(v)) problems.push(`The ${what} "${v.slice(0, 60)}" contains a space, comma or semicolon: enter one per entry.`);
    else if (v.length > 200) problems.push(`The ${what} "${v.slice(0, 40)}..." is too long.`);
    out.push(v);
  }
  if (out.length > MAX_REFS) problems.push(`At most ${MAX_REFS} ${what}s per run (got ${out.length}).`);
  return out;
}

/** Currency units to cents (0.1 + 0.2 style float noise rounded away). */
export function toCents(units: number): number {
  return Math.round(units * 100);
}

/** Cents as currency units with two decimals (`1234` -> `12.34`). */
export function formatUnits(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Check the options; every problem is a sentence for the user. */
export function checkRunOptions(raw: RawRunOptions): { ok: true; options: RunOptions } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const integrationCodes = cleanList(raw.integrationCodes, 'integration code', problems);
  const enrichmentGroupRefs = cleanList(raw.enrichmentGroupRefs, 'enrichment group', problems);
  if (integrationCodes.length === 0 && enrichmentGroupRefs.length === 0) problems.push('Choose at least one integration code or enrichment group.');
  let costCapCents: number | null = null;
  if (raw.costCap !== undefined && raw.costCap !== null) {
    if (!Number.isFinite(raw.costCap) || raw.costCap <= 0) problems.push('The cost cap must be a positive amount (or empty for no cap).');
    else costCapCents = toCents(raw.costCap);
  }
  const waveSize = raw.waveSize ?? DEFAULT_WAVE_SIZE;
  if (!Number.isInteger(waveSize) || waveSize < 1 || waveSize > MAX_WAVE_SIZE)
    problems.push(`Concurrent requests must be a whole number from 1 to ${MAX_WAVE_SIZE}.`);
  const title = (raw.title ?? '').replace(/\s+/g, ' ').trim() || 'gu1 enrichment';
  if (title.length > MAX_TITLE) problems.push(`The title is longer than ${MAX_TITLE} characters.`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, options: { title, integrationCodes, enrichmentGroupRefs, forceRefresh: raw.forceRefresh === true, costCapCents, waveSize } };
}
