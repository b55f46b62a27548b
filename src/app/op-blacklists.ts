/**
 * OpenProspect blacklists from the sidebar: every list (paging past 100), one list viewed (its
 * entries and count, a page at a time), renamed or re-described, deleted. Creating and adding
 * from a range stay in ./openprospect-blacklists.ts (`blacklistFromRange`, which takes a blacklist id).
 */
import * as z from 'zod/mini';
import { listBlacklistEntries } from '../providers/openprospect/blacklist-entries';
import { deleteBlacklist, getBlacklist, listBlacklists, updateBlacklist, type BlacklistInfo } from '../providers/openprospect/blacklists';
import { noSuchBlacklist } from '../providers/openprospect/errors';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';
import { requireScopes } from './op-scopes';

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
  if (description !== undefined && description.length > 5000) throw new UserInputError(`The description has ${description.length} characters; OpenProspect allows 5,000. Shorten it.`);
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
