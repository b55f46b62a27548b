/**
 * Row blocks for the result-tab writer, pure: which sheet rows one `setValues` covers.
 *
 * Changed rows are grouped into blocks; two neighbours merge when the unchanged rows between them
 * cost at most `GAP_BUDGET_CELLS` cells to rewrite (one call costs about as much as thousands of
 * cells). An unchanged row is only ever rewritten when the rewrite is exact: every owned cell of
 * it holds a plain value (no formula) in the `@` format the writer gives its cells, so writing
 * the value read back leaves value, formula and format as they were. `splitAtKeptRows` cuts a
 * block at the unchanged rows that are not like that (a user's formula, a cell they formatted):
 * upserts write only rows whose values changed, plus exact rewrites.
 */

/** Unchanged rows between two blocks are rewritten (merging the blocks) up to this many cells. */
export const GAP_BUDGET_CELLS = 10_000;

/** A row block to write: sheet rows `from..to` (1-based, inclusive). */
export interface RowBlock {
  from: number;
  to: number;
}

/**
 * Pure: group sorted sheet rows into blocks, merging two neighbours when the rows between them
 * times `width` is at most `gapBudgetCells`.
 */
export function planRowBlocks(rows: readonly number[], width: number, gapBudgetCells = GAP_BUDGET_CELLS): RowBlock[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const blocks: RowBlock[] = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && (r - last.to - 1) * Math.max(1, width) <= gapBudgetCells) last.to = r;
    else blocks.push({ from: r, to: r });
  }
  return blocks;
}

/**
 * Pure: the parts of `block` left after removing the rows `mustKeep` names (unchanged rows that a
 * rewrite would alter); a part never starts or ends with an unchanged row.
 */
export function splitAtKeptRows(block: RowBlock, changed: ReadonlySet<number>, mustKeep: (row: number) => boolean): RowBlock[] {
  const parts: RowBlock[] = [];
  let open: RowBlock | null = null;
  let lastChanged = -1;
  for (let r = block.from; r <= block.to; r++) {
    if (!changed.has(r) && mustKeep(r)) {
      if (open !== null) parts.push({ from: open.from, to: lastChanged });
      open = null;
      continue;
    }
    if (changed.has(r)) {
      open ??= { from: r, to: r };
      lastChanged = r;
    }
  }
  if (open !== null) parts.push({ from: open.from, to: lastChanged });
  return parts;
}

/** Pure: true when rewriting this cell with its own value changes nothing (no formula, format `@`). */
export function exactRewrite(formula: string, numberFormat: string): boolean {
  return formula === '' && numberFormat === '@';
}

/** Pure: contiguous runs of sorted 0-based column positions, as `[start, count]`. */
export function columnRuns(positions: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] + last[1] === p) last[1]++;
    else runs.push([p, 1]);
  }
  return runs;
}
