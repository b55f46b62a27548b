/**
 * Blacklist matching with the documented precedence: external_id > domain > name + city > name.
 *
 * For one entry and one company the first level at which both sides have data decides:
 *  1. external_id: the entry's external_id equals the company's `id` or `source_id` -> match.
 *     A differing external_id does not decide (CRM ids and OpenProspect ids are different
 *     namespaces), so matching falls through to the domain.
 *  2. domain (from website_url, `www.`/scheme/path stripped): equal -> match, different -> no match.
 *  3. name + city (case/whitespace-insensitive), when both sides have a city: both equal -> match,
 *     same name in another city -> no match.
 *  4. name alone: equal -> match.
 * Country is not a matching key. Undocumented: the exact semantics above are the simulator's
 * reading of "matching precedence"; they guarantee that an entry built from a company's own
 * name/domain/id always excludes that company.
 */
import type { CompanyIdentity } from './identity';
import type { SimBlacklist, SimBlacklistEntry } from './model';
import { domainOf, normName } from './text';

/** The precedence level at which an entry matched. */
export type MatchLevel = 'external_id' | 'domain' | 'name_city' | 'name';

/** The level at which an entry matches a company, or null. */
export function matchLevel(entry: SimBlacklistEntry, company: CompanyIdentity): MatchLevel | null {
  const ext = entry.external_id?.trim();
  if (ext) {
    if (ext.toLowerCase() === company.id.toLowerCase() || ext === company.sourceId) return 'external_id';
  }
  const entryDomain = domainOf(entry.website_url);
  if (entryDomain !== null && company.domain !== null) return entryDomain === company.domain ? 'domain' : null;
  if (normName(entry.company_name) !== normName(company.name)) return null;
  if (entry.city && company.city) return normName(entry.city) === normName(company.city) ? 'name_city' : null;
  return 'name';
}

/** Lookup tables over the entries of some blacklists. */
export interface MatchIndex {
  byExt: Map<string, SimBlacklistEntry[]>;
  byDomain: Map<string, SimBlacklistEntry[]>;
  byName: Map<string, SimBlacklistEntry[]>;
  size: number;
}

function push(map: Map<string, SimBlacklistEntry[]>, key: string, e: SimBlacklistEntry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

const keyCache = new WeakMap<SimBlacklistEntry, { ext: string | null; domain: string | null; name: string }>();

/** Normalized lookup keys of an entry (cached; entries are immutable once added). */
function keysOf(e: SimBlacklistEntry): { ext: string | null; domain: string | null; name: string } {
  let k = keyCache.get(e);
  if (!k) {
    k = { ext: e.external_id?.trim().toLowerCase() || null, domain: domainOf(e.website_url), name: normName(e.company_name) };
    keyCache.set(e, k);
  }
  return k;
}

/** Indexes the current entries of the given blacklists. */
export function buildIndex(lists: readonly SimBlacklist[]): MatchIndex {
  const idx: MatchIndex = { byExt: new Map(), byDomain: new Map(), byName: new Map(), size: 0 };
  for (const bl of lists) {
    for (const e of bl.entries) {
      idx.size++;
      const k = keysOf(e);
      if (k.ext !== null) push(idx.byExt, k.ext, e);
      if (k.domain !== null) push(idx.byDomain, k.domain, e);
      push(idx.byName, k.name, e);
    }
  }
  return idx;
}

/** The first entry that matches the company, with its level, or null. */
export function findMatch(idx: MatchIndex, company: CompanyIdentity): { entry: SimBlacklistEntry; level: MatchLevel } | null {
  if (idx.size === 0) return null;
  const candidates = new Set<SimBlacklistEntry>([
    ...(idx.byExt.get(company.id.toLowerCase()) ?? []),
    ...(company.sourceId ? (idx.byExt.get(company.sourceId.toLowerCase()) ?? []) : []),
    ...(company.domain ? (idx.byDomain.get(company.domain) ?? []) : []),
    ...(idx.byName.get(normName(company.name)) ?? []),
  ]);
  for (const entry of candidates) {
    const level = matchLevel(entry, company);
    if (level) return { entry, level };
  }
  return null;
}
