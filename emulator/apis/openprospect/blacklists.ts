/**
 * Blacklist management: `POST/GET /blacklists`, `GET/PATCH/DELETE /blacklists/{id}`,
 * `POST/GET/DELETE /blacklists/{id}/entries` (read: blacklists:read, write: blacklists:write).
 *
 * The Blacklist Management Guide is not in the contract folder; shapes are the simulator's choice:
 *  - blacklist: `{id, name, description, entry_count, created_at, updated_at}`; POST -> 201,
 *    PATCH -> 200, DELETE -> 204 (no body). name required (1-500), description optional (<= 5,000).
 *  - entry (request): `{company_name (required, 1-500), website_url?, city?, country?, external_id?}`;
 *    at least 1 and at most 10,000 entries per bulk add (documented cap; 422 `too_long` above).
 *  - POST entries -> 201 `{blacklist_id, added, duplicates_skipped, entry_count}`; an entry equal
 *    (normalized) to an existing one is skipped.
 *  - GET entries -> `{items, total, limit, offset, has_more}` with `{id, blacklist_id, company_name,
 *    website_url, city, country, external_id, created_at}` items.
 *  - DELETE entries -> 200 `{blacklist_id, deleted, entry_count}`: with a JSON body
 *    `{entry_ids: [...]}` only those (unknown ids ignored), without a body all entries.
 * Unknown fields are rejected; other organizations' blacklists are 404 BLACKLIST_NOT_FOUND.
 */
import { json, type SimResponse } from '../types';
import type { Ctx, RouteHandler } from './context';
import { notFound, validationError } from './errors';
import { nextId } from './ids';
import { type Issue, issue } from './issues';
import { LIMITS, type SimBlacklist, type SimBlacklistEntry } from './model';
import { page, pageParams } from './query';
import { domainOf, normName } from './text';
import { isoMicros } from './time';
import { FieldReader, isObject, readJsonObject } from './validation';

const NAME_MAX = 500;
const DESCRIPTION_MAX = 5_000;
const ENTRY_FIELDS = ['company_name', 'website_url', 'city', 'country', 'external_id'];

function view(b: SimBlacklist): Record<string, unknown> {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    entry_count: b.entries.length,
    created_at: isoMicros(b.createdAt),
    updated_at: isoMicros(b.updatedAt),
  };
}

function entryView(b: SimBlacklist, e: SimBlacklistEntry): Record<string, unknown> {
  return {
    id: e.id,
    blacklist_id: b.id,
    company_name: e.company_name,
    website_url: e.website_url,
    city: e.city,
    country: e.country,
    external_id: e.external_id,
    created_at: isoMicros(e.createdAt),
  };
}

function find(ctx: Ctx): SimBlacklist | SimResponse {
  const id = ctx.params['blacklist_id'] ?? '';
  const b = ctx.state.blacklists.get(id);
  return b && b.org === ctx.key.org ? b : notFound('BLACKLIST_NOT_FOUND', 'Blacklist', id);
}

const isResponse = (v: SimBlacklist | SimResponse): v is SimResponse => 'status' in v;

/** POST /api/v1/blacklists. */
export const createBlacklist: RouteHandler = ({ req, state, key }) => {
  const parsed = readJsonObject(req);
  if (!parsed.ok) return validationError(parsed.issues);
  const r = new FieldReader(parsed.body, ['body']);
  r.rejectExtra(['name', 'description']);
  const name = r.str('name', { required: true, min: 1, max: NAME_MAX, notBlank: true });
  const description = r.str('description', { max: DESCRIPTION_MAX });
  if (r.issues.length > 0 || name === null) return validationError(r.issues);
  const b: SimBlacklist = { id: nextId(state, 'blacklist'), org: key.org, name, description, createdAt: req.now, updatedAt: req.now, entries: [] };
  state.blacklists.set(b.id, b);
  state.counts.blacklistsCreated++;
  return json(201, view(b));
};

/** GET /api/v1/blacklists. */
export const listBlacklists: RouteHandler = ({ req, state, key }) => {
  const issues: Issue[] = [];
  const { limit, offset } = pageParams(req, issues);
  if (issues.length > 0) return validationError(issues);
  const mine = [...state.blacklists.values()].filter((b) => b.org === key.org).map(view);
  return json(200, page(mine, limit, offset));
};

/** GET /api/v1/blacklists/{blacklist_id}. */
export const getBlacklist: RouteHandler = (ctx) => {
  const b = find(ctx);
  return isResponse(b) ? b : json(200, view(b));
};

/** PATCH /api/v1/blacklists/{blacklist_id}: name and/or description. */
export const patchBlacklist: RouteHandler = (ctx) => {
  const b = find(ctx);
  if (isResponse(b)) return b;
  const parsed = readJsonObject(ctx.req);
  if (!parsed.ok) return validationError(parsed.issues);
  const r = new FieldReader(parsed.body, ['body']);
  r.rejectExtra(['name', 'description']);
  if (parsed.body['name'] === null) r.add(issue.stringType(['body', 'name'], null));
  const name = r.str('name', { min: 1, max: NAME_MAX, notBlank: true });
  const description = r.str('description', { max: DESCRIPTION_MAX });
  if (r.issues.length > 0) return validationError(r.issues);
  if (name !== null) b.name = name;
  if ('description' in parsed.body) b.description = description;
  b.updatedAt = ctx.req.now;
  return json(200, view(b));
};

