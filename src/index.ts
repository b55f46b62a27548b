/**
 * The only file that touches the global scope: every export becomes a top-level function in
 * dist/Code.js (menu items, sidebar RPCs, the trigger handler, custom functions). Each one
 * gathers the Apps Script services into an AppContext and delegates.
 */
import type { AppContext } from './app/context';
import { buildMenu, openSidebar, takeInitialSection, type SidebarSection } from './app/menu';
import * as connection from './app/connection';
import * as gu1 from './app/gu1';
import * as jobs from './app/jobs';
import * as op from './app/openprospect';
import * as settings from './app/settings';
import * as sheets from './app/sheets';
import { scrubSecrets, toUserMessage } from './app/user-error';
import { KeyStore } from './platform/keys';
import { PROVIDERS } from './providers/endpoints';
import { QuotaMeter } from './platform/quota';
import type { PropertyStore } from './platform/store';
import { accountType } from './app/quota';
import * as quota from './app/quota';

function context(): AppContext {
  let userProps: GoogleAppsScript.Properties.Properties | undefined;
  const props = (): GoogleAppsScript.Properties.Properties => (userProps ??= PropertiesService.getUserProperties());
  return {
    spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
    ui: () => SpreadsheetApp.getUi(),
    html: HtmlService,
    urlFetch: UrlFetchApp,
    userProps: () => PropertiesService.getUserProperties(),
    docProps: () => PropertiesService.getDocumentProperties(),
    scriptApp: ScriptApp,
    documentLock: () => LockService.getDocumentLock(),
    userCache: () => CacheService.getUserCache(),
    documentCache: () => CacheService.getDocumentCache() ?? CacheService.getScriptCache(),
    clock: { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms) },
    uuid: () => Utilities.getUuid(),
    sha256: (text) =>
      Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
        .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
        .join(''),
    timeZone: () => Session.getScriptTimeZone(),
    quota: new QuotaMeter(lazyProps(props), () => Date.now(), accountType(props)),
  };
}

/** Property access deferred until first use (onOpen may run where properties are off limits). */
function lazyProps(get: () => GoogleAppsScript.Properties.Properties): PropertyStore {
  return {
    getProperty: (k) => get().getProperty(k),
    setProperty: (k, v) => get().setProperty(k, v),
    deleteProperty: (k) => get().deleteProperty(k),
    getKeys: () => get().getKeys(),
    getProperties: () => get().getProperties(),
  };
}

/** Run an RPC: failures reach the sidebar as one user sentence, never with a key in it. */
function rpc<T>(fn: (ctx: AppContext) => T): T {
  const ctx = context();
  try {
    return fn(ctx);
  } catch (e) {
    let secrets: Array<string | undefined> = [];
    try {
      const keys = new KeyStore(ctx.userProps());
      secrets = PROVIDERS.map((p) => keys.get(p));
    } catch {
      // properties unavailable (authMode NONE): nothing to scrub
    }
    throw new Error(scrubSecrets(toUserMessage(e), secrets));
  } finally {
    ctx.quota.flush();
  }
}

/** Simple trigger: build the add-on menu (may run with authMode NONE: menu only). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: same as opening the document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Menu: open the sidebar. */
export function showSidebar(): void {
  rpc((ctx) => openSidebar(ctx, 'enrich'));
}

/** Menu: open the sidebar at Settings. */
export function showSettings(): void {
  rpc((ctx) => openSidebar(ctx, 'settings'));
}

/** Menu: advance every open job now (a full run's budget) and say what happened. */
export function refreshJobsNow(): void {
  rpc((ctx) => {
    const { poll, notice } = jobs.runPoll(ctx, 270_000);
    const text = !poll.ran
      ? 'Another run is updating the jobs right now; try again in a minute.'
      : poll.advanced === 0
        ? 'No open jobs to refresh.'
        : `${poll.advanced} job(s) updated, ${poll.stillOpen} still open.`;
    ctx.spreadsheet().toast(notice ? `${text} ${notice}` : text, 'Prospect Enrich', 8);
  });
}

