/**
 * OPENMART_SEARCH(query, location, [limit]): a table of businesses with a header row. Spends
 * 1 credit per returned row, so it is off until the owner allows formulas to spend credits, and
 * it never asks for more rows than today's formula cap has left.
 */
import { ApiError, ConnectionError } from '../platform/errors';
import type { CellValue } from '../sheet/cells';
import { FormulaError, scalarArg } from './args';
import { answerKey, cachedAnswer, keepAnswer } from './answers';
import { capReachedMessage } from './credits';
import type { FormulaEnv } from './env';
import { BUSINESS_HEADER, assertSpendingOn, businessOf, businessRow, reserveCredits } from './openmart-common';
import { searchPage } from '../providers/openmart/search';
import { noMatchSentence } from '../providers/openmart/size-search';

const FN = 'OPENMART_SEARCH';
export const DEFAULT_SEARCH_LIMIT = 10;
/** A formula table larger than this is a job for the sidebar's Openmart search. */
export const MAX_SEARCH_LIMIT = 100;

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(
    ' ',
  ),
);

/**
 * "San Jose, CA" -> city + US state; "Berlin, Germany" -> city + country; "San Jose, CA, US" ->
 * city, state, country; "US" -> country; "Austin" -> city.
 */
export function parseLocation(text: string): Record<string, string> | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const [a, b, c] = parts;
  if (a === undefined) return undefined;
  if (c !== undefined) return { city: a, state: b as string, country: c };
  if (b !== undefined) return US_STATES.has(b.toUpperCase()) ? { city: a, state: b.toUpperCase(), country: 'US' } : { city: a, country: b };
  return /^[A-Za-z]{2}$/.test(a) ? { country: a.toUpperCase() } : { city: a };
}

function limitOf(arg: unknown): number {
  const t = scalarArg(arg, 'limit', FN);
  if (t === '') return DEFAULT_SEARCH_LIMIT;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEARCH_LIMIT) throw new FormulaError(`${FN}: limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`);
  return n;
}

export function openmartSearch(env: FormulaEnv, query: unknown, location: unknown, limit?: unknown): CellValue[][] {
  const q = scalarArg(query, 'query', FN);
  const where = scalarArg(location, 'location', FN);
  const wanted = limitOf(limit);
  if (q === '') throw new FormulaError(`${FN}: give a search, e.g. =${FN}("dentists", "San Jose, CA", 10).`);
  const key = answerKey(env, FN, [q.toLowerCase(), where.toLowerCase(), wanted]);
  const hit = cachedAnswer<CellValue[][]>(env, key);
  if (hit) return hit;

  // The switch first: it is what the user has to change before anything else matters.
  assertSpendingOn(env, FN);
  const http = env.http('openmart');
  const granted = reserveCredits(env, FN, wanted);
  const loc = parseLocation(where);
  let rows: Array<Record<string, unknown>> = [];
  try {
    rows = searchPage(http, { query: q, ...(loc ? { location: [loc] } : {}) }, { limit: granted })
      .rows.slice(0, granted)
      .map(businessOf);
  } catch (e) {
    // A request whose response was lost may have been billed: keep it counted.
    env.meter.refund(e instanceof ConnectionError ? 0 : granted);
    if (e instanceof ApiError) throw new FormulaError(e.userMessage());
    throw e;
  }
  env.meter.refund(granted - rows.length);
  const table: CellValue[][] = [BUSINESS_HEADER, ...rows.map(businessRow)];
  if (rows.length === 0) table.push([noMatchSentence(), ...new Array<CellValue>(BUSINESS_HEADER.length - 1).fill('')]);
  if (granted < wanted && rows.length === granted) {
    // Partial: say so, and do not cache it (a higher cap should show the whole answer).
    table.push([`Showing ${granted} of ${wanted}: ${capReachedMessage(env.spending.dailyCap)}`, ...new Array<CellValue>(BUSINESS_HEADER.length - 1).fill('')]);
    return table;
  }
  keepAnswer(env, key, table);
  return table;
}
