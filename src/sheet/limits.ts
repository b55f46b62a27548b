/**
 * How many data rows one job takes from a source, per provider, in one table. The preview and
 * the submit refuse a larger source before anything is read in full or written (the external_id
 * column included): a job's records must fit the 9 KB document property and its runs the
 * 6-minute execution (OpenProspect: 10 orders of 10,000; Openmart: 250 batches of 100, whose book
 * fits its properties; gu1: one call per row against a 20,000-call daily UrlFetch quota).
 */
export const SOURCE_ROW_LIMITS = { openprospect: 100_000, openmart: 25_000, gu1: 10_000 } as const;

/** The default for sources outside a job (blacklists from a range). */
export const MAX_SOURCE_ROWS = SOURCE_ROW_LIMITS.openprospect;

/** The sentence for a source above the limit. */
export function tooManyRowsMessage(label: string, rows: number, limit: number): string {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return `${label} has ${fmt(rows)} data rows; one job takes at most ${fmt(limit)}. Select a range of at most ${fmt(limit)} rows (or split the sheet into several tabs) and preview again. Nothing was written.`;
}
