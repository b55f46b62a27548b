/**
 * Mappings are kept by header text as well as by column, and re-resolved by header before every
 * run: after the user inserts a column at A, "Customer ID" is found one column to the right
 * instead of phone numbers being sent as ids. A mapped header that is gone (or now ambiguous)
 * stops the run with a sentence (a schedule pauses with it). Pure.
 */

/** Field -> the header text of its column when the mapping was made. */
export type MappingHeaders = Record<string, string>;

const norm = (h: string): string => h.trim().toLowerCase();

/** Pure: the header text of each mapped column (columns without a header are left out). */
export function headersOf(mapping: Readonly<Record<string, number>>, headers: readonly string[]): MappingHeaders {
  const out: MappingHeaders = {};
  for (const [field, col] of Object.entries(mapping)) {
    const h = headers[col]?.trim();
    if (h) out[field] = h;
  }
  return out;
}

/**
 * Pure: `mapping` with each column found again by its stored header text, or the sentence that
 * says which header is gone. Fields without a stored header keep their column.
 */
export function resolveByHeader(
  mapping: Readonly<Record<string, number>>,
  stored: MappingHeaders | undefined,
  headers: readonly string[],
): { mapping: Record<string, number> } | { problem: string } {
  const out: Record<string, number> = { ...mapping };
  for (const [field, col] of Object.entries(mapping)) {
    const text = stored?.[field];
    if (text === undefined || norm(headers[col] ?? '') === norm(text)) continue;
    const at = headers.flatMap((h, i) => (norm(h) === norm(text) ? [i] : []));
    if (at.length !== 1) {
      const why = at.length === 0 ? 'is no longer in the source' : 'now appears more than once in the source';
      return {
        problem: `The column "${text}" (mapped to ${field}) ${why}; the headers changed since this run was set up. Map the columns again in the sidebar and start a new run.`,
      };
    }
    out[field] = at[0] ?? col;
  }
  return { mapping: out };
}
