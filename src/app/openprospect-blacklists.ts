/** OpenProspect blacklists from the sidebar: list them, fill one from a range, remove the entries a range matches. */
import * as z from 'zod/mini';
import { BUDGET, Deadline } from '../platform/clock';
import { addBlacklistEntriesInChunks, deleteBlacklistEntries, listBlacklistEntries, type BlacklistEntryInput } from '../providers/openprospect/blacklist-entries';
import { createBlacklist } from '../providers/openprospect/blacklists';
import type { BlacklistEntry } from '../providers/openprospect/result-schemas';
import { guessMapping, type FieldSpec } from '../sheet/headers';
import { rowsToRecords } from '../sheet/records';
import { readSource, type SourceSpec } from '../sheet/source';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { SourceInput, UserInputError, parseInput } from './input';
import { requireScopes } from './op-scopes';

const BLACKLIST_FIELDS: FieldSpec[] = [
  { key: 'external_id', label: 'External ID', aliases: ['external_id', 'external id', 'id', 'crm id'] },
  { key: 'company_name', label: 'Company name', aliases: ['company_name', 'company', 'company name', 'name', 'firma', 'unternehmen'] },
  { key: 'website_url', label: 'Website', aliases: ['website_url', 'website', 'url', 'domain', 'homepage', 'webseite'] },
  { key: 'city', label: 'City', aliases: ['city', 'stadt', 'ort'] },
  { key: 'country', label: 'Country', aliases: ['country', 'land'] },
];

export const BlacklistFromRangeInput = z.object({ name: z.string(), description: z.optional(z.string()), source: SourceInput, blacklistId: z.optional(z.string()) });

/** Create a blacklist (or add to one) from a range with name / website / city / country / id columns. */
export function blacklistFromRange(ctx: AppContext, input: unknown): { blacklistId: string; name: string; added: number; skipped: number } {
  const { name, description, source, blacklistId } = parseInput(BlacklistFromRangeInput, input, 'the blacklist form');
  const block = readSource(ctx.spreadsheet(), source as SourceSpec);
  const mapping = guessMapping(block.headers, BLACKLIST_FIELDS);
  if (Object.keys(mapping).length === 0) throw new UserInputError('The range needs a header row with at least one of: name, website, city, country, external_id.');
  const records = rowsToRecords(block.values, block.headerRowIndex, mapping, { fields: BLACKLIST_FIELDS, firstRow: block.firstRow });
  const entries: BlacklistEntryInput[] = records.records
    .map((r) => r.values as BlacklistEntryInput)
    .filter((e) => e.external_id || e.website_url || e.company_name);
  if (entries.length === 0) throw new UserInputError('No row has a name, website or external_id to blacklist.');
  requireScopes(ctx, 'blacklists');
  const http = httpFor(ctx, 'openprospect', new Deadline(ctx.clock, BUDGET.executionMs));
  const trimmedName = name.trim();
  let id = blacklistId;
  if (!id) {
    if (trimmedName === '') throw new UserInputError('Give the blacklist a name.');
    const about = description?.trim();
    id = createBlacklist(http, about ? { name: trimmedName, description: about } : { name: trimmedName }).id;
  }
  const progress = addBlacklistEntriesInChunks(http, id, entries, { deadline: new Deadline(ctx.clock, BUDGET.executionMs), reserveMs: 20_000 });
  if (progress.error) throw progress.error;
  if (!progress.complete) throw new UserInputError(`Added ${progress.nextIndex} of ${entries.length} entries before the time limit; add the rest from row ${progress.nextIndex + 1} again.`);
  return { blacklistId: id, name: trimmedName, added: progress.nextIndex, skipped: records.records.length - entries.length + records.invalid.length };
}

export const RemoveFromRangeInput = z.object({ blacklistId: z.string(), source: SourceInput });

/** Lower-case host without www, for matching entries by domain. */
function domainOf(url: string | null | undefined): string {
  return (url ?? '').trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split(/[/?#]/)[0] ?? '';
}

/** Every entry of a blacklist (pages of 100). */
function allEntries(ctx: AppContext, blacklistId: string): BlacklistEntry[] {
  const http = httpFor(ctx, 'openprospect');
  const out: BlacklistEntry[] = [];
  for (let offset = 0; offset < 100_000; offset += 100) {
    const page = listBlacklistEntries(http, blacklistId, { limit: 100, offset });
    out.push(...page.items);
    if (page.items.length < 100) break;
  }
  return out;
}

/**
 * Remove the entries that match the rows of a range (by external_id, else website domain, else
 * company name), the same precedence OpenProspect matches with.
 */
export function removeBlacklistEntriesFromRange(ctx: AppContext, input: unknown): { removed: number; notFound: number } {
  const { blacklistId, source } = parseInput(RemoveFromRangeInput, input, 'the blacklist form');
  const block = readSource(ctx.spreadsheet(), source as SourceSpec);
  const mapping = guessMapping(block.headers, BLACKLIST_FIELDS);
  const rows = rowsToRecords(block.values, block.headerRowIndex, mapping, { fields: BLACKLIST_FIELDS, firstRow: block.firstRow }).records.map((r) => r.values as BlacklistEntryInput);
  if (rows.length === 0) throw new UserInputError('The range has no rows with a name, website or external_id.');
  const entries = allEntries(ctx, blacklistId);
  const ids = new Set<string>();
  let notFound = 0;
  for (const row of rows) {
    const hit = entries.find((e) =>
      row.external_id ? e.external_id === row.external_id : row.website_url ? domainOf(e.website_url) === domainOf(row.website_url) : (e.company_name ?? '').trim().toLowerCase() === (row.company_name ?? '').trim().toLowerCase(),
    );
    if (hit?.id) ids.add(hit.id);
    else notFound++;
  }
  if (ids.size > 0) deleteBlacklistEntries(httpFor(ctx, 'openprospect'), blacklistId, { entryIds: [...ids] });
  return { removed: ids.size, notFound };
}
