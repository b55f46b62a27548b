/**
 * OpenProspect blacklists from the sidebar: every list (paging past 100), one list viewed (its
 * entries and count, a page at a time), renamed or re-described, deleted; a list created or
 * filled from a range, and the entries a range matches removed.
 */
import * as z from 'zod/mini';
import { BUDGET, Deadline } from '../platform/clock';
import {
  addBlacklistEntriesInChunks,
  deleteBlacklistEntries,
  listBlacklistEntries,
  type BlacklistEntryInput,
} from '../providers/openprospect/blacklist-entries';
import { createBlacklist, deleteBlacklist, getBlacklist, listBlacklists, updateBlacklist, type BlacklistInfo } from '../providers/openprospect/blacklists';
import { noSuchBlacklist } from '../providers/openprospect/errors';
import type { BlacklistEntry } from '../providers/openprospect/result-schemas';
import { guessMapping, type FieldSpec } from '../sheet/headers';
import { rowsToRecords } from '../sheet/records';
import { readSource, type SourceSpec } from '../sheet/source';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { SourceInput, UserInputError, parseInput } from './input';
import { requireScopes } from './openprospect-scopes';

/** Page size of every list call (the documented maximum of OpenProspect's list endpoints). */
export const BLACKLIST_PAGE = 100;
/** At most this many pages of blacklists are read (10,000 lists): a bounded walk. */
const MAX_PAGES = 100;

/** A blacklist as the sidebar lists it. */
export interface BlacklistSummary {
  id: string;
  name: string;
  description: string;
  /** Entries on the list, when OpenProspect says. */
  entryCount: number | null;
}

function summary(b: BlacklistInfo): BlacklistSummary {
  const count = b.raw.entry_count;
  return { id: b.id, name: b.name ?? b.id, description: b.description ?? '', entryCount: typeof count === 'number' ? count : null };
}

/** Every blacklist of the key's organisation: pages of 100 until a short page or `has_more: false`. */
export function listAllBlacklists(ctx: AppContext): BlacklistSummary[] {
  const http = httpFor(ctx, 'openprospect');
  const out: BlacklistSummary[] = [];
  for (let pageNo = 0; pageNo < MAX_PAGES; pageNo++) {
    const page = listBlacklists(http, { limit: BLACKLIST_PAGE, offset: pageNo * BLACKLIST_PAGE });
    out.push(...page.items.map(summary));
    if (page.hasMore === false || page.items.length < BLACKLIST_PAGE) break;
  }
  return out;
}

/** One entry as the sidebar shows it. */
export interface EntryView {
  company_name: string;
  website_url: string;
  city: string;
  country: string;
  external_id: string;
}

/** A blacklist with one page of its entries. */
export interface BlacklistDetail extends BlacklistSummary {
  entries: EntryView[];
  offset: number;
  /** Where the next page starts, or null when this was the last. */
  nextOffset: number | null;
}

export const BlacklistIdInput = z.object({ blacklistId: z.string() });

function idOf(input: unknown): string {
  const id = parseInput(BlacklistIdInput, input, 'the blacklist').blacklistId.trim();
  if (id === '') throw new UserInputError('Pick a blacklist first.');
  return id;
}

/** A 404 on a blacklist: it was deleted (perhaps by a colleague) or belongs to another key. */
function gone(e: unknown, id: string): never {
  const sentence = noSuchBlacklist(e, id);
  if (sentence !== undefined) throw new UserInputError(sentence);
  throw e;
}

/** View a blacklist: name, description, count and the entries from `offset` (a page of 100). */
export function viewBlacklist(ctx: AppContext, input: unknown): BlacklistDetail {
  const id = idOf(input);
  const offset = parseInput(z.object({ offset: z.optional(z.number().check(z.int(), z.nonnegative())) }), input, 'the page').offset ?? 0;
  const http = httpFor(ctx, 'openprospect');
  try {
    const b = summary(getBlacklist(http, id));
    const page = listBlacklistEntries(http, id, { limit: BLACKLIST_PAGE, offset });
    const more = page.hasMore ?? page.items.length === BLACKLIST_PAGE;
    const entries = page.items.map((e) => ({
      company_name: e.company_name ?? '',
      website_url: e.website_url ?? '',
      city: e.city ?? '',
      country: e.country ?? '',
      external_id: e.external_id ?? '',
    }));
    return { ...b, entryCount: page.total ?? b.entryCount, entries, offset, nextOffset: more ? offset + page.items.length : null };
  } catch (e) {
    return gone(e, id);
  }
}

export const RenameBlacklistInput = z.object({ blacklistId: z.string(), name: z.string(), description: z.optional(z.string()) });

