/** Sidebar surface, Enrich and Discover sections (OpenProspect): preview, orders, imports, profiles, blacklists. */
import type * as C from '../app/contract';
import * as op from '../app/openprospect';
import * as opBlacklists from '../app/openprospect-blacklists';
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

/** Sidebar RPC: recent OpenProspect orders for the import picker. */
export function listOpenProspectOrders(): C.OpenProspectOrderList {
  return rpc((ctx) => op.listOpenProspectOrders(ctx));
}

/** Sidebar RPC: feature dependency hints. */
export function getFeatureHints(features: C.FeaturesInput): string[] {
  return rpc(() => op.openProspectFeatureHints(features));
}

/** Sidebar RPC: start a search profile creation. */
export function createSearchProfile(input: C.ProfileInput): C.ProfileCreationView {
  return rpc((ctx) => op.createProfile(ctx, input));
}

/** Sidebar RPC: poll a search profile creation. */
export function getSearchProfileCreation(input: C.ProfileCreationInput): C.ProfileCreationView {
  return rpc((ctx) => op.getProfileCreation(ctx, input));
}

/** Sidebar RPC: the account's blacklists. */
export function listBlacklists(): C.BlacklistList {
  return rpc((ctx) => opBlacklists.listOpenProspectBlacklists(ctx));
}

/** Sidebar RPC: create a blacklist (or add entries) from a range. */
export function blacklistFromRange(input: C.BlacklistFromRangeInput): C.BlacklistFromRangeResult {
  return rpc((ctx) => opBlacklists.blacklistFromRange(ctx, input));
}

/** Sidebar RPC: remove the blacklist entries matching the rows of a range. */
export function removeBlacklistEntriesFromRange(input: C.RemoveFromRangeInput): C.RemoveFromRangeResult {
  return rpc((ctx) => opBlacklists.removeBlacklistEntriesFromRange(ctx, input));
}