/** DELETE /api/v1/blacklists/{blacklist_id}: 204. */
export const deleteBlacklist: RouteHandler = (ctx) => {
  const b = find(ctx);
  if (isResponse(b)) return b;
  ctx.state.blacklists.delete(b.id);
  return { status: 204, headers: {}, body: '' };
};

function readEntries(body: Record<string, unknown>, now: number, ids: () => string): { entries: SimBlacklistEntry[] } | { issues: Issue[] } {
  const r = new FieldReader(body, ['body']);
  r.rejectExtra(['entries']);
  const v = body['entries'];
  if (!Array.isArray(v)) {
    r.add(v === undefined ? issue.missing(['body', 'entries'], body) : issue.listType(['body', 'entries'], v));
    return { issues: r.issues };
  }
  if (!r.listBounds('entries', v, { minItems: 1, maxItems: LIMITS.blacklistEntriesPerAdd })) return { issues: r.issues };
  const entries: SimBlacklistEntry[] = [];
  v.forEach((item: unknown, i) => {
    if (!isObject(item)) {
      r.add(issue.modelType(['body', 'entries', i], item, 'BlacklistEntryInput'));
      return;
    }
    const e = new FieldReader(item, ['body', 'entries', i], r.issues);
    e.rejectExtra(ENTRY_FIELDS);
    const name = e.str('company_name', { required: true, min: 1, max: LIMITS.companyNameMax, notBlank: true });
    const entry = {
      website_url: e.str('website_url'),
      city: e.str('city'),
      country: e.str('country'),
      external_id: e.str('external_id'),
    };
    if (name !== null) entries.push({ id: '', company_name: name, ...entry, createdAt: now });
  });
  if (r.issues.length > 0) return { issues: r.issues };
  for (const e of entries) e.id = ids();
  return { entries };
}

const entryKey = (e: SimBlacklistEntry): string =>
  [e.external_id?.trim() ?? '', domainOf(e.website_url) ?? '', normName(e.company_name), normName(e.city ?? '')].join('\u0000');

/** POST /api/v1/blacklists/{blacklist_id}/entries: bulk add (<= 10,000). */
export const addEntries: RouteHandler = (ctx) => {
  const b = find(ctx);
  if (isResponse(b)) return b;
  const parsed = readJsonObject(ctx.req);
  if (!parsed.ok) return validationError(parsed.issues);
  const read = readEntries(parsed.body, ctx.req.now, () => nextId(ctx.state, 'blacklist-entry'));
  if ('issues' in read) return validationError(read.issues);
  const seen = new Set(b.entries.map(entryKey));
  let added = 0;
  for (const e of read.entries) {
    const k = entryKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    b.entries.push(e);
    added++;
  }
  if (added > 0) b.updatedAt = ctx.req.now;
  ctx.state.counts.blacklistEntriesAdded += added;
  return json(201, { blacklist_id: b.id, added, duplicates_skipped: read.entries.length - added, entry_count: b.entries.length });
};

/** GET /api/v1/blacklists/{blacklist_id}/entries. */
export const listEntries: RouteHandler = (ctx) => {
  const b = find(ctx);
  if (isResponse(b)) return b;
  const issues: Issue[] = [];
  const { limit, offset } = pageParams(ctx.req, issues);
  if (issues.length > 0) return validationError(issues);
  return json(
    200,
    page(
      b.entries.map((e) => entryView(b, e)),
      limit,
      offset,
    ),
  );
};

/** DELETE /api/v1/blacklists/{blacklist_id}/entries: selected ids (JSON body) or all. */
export const deleteEntries: RouteHandler = (ctx) => {
  const b = find(ctx);
  if (isResponse(b)) return b;
  const before = b.entries.length;
  if (ctx.req.body !== undefined && ctx.req.body.trim() !== '') {
    const parsed = readJsonObject(ctx.req);
    if (!parsed.ok) return validationError(parsed.issues);
    const r = new FieldReader(parsed.body, ['body']);
    r.rejectExtra(['entry_ids']);
    if (!('entry_ids' in parsed.body)) r.add(issue.missing(['body', 'entry_ids'], parsed.body));
    const ids = r.uuidList('entry_ids');
    if (r.issues.length > 0 || ids === null) return validationError(r.issues);
    b.entries = b.entries.filter((e) => !ids.includes(e.id));
  } else {
    b.entries = [];
  }
  if (b.entries.length !== before) b.updatedAt = ctx.req.now;
  return json(200, { blacklist_id: b.id, deleted: before - b.entries.length, entry_count: b.entries.length });
};