/** Time-driven trigger: advance every open job within the time budget. */
export function tick(_e?: unknown): void {
  rpc((ctx) => {
    const started = ctx.clock.now();
    try {
      jobs.tick(ctx);
    } finally {
      ctx.quota.addTriggerTime(ctx.clock.now() - started);
    }
  });
}

/** Sidebar RPC: which section to open at. */
export function getInitialSection(): SidebarSection {
  return rpc((ctx) => takeInitialSection(ctx));
}

/** Sidebar RPC: settings with masked keys. */
export function getSettings(): settings.SettingsView {
  return rpc((ctx) => settings.getSettings(ctx));
}

/** Sidebar RPC: save a provider key (stored in user properties; returned masked). */
export function saveApiKey(input: { provider: string; key: string }): settings.SettingsView {
  return rpc((ctx) => settings.saveApiKey(ctx, input));
}

/** Sidebar RPC: forget a provider key. */
export function removeApiKey(input: { provider: string }): settings.SettingsView {
  return rpc((ctx) => settings.removeApiKey(ctx, input));
}

/** Sidebar RPC: set or reset a provider's base URL (staging). */
export function saveBaseUrl(input: { provider: string; baseUrl: string }): settings.SettingsView {
  return rpc((ctx) => settings.saveBaseUrl(ctx, input));
}

/** Sidebar RPC: poll frequency in minutes. */
export function savePollMinutes(input: { pollMinutes: number }): settings.SettingsView {
  return rpc((ctx) => settings.savePollMinutes(ctx, input));
}

/** Sidebar RPC: every job, after advancing open ones briefly (live progress). */
export function refreshJobs(): jobs.JobsView {
  return rpc((ctx) => jobs.refreshJobs(ctx));
}

/** Sidebar RPC: every job, without polling. */
export function listJobs(): jobs.JobsView {
  return rpc((ctx) => jobs.listJobs(ctx));
}

/** Sidebar RPC: fetch newly delivered results of a finished job again (no duplicates). */
export function refreshJobResults(input: { jobId: string }): jobs.JobsView {
  return rpc((ctx) => jobs.refreshJobResults(ctx, input));
}

/** Sidebar RPC: stop tracking a job. */
export function cancelJob(input: { jobId: string }): jobs.JobsView {
  return rpc((ctx) => jobs.cancelJob(ctx, input));
}

/** Sidebar RPC: OpenProspect form facts (features with their dependencies, mapping fields). */
export function getOpenProspectFormInfo(): ReturnType<typeof op.openProspectFormInfo> {
  return rpc(() => op.openProspectFormInfo());
}

/** Sidebar RPC: read a sheet or selection, guess the mapping, and check every row (nothing sent). */
export function previewEnrichment(input: { source: unknown; mapping?: Record<string, number>; options?: unknown }): op.EnrichmentPreview {
  return rpc((ctx) => op.previewEnrichment(ctx, input));
}

/** Sidebar RPC: submit an OpenProspect enrichment from rows (a job; several orders past 10,000 rows). */
export function submitEnrichment(input: { source: unknown; mapping: Record<string, number>; options: unknown }): op.SubmitResult {
  return rpc((ctx) => op.submitEnrichment(ctx, input));
}

/** Sidebar RPC: submit an OpenProspect discovery order from the ICP form. */
export function submitDiscovery(input: Record<string, unknown>): op.SubmitResult {
  return rpc((ctx) => op.submitDiscovery(ctx, input));
}

/** Sidebar RPC: track an existing OpenProspect order so its results sync into tabs. */
export function importOrder(input: { orderId: string; title?: string }): op.SubmitResult {
  return rpc((ctx) => op.importOrder(ctx, input));
}

/** Sidebar RPC: recent OpenProspect orders for the import picker. */
export function listOpenProspectOrders(): ReturnType<typeof op.listOpenProspectOrders> {
  return rpc((ctx) => op.listOpenProspectOrders(ctx));
}

