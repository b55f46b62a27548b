/** Sidebar surface, Enrich and Discover sections (OpenProspect): preview, orders, imports, profiles, blacklists. */
import type * as C from '../app/contract';
import * as op from '../app/openprospect';
import * as opBlacklists from '../app/openprospect-blacklists';
import * as opOrders from '../app/openprospect-orders-list';
import * as opProfiles from '../app/openprospect-profiles';
import { rpc } from './run';

/** Sidebar RPC: OpenProspect form facts (features with their dependencies, mapping fields). */
export function getOpenProspectFormInfo(): C.OpenProspectFormInfo {
  return rpc(() => op.openProspectFormInfo());
}

/** Sidebar RPC: read a sheet or selection, guess the mapping, and check every row (nothing sent). */
export function previewEnrichment(input: C.EnrichmentPreviewInput): C.EnrichmentPreview {
  return rpc((ctx) => op.previewEnrichment(ctx, input));
}

/** Sidebar RPC: submit an OpenProspect enrichment from rows (a job; several orders past 10,000 rows). */
export function submitEnrichment(input: C.SubmitEnrichmentInput): C.SubmitResult {
  return rpc((ctx) => op.submitEnrichment(ctx, input));
}

/** Sidebar RPC: submit an OpenProspect discovery order from the ICP form. */
export function submitDiscovery(input: C.DiscoveryInput): C.SubmitResult {
  return rpc((ctx) => op.submitDiscovery(ctx, input));
}

/** Sidebar RPC: track an existing OpenProspect order so its results sync into tabs. */
export function importOrder(input: C.ImportInput): C.SubmitResult {
  return rpc((ctx) => op.importOrder(ctx, input));
}

/** Sidebar RPC: a page of the account's OpenProspect orders for the import picker (optionally one status). */
export function listOpenProspectOrders(input?: C.OrdersPickInput): C.OrdersPick {
  return rpc((ctx) => opOrders.pickOrders(ctx, input));
}

/** Sidebar RPC: feature dependency hints. */
export function getFeatureHints(features: C.FeaturesInput): string[] {
  return rpc(() => op.openProspectFeatureHints(features));
}

/** Sidebar RPC: start a search profile creation job (polled in Jobs until SUCCEEDED or FAILED). */
export function createSearchProfile(input: C.ProfileInput): C.ProfileJobView {
  return rpc((ctx) => opProfiles.createProfileJob(ctx, input));
}

/** Sidebar RPC: the search profiles this spreadsheet's creation jobs made (for the order forms). */
export function listSearchProfiles(): C.ProfileList {
  return rpc((ctx) => opProfiles.listProfiles(ctx));
}

/** Sidebar RPC: every blacklist of the account (all pages). */
export function listBlacklists(): C.BlacklistSummary[] {
  return rpc((ctx) => opBlacklists.listAllBlacklists(ctx));
}

/** Sidebar RPC: one blacklist with a page of its entries. */
export function viewBlacklist(input: C.BlacklistViewInput): C.BlacklistDetail {
  return rpc((ctx) => opBlacklists.viewBlacklist(ctx, input));
}

/** Sidebar RPC: rename a blacklist (and change its description). */
export function renameBlacklist(input: C.RenameBlacklistInput): C.BlacklistSummary {
  return rpc((ctx) => opBlacklists.renameBlacklist(ctx, input));
}

/** Sidebar RPC: delete a blacklist. */
export function deleteBlacklist(input: C.BlacklistIdInput): { deleted: string } {
  return rpc((ctx) => opBlacklists.removeBlacklist(ctx, input));
}

/** Sidebar RPC: create a blacklist (or add entries) from a range. */
export function blacklistFromRange(input: C.BlacklistFromRangeInput): C.BlacklistFromRangeResult {
  return rpc((ctx) => opBlacklists.blacklistFromRange(ctx, input));
}

/** Sidebar RPC: remove the blacklist entries matching the rows of a range. */
export function removeBlacklistEntriesFromRange(input: C.RemoveFromRangeInput): C.RemoveFromRangeResult {
  return rpc((ctx) => opBlacklists.removeBlacklistEntriesFromRange(ctx, input));
}
