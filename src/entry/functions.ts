/**
 * Custom functions surface (src/functions): cached, budgeted to 25 s, read the spreadsheet
 * owner's settings. Each keeps its JSDoc: the build copies it onto the top-level stub Sheets reads.
 */
import { enriched } from '../functions/enriched';
import { openmartCredits } from '../functions/openmart-credits';
import { openmartBusiness, openmartEnrich } from '../functions/openmart-lookups';
import { openmartSearch } from '../functions/openmart-search';
import { openProspectStatus } from '../functions/openprospect-status';
import { formula } from './run';

/**
 * The status of an OpenProspect order (RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED, REJECTED,
 * FAILED or CANCELLED). Spends nothing; answers are cached (finished orders 6 h, running ones
 * 10 minutes). Accepts a range of order ids.
 *
 * Example: =OPENPROSPECT_STATUS("ord_123") or =OPENPROSPECT_STATUS(A2:A20)
 *
 * @param {string} order_id The order id, or a range of order ids.
 * @return The order status (one per id for a range).
 * @customfunction
 */
export function OPENPROSPECT_STATUS(order_id: unknown): unknown {
  return formula((env) => openProspectStatus(env, order_id));
}

/**
 * A value from one of the add-on's result tabs, looked up by external_id: a friendlier VLOOKUP
 * that makes no API call. Several field names (a row of headers) give one row per id.
 *
 * Example: =ENRICHED(E2, "email") or =ENRICHED(E2:E30, "employee_count", "Q1 Hotels - Companies")
 *
 * @param {string} external_id The row's external_id, or a range of them.
 * @param {string} field The column to read (a result tab header such as "name" or "email"), or a row of headers.
 * @param {string} tab Optional: the result tab to read; by default the newest job's tabs.
 * @param {boolean} with_header Optional: TRUE answers the field name(s) above the values (for a formula in a header row).
 * @return The value(s) found; empty where an id has no row yet.
 * @customfunction
 */
export function ENRICHED(external_id: unknown, field: unknown, tab?: unknown, with_header?: unknown): unknown {
  return formula((env) => enriched(env, external_id, field, tab, with_header));
}

/**
 * The Openmart credits left on the account of the spreadsheet owner's key. Free; cached 10 minutes.
 *
 * Example: =OPENMART_CREDITS()
 *
 * @return The remaining credit balance.
 * @customfunction
 */
export function OPENMART_CREDITS(): unknown {
  return formula((env) => openmartCredits(env));
}

/**
 * Search Openmart's business database: a table with a header row (Name, Website, Address, City,
 * State, Country, Zip, Phone, Email, Rating, Reviews, Stores, Categories, Openmart ID).
 * Spends 1 Openmart credit per returned row: off until "Formulas may spend credits" is on in
 * Settings, and limited by the daily formula credit cap. Answers are cached for 6 hours.
 *
 * Example: =OPENMART_SEARCH("dentists", "San Jose, CA", 10)
 *
 * @param {string} query What to search for, e.g. "hair salons".
 * @param {string} location Where: "City", "City, ST", "City, Country" or "City, State, Country".
 * @param {number} limit Optional: how many rows, 1 to 100 (default 10).
 * @return A table of businesses with a header row.
 * @customfunction
 */
export function OPENMART_SEARCH(query: unknown, location: unknown, limit?: unknown): unknown {
  return formula((env) => openmartSearch(env, query, location, limit));
}

/**
 * One row of business fields for a website or social profile URL (columns as in
 * OPENMART_SEARCH, without the header). Spends 1 Openmart credit per match: off until "Formulas
 * may spend credits" is on in Settings, within the daily formula cap. Cached for 6 hours.
 * Accepts a range (one row per URL).
 *
 * Example: =OPENMART_ENRICH("bluebottlecoffee.com") or =OPENMART_ENRICH(B2:B20)
 *
 * @param {string} website_or_social_url A website or a social profile URL, or a range of them.
 * @return One row of business fields per URL.
 * @customfunction
 */
export function OPENMART_ENRICH(website_or_social_url: unknown): unknown {
  return formula((env) => openmartEnrich(env, website_or_social_url));
}

/**
 * One row of business fields for an Openmart id or a Google Place id (columns as in
 * OPENMART_SEARCH, without the header). Spends 1 Openmart credit per record found: off until
 * "Formulas may spend credits" is on in Settings, within the daily formula cap. Cached for
 * 6 hours. Accepts a range (one row per id).
 *
 * Example: =OPENMART_BUSINESS("54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04")
 *
 * @param {string} openmart_id_or_place_id An Openmart id (UUID) or a Google Place id, or a range of them.
 * @return One row of business fields per id.
 * @customfunction
 */
export function OPENMART_BUSINESS(openmart_id_or_place_id: unknown): unknown {
  return formula((env) => openmartBusiness(env, openmart_id_or_place_id));
}