/** Sidebar RPC: feature dependency hints. */
export function getFeatureHints(features: string[]): string[] {
  return rpc(() => op.openProspectFeatureHints(features));
}

/** Sidebar RPC: start a search profile creation. */
export function createSearchProfile(input: Record<string, unknown>): ReturnType<typeof op.createProfile> {
  return rpc((ctx) => op.createProfile(ctx, input));
}

/** Sidebar RPC: poll a search profile creation. */
export function getSearchProfileCreation(input: { profileCreationId: string }): ReturnType<typeof op.getProfileCreation> {
  return rpc((ctx) => op.getProfileCreation(ctx, input));
}

/** Sidebar RPC: the account's blacklists. */
export function listBlacklists(): ReturnType<typeof op.listOpenProspectBlacklists> {
  return rpc((ctx) => op.listOpenProspectBlacklists(ctx));
}

/** Sidebar RPC: create a blacklist (or add entries) from a range. */
export function blacklistFromRange(input: { name: string; source: unknown; blacklistId?: string }): ReturnType<typeof op.blacklistFromRange> {
  return rpc((ctx) => op.blacklistFromRange(ctx, input));
}

/** Sidebar RPC: the tabs and the current selection (for the source picker). */
export function getSheetsInfo(): sheets.SheetsInfo {
  return rpc((ctx) => sheets.sheetsInfo(ctx));
}

/** Sidebar RPC: bring a result tab to the front. */
export function openTab(input: { name: string }): void {
  rpc((ctx) => sheets.openTab(ctx, input));
}

/** Sidebar RPC: check a provider key with the cheapest call it offers. */
export function testConnection(input: { provider: string }): connection.ConnectionResult {
  return rpc((ctx) => connection.testConnection(ctx, input));
}

/** Sidebar RPC: remove the blacklist entries matching the rows of a range. */
export function removeBlacklistEntriesFromRange(input: { blacklistId: string; source: unknown }): ReturnType<typeof op.removeBlacklistEntriesFromRange> {
  return rpc((ctx) => op.removeBlacklistEntriesFromRange(ctx, input));
}

/** Sidebar RPC: today's use of Google's daily quotas by this add-on. */
export function getQuota(): quota.QuotaView {
  return rpc((ctx) => quota.quotaView(ctx));
}

/** Sidebar RPC: consumer or Workspace account (sets the quota limits). */
export function saveAccountType(input: { account: string }): quota.QuotaView {
  return rpc((ctx) => quota.saveAccountType(ctx, input));
}

/** Sidebar RPC: gu1 settings (the user's integration code list, the confirmation threshold, last known prices). */
export function getGu1Settings(): gu1.Gu1SettingsView {
  return rpc((ctx) => gu1.getGu1Settings(ctx));
}

/** Sidebar RPC: save the gu1 code list and/or confirmation threshold (currency units); `forgetCosts` clears learnt prices. */
export function saveGu1Settings(input: { integrationCodes?: string[]; confirmAbove?: number | null; forgetCosts?: boolean }): gu1.Gu1SettingsView {
  return rpc((ctx) => gu1.saveGu1Settings(ctx, input));
}

/** Sidebar RPC: read a sheet or selection for gu1, check every row's external_id and estimate the cost (nothing sent). */
export function previewGu1(input: { source: unknown; mapping?: Record<string, number>; parameterColumns?: Record<string, number>; options?: Record<string, unknown> }): gu1.Gu1Preview {
  return rpc((ctx) => gu1.previewGu1(ctx, input));
}

/** Sidebar RPC: start a gu1 enrichment run (a job) and send its first waves within this execution. */
export function submitGu1(input: { source: unknown; mapping: Record<string, number>; parameterColumns?: Record<string, number>; options: Record<string, unknown>; confirmed?: boolean }): gu1.Gu1SubmitResult {
  return rpc((ctx) => gu1.submitGu1(ctx, input));
}