/** Rename a blacklist (and change its description when one is given; an empty one clears it). */
export function renameBlacklist(ctx: AppContext, input: unknown): BlacklistSummary {
  const id = idOf(input);
  const { name, description } = parseInput(RenameBlacklistInput, input, 'the blacklist form');
  const trimmed = name.trim();
  if (trimmed === '') throw new UserInputError('Give the blacklist a name (1 to 500 characters).');
  if (trimmed.length > 500) throw new UserInputError(`The blacklist name has ${trimmed.length} characters; OpenProspect allows 500. Shorten it.`);
  if (description !== undefined && description.length > 5000)
    throw new UserInputError(`The description has ${description.length} characters; OpenProspect allows 5,000. Shorten it.`);
  requireScopes(ctx, 'blacklists');
  const patch = description === undefined ? { name: trimmed } : { name: trimmed, description };
  try {
    return summary(updateBlacklist(httpFor(ctx, 'openprospect'), id, patch));
  } catch (e) {
    return gone(e, id);
  }
}

/** Delete a blacklist (orders that used it keep their results). */
export function removeBlacklist(ctx: AppContext, input: unknown): { deleted: string } {
  const id = idOf(input);
  requireScopes(ctx, 'blacklists');
  try {
    deleteBlacklist(httpFor(ctx, 'openprospect'), id);
  } catch (e) {
    return gone(e, id);
  }
  return { deleted: id };
}

const BLACKLIST_FIELDS: FieldSpec[] = [
  { key: 'external_id', label: 'External ID', aliases: ['external_id', 'external id', 'id', 'crm id'] },
  { key: 'company_name', label: 'Company name', aliases: ['company_name', 'company', 'company name', 'name', 'firma', 'unternehmen'] },
  { key: 'website_url', label: 'Website', aliases: ['website_url', 'website', 'url', 'domain', 'homepage', 'webseite'] },
  { key: 'city', label: 'City', aliases: ['city', 'stadt', 'ort'] },
  { key: 'country', label: 'Country', aliases: ['country', 'land'] },
];

export const BlacklistFromRangeInput = z.object({
  name: z.string(),
  description: z.optional(z.string()),
  source: SourceInput,
  blacklistId: z.optional(z.string()),
});

/** Create a blacklist (or add to one) from a range with name / website / city / country / id columns. */
export function blacklistFromRange(ctx: AppContext, input: unknown): { blacklistId: string; name: string; added: number; skipped: number } {
  const { name, description, source, blacklistId } = parseInput(BlacklistFromRangeInput, input, 'the blacklist form');
  const block = readSource(ctx.spreadsheet(), source as SourceSpec);
  const mapping = guessMapping(block.headers, BLACKLIST_FIELDS);
  if (Object.keys(mapping).length === 0)
    throw new UserInputError('The range needs a header row with at least one of: name, website, city, country, external_id.');
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
  if (!progress.complete)
    throw new UserInputError(
      `Added ${progress.nextIndex} of ${entries.length} entries before the time limit; add the rest from row ${progress.nextIndex + 1} again.`,
    );
  return { blacklistId: id, name: trimmedName, added: progress.nextIndex, skipped: records.records.length - entries.length + records.invalid.length };
}

export const RemoveFromRangeInput = z.object({ blacklistId: z.string(), source: SourceInput });

/** Lower-case host without www, for matching entries by domain. */
function domainOf(url: string | null | undefined): string {
  return (
    (url ?? '')
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .split(/[/?#]/)[0] ?? ''
  );
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
  const rows = rowsToRecords(block.values, block.headerRowIndex, mapping, { fields: BLACKLIST_FIELDS, firstRow: block.firstRow }).records.map(
    (r) => r.values as BlacklistEntryInput,
  );
  if (rows.length === 0) throw new UserInputError('The range has no rows with a name, website or external_id.');
  const entries = allEntries(ctx, blacklistId);
  const ids = new Set<string>();
  let notFound = 0;
  for (const row of rows) {
    const hit = entries.find((e) =>
      row.external_id
        ? e.external_id === row.external_id
        : row.website_url
          ? domainOf(e.website_url) === domainOf(row.website_url)
          : (e.company_name ?? '').trim().toLowerCase() === (row.company_name ?? '').trim().toLowerCase(),
    );
    if (hit?.id) ids.add(hit.id);
    else notFound++;
  }
  if (ids.size > 0) deleteBlacklistEntries(httpFor(ctx, 'openprospect'), blacklistId, { entryIds: [...ids] });
  return { removed: ids.size, notFound };
}
