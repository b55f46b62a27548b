/**
 * What the Openmart formulas share: one business row and spending credits under the formula
 * switch and cap. Requests and answers go through the Openmart provider (src/providers/openmart).
 */
import { type CellValue, toCell } from '../sheet/cells';
import { FormulaError } from './args';
import { capReachedMessage, spendingOffMessage } from './credits';
import type { FormulaEnv } from './env';

/** Columns of every business row the formulas answer (OPENMART_SEARCH shows them as its header). */
export const BUSINESS_COLUMNS: ReadonlyArray<[label: string, keys: string[]]> = [
  ['Name', ['business_name', 'name', 'store_name']],
  ['Website', ['website_url', 'website', 'root_domain']],
  ['Address', ['street_address', 'address']],
  ['City', ['city']],
  ['State', ['state']],
  ['Country', ['country']],
  ['Zip', ['zipcode', 'zip_code', 'postal_code']],
  ['Phone', ['store_phones', 'business_phones', 'phone']],
  ['Email', ['business_emails', 'email']],
  ['Rating', ['google_rating', 'overall_rating']],
  ['Reviews', ['google_reviews_count', 'total_reviews']],
  ['Stores', ['num_stores']],
  ['Categories', ['business_categories', 'tags', 'category']],
  ['Openmart ID', ['openmart_id', 'store_id', 'id']],
];

export const BUSINESS_HEADER: string[] = BUSINESS_COLUMNS.map(([label]) => label);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A search row is `{ id, content: {...} }` or a flat business object; answer the flat business with its id. */
export function businessOf(row: unknown): Record<string, unknown> {
  if (!isRecord(row)) return {};
  const content = isRecord(row['content']) ? row['content'] : row;
  const id = row['id'] ?? content['openmart_id'] ?? content['store_id'];
  return id === undefined ? { ...content } : { openmart_id: id, ...content };
}

/** One business as a row of BUSINESS_COLUMNS. */
export function businessRow(b: Record<string, unknown>): CellValue[] {
  return BUSINESS_COLUMNS.map(([, keys]) => {
    for (const k of keys) {
      const v = b[k];
      if (v !== undefined && v !== null && v !== '') return toCell(v);
    }
    return '';
  });
}

/** Throws, saying where to turn it on, while formulas may not spend credits. */
export function assertSpendingOn(env: FormulaEnv, fn: string): void {
  if (!env.spending.enabled) throw new FormulaError(spendingOffMessage(fn));
}

/**
 * Reserve up to `want` credits for `fn`: throws when formulas may not spend credits, or when
 * today's cap is used up; otherwise answers how many were granted (maybe fewer than wanted).
 */
export function reserveCredits(env: FormulaEnv, fn: string, want: number): number {
  assertSpendingOn(env, fn);
  const granted = env.meter.reserve(want, env.spending.dailyCap);
  if (granted === 0) throw new FormulaError(capReachedMessage(env.spending.dailyCap));
  return granted;
}
