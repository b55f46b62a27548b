/**
 * How many data rows one job takes from a source, per provider (`maxSourceRows` in the providers
 * list, where each number is explained). The preview and the submit refuse a larger source before
 * anything is read in full or written (the external_id column included).
 */
import { PROVIDERS, type Provider } from '../platform/providers';

export const SOURCE_ROW_LIMITS = Object.fromEntries(PROVIDERS.map((p) => [p.name, p.maxSourceRows])) as Record<Provider, number>;

/** The default for sources outside a job (blacklists from a range). */
export const MAX_SOURCE_ROWS = SOURCE_ROW_LIMITS.openprospect;

/** The sentence for a source above the limit. */
export function tooManyRowsMessage(label: string, rows: number, limit: number): string {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return `${label} has ${fmt(rows)} data rows; one job takes at most ${fmt(limit)}. Select a range of at most ${fmt(limit)} rows (or split the sheet into several tabs) and preview again. Nothing was written.`;
}
