/**
 * The only file that touches the global scope: every export becomes a top-level function in
 * dist/Code.js (menu items, sidebar RPCs, the trigger handler, custom functions). Each one
 * gathers the Apps Script services into an AppContext and delegates.
 */
import type { AppContext } from './app/context';
import { showHelp as showHelpDialog } from './app/help';
import * as rowsFrom from './app/rows-from';
import { buildMenu, openSidebar, takeInitialSection, type SidebarSection } from './app/menu';
import * as connection from './app/connection';
import * as gu1 from './app/gu1';
import * as gu1Codes from './app/gu1-codes';
import * as jobs from './app/jobs';
import * as op from './app/openprospect';
import * as opBlacklists from './app/op-blacklists';
import * as opOrders from './app/op-orders-list';
import * as opProfiles from './app/op-profiles';
import * as schedules from './app/schedules';
import * as settings from './app/settings';
import * as sheets from './app/sheets';
import { toActionMessage } from './app/user-error';
import { Scrubber, scrubbingStore } from './platform/scrub';
import { BUDGET } from './platform/clock';
import { syncedLock } from './platform/lock';
import { SnapshotStore } from './platform/props-snapshot';
import { KeyStore } from './platform/keys';
import { QuotaMeter } from './platform/quota';
import type { PropertyStore } from './platform/store';
import { accountType } from './app/quota';
import { bumpDocStamp } from './app/background';
import { tick as tickRun } from './app/tick';
import * as quota from './app/quota';
import * as formulas from './app/formulas';
import { enriched } from './functions/enriched';
import type { FormulaEnv } from './functions/env';
import { openmartCredits } from './functions/openmart-credits';
import { openmartBusiness, openmartEnrich } from './functions/openmart-lookups';
import { openmartSearch } from './functions/openmart-search';
import { openProspectStatus } from './functions/openprospect-status';
import * as om from './app/openmart';
import * as omAccount from './app/openmart-account';
import * as resultColumns from './app/result-columns';

function context(): AppContext {
  // One read of each store per execution (Properties calls are a daily quota); lazy, since onOpen may run where properties are off limits.
  const userProps = new SnapshotStore(() => PropertiesService.getUserProperties());
  const docSnapshot = new SnapshotStore(
    () => PropertiesService.getDocumentProperties(),
    () => bumpDocStamp(CacheService.getDocumentCache(), Utilities.getUuid()),
  );
  const props = (): SnapshotStore => userProps;
  let scrubber: Scrubber | undefined;
  const scrub = (): Scrubber => (scrubber ??= new Scrubber(savedKeys(props)));
  const docProps = scrubbingStore(docSnapshot, scrub);
  return {
    spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
    ui: () => SpreadsheetApp.getUi(),
    html: HtmlService,
    urlFetch: UrlFetchApp,
    userProps: props,
    docProps: () => docProps,
    scriptApp: ScriptApp,
    documentLock: () => syncedLock(LockService.getDocumentLock(), { flush: () => SpreadsheetApp.flush(), reload: () => docSnapshot.reload() }),
    userCache: () => CacheService.getUserCache(),
    documentCache: () => CacheService.getDocumentCache() ?? CacheService.getScriptCache(),
    clock: { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms) },
    uuid: () => Utilities.getUuid(),
    sha256: (text) =>
      Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
        .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
        .join(''),
    // The spreadsheet's zone, not the script's (the manifest's, the same for every user): schedules are read in the sheet's.
    timeZone: () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    quota: new QuotaMeter(userProps, () => Date.now(), () => accountType(props)),
    userEmail: () => {
      try {
        return Session.getActiveUser().getEmail() || '';
      } catch {
        return '';
      }
    },
    scrubber: scrub,
  };
}

/** The saved keys of the user the execution runs as (none when properties are off limits, e.g. authMode NONE). */
function savedKeys(props: () => PropertyStore): string[] {
  try {
    return new KeyStore(props()).all();
  } catch {
    return [];
  }
}

/** Run an RPC: its answer and its failures (one user sentence) reach the sidebar through the scrubber. */
function rpc<T>(fn: (ctx: AppContext) => T): T {
  const ctx = context();
  try {
    const out = fn(ctx);
    // Nothing to scrub in "no answer" (the Jobs view's "nothing new"): no key read for it.
    return out === null || out === undefined ? out : ctx.scrubber().deep(out);
  } catch (e) {
    throw new Error(ctx.scrubber().text(toActionMessage(e)));
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

/** A toast, through the scrubber like every text that leaves the add-on. */
function toast(ctx: AppContext, text: string): void {
  ctx.spreadsheet().toast(ctx.scrubber().text(text), 'Prospect Enrich', 8);
}

/** Menu: open the sidebar. */
export function showSidebar(): void {
  rpc((ctx) => {
    openSidebar(ctx, 'enrich');
    const healed = jobs.healTrigger(ctx);
    if (healed) toast(ctx, healed);
  });
}

/** Menu: open the sidebar at Settings. */
export function showSettings(): void {
  rpc((ctx) => openSidebar(ctx, 'settings'));
}

/** Menu: a dialog with the steps of the README and a link to it. */
export function showHelp(): void {
  rpc((ctx) => showHelpDialog(ctx));
}

/** Menu: advance every open job now (a full run's budget) and say what happened. */
export function refreshJobsNow(): void {
  rpc((ctx) => {
    const { poll, notice } = jobs.runPoll(ctx, BUDGET.executionMs);
    const text = !poll.ran
      ? 'Another run is updating the jobs right now; try again in a minute.'
      : poll.advanced === 0
        ? 'No open jobs to refresh.'
        : `${poll.advanced} job(s) updated, ${poll.stillOpen} still open.`;
    toast(ctx, notice ? `${text} ${notice}` : text);
  });
}

/** Time-driven trigger: advance every open job within the time budget. */
export function tick(_e?: unknown): void {
  rpc((ctx) => {
    const started = ctx.clock.now();
    try {
      tickRun(ctx);
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
  return rpc((ctx) => {
    const view = settings.savePollMinutes(ctx, input);
    jobs.reschedulePoller(ctx);
    return view;
  });
}

/** Sidebar RPC: every job, after advancing open ones briefly (live progress). */
export function refreshJobs(input?: { auto?: boolean; since?: string }): jobs.JobsView | null {
  return rpc((ctx) => jobs.refreshJobs(ctx, input));
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
export function previewEnrichment(input: { source: unknown; mapping?: Record<string, number>; options?: unknown; withoutBrokenPhones?: boolean }): op.EnrichmentPreview {
  return rpc((ctx) => op.previewEnrichment(ctx, input));
}

/** Sidebar RPC: submit an OpenProspect enrichment from rows (a job; several orders past 10,000 rows). */
export function submitEnrichment(input: { source: unknown; mapping: Record<string, number>; options: unknown; withoutBrokenPhones?: boolean }): op.SubmitResult {
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

/** Sidebar RPC: a page of the account's OpenProspect orders for the import picker (optionally one status). */
export function listOpenProspectOrders(input?: { status?: string; offset?: number }): opOrders.OrdersPick {
  return rpc((ctx) => opOrders.pickOrders(ctx, input));
}

/** Sidebar RPC: feature dependency hints. */
export function getFeatureHints(features: string[]): string[] {
  return rpc(() => op.openProspectFeatureHints(features));
}

/** Sidebar RPC: start a search profile creation job (polled in Jobs until SUCCEEDED or FAILED). */
export function createSearchProfile(input: Record<string, unknown>): ReturnType<typeof opProfiles.createProfileJob> {
  return rpc((ctx) => opProfiles.createProfileJob(ctx, input));
}

/** Sidebar RPC: the search profiles this spreadsheet's creation jobs made (for the order forms). */
export function listSearchProfiles(): ReturnType<typeof opProfiles.listProfiles> {
  return rpc((ctx) => opProfiles.listProfiles(ctx));
}

/** Sidebar RPC: every blacklist of the account (all pages). */
export function listBlacklists(): opBlacklists.BlacklistSummary[] {
  return rpc((ctx) => opBlacklists.listAllBlacklists(ctx));
}

/** Sidebar RPC: one blacklist with a page of its entries. */
export function viewBlacklist(input: { blacklistId: string; offset?: number }): opBlacklists.BlacklistDetail {
  return rpc((ctx) => opBlacklists.viewBlacklist(ctx, input));
}

/** Sidebar RPC: rename a blacklist (and change its description). */
export function renameBlacklist(input: { blacklistId: string; name: string; description?: string }): opBlacklists.BlacklistSummary {
  return rpc((ctx) => opBlacklists.renameBlacklist(ctx, input));
}

/** Sidebar RPC: delete a blacklist. */
export function deleteBlacklist(input: { blacklistId: string }): { deleted: string } {
  return rpc((ctx) => opBlacklists.removeBlacklist(ctx, input));
}

/** Sidebar RPC: create a blacklist (or add entries) from a range. */
export function blacklistFromRange(input: { name: string; description?: string; source: unknown; blacklistId?: string }): ReturnType<typeof op.blacklistFromRange> {
  return rpc((ctx) => op.blacklistFromRange(ctx, input));
}

/** Sidebar RPC: the tabs and the current selection (for the source picker). */
export function getSheetsInfo(): sheets.SheetsInfo {
  return rpc((ctx) => sheets.sheetsInfo(ctx));
}

/** Sidebar RPC: remember the sheet a form's "Rows from" was set to (per user, in this document). */
export function rememberRowsFrom(input: { form: string; sheetName: string }): void {
  rpc((ctx) => rowsFrom.rememberRowsFrom(ctx, input));
}

/** Sidebar RPC: bring a result tab to the front. */
export function openTab(input: { name: string }): void {
  rpc((ctx) => sheets.openTab(ctx, input));
}

/** Sidebar RPC: check a provider key with the cheapest call it offers. */
export function testConnection(input: { provider: string }): connection.ConnectionResult {
  return rpc((ctx) => connection.testConnection(ctx, input));
}

/** Sidebar RPC: gu1 settings (the user's integration code list, the confirmation threshold, last known prices). */
export function getGu1Settings(): gu1.Gu1SettingsView {
  return rpc((ctx) => gu1.getGu1Settings(ctx));
}

/** Sidebar RPC: save the gu1 code list and/or confirmation threshold (currency units); `forgetCosts` clears learnt prices. */
export function saveGu1Settings(input: { integrationCodes?: string[]; confirmAbove?: number | null; forgetCosts?: boolean }): gu1.Gu1SettingsView {
  return rpc((ctx) => gu1.saveGu1Settings(ctx, input));
}

/** Sidebar RPC: the integration codes the gu1 form offers (used, group refs, seen in answers). */
export function getGu1CodeChoices(): ReturnType<typeof gu1Codes.gu1CodeChoices> {
  return rpc((ctx) => gu1Codes.gu1CodeChoices(ctx));
}

/** Sidebar RPC: read a sheet or selection for gu1, check every row's external_id and estimate the cost (nothing sent). */
export function previewGu1(input: { source: unknown; mapping?: Record<string, number>; parameterColumns?: Record<string, number>; options?: Record<string, unknown> }): gu1.Gu1Preview {
  return rpc((ctx) => gu1.previewGu1(ctx, input));
}

/** Sidebar RPC: start a gu1 enrichment run (a job) and send its first waves within this execution. */
export function submitGu1(input: { source: unknown; mapping: Record<string, number>; parameterColumns?: Record<string, number>; options: Record<string, unknown>; confirmed?: boolean }): gu1.Gu1SubmitResult {
  return rpc((ctx) => gu1.submitGu1(ctx, input));
}

/** Sidebar RPC: remove the blacklist entries matching the rows of a range. */
export function removeBlacklistEntriesFromRange(input: { blacklistId: string; source: unknown }): ReturnType<typeof op.removeBlacklistEntriesFromRange> {
  return rpc((ctx) => op.removeBlacklistEntriesFromRange(ctx, input));
}

// ---------------------------------------------------------------------------------------------
// Custom functions (src/functions): cached, budgeted to 25 s, read the spreadsheet owner's settings.
// ---------------------------------------------------------------------------------------------

/** Run a custom function: any failure becomes one sentence (Sheets shows it under #ERROR!), never with a key in it. */
function formula<T>(fn: (env: FormulaEnv) => T): T {
  const ctx = context();
  try {
    return ctx.scrubber().deep(fn(formulas.formulaEnv(ctx)));
  } catch (e) {
    throw new Error(ctx.scrubber().text(formulas.formulaMessage(e)));
  }
}

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

/** Sidebar RPC: turn "formulas may spend credits" on or off and set the daily formula credit cap. */
export function saveFormulaSettings(input: { spendCredits: boolean; dailyCap: number }): settings.SettingsView {
  return rpc((ctx) => settings.saveFormulaSettings(ctx, input));
}

/** Sidebar RPC: today's use of Google's daily quotas by this add-on. */
export function getQuota(): quota.QuotaView {
  return rpc((ctx) => quota.quotaView(ctx));
}

/** Sidebar RPC: consumer or Workspace account (sets the quota limits). */
export function saveAccountType(input: { account: string }): quota.QuotaView {
  return rpc((ctx) => quota.saveAccountType(ctx, input));
}

// ---- Openmart ------------------------------------------------------------------------------

/** Sidebar RPC: the Openmart flows (batch routes with their columns, enrich columns), limits and the credit threshold. */
export function getOpenmartFormInfo(): ReturnType<typeof om.openmartFormInfo> {
  return rpc((ctx) => om.openmartFormInfo(ctx));
}

/** Sidebar RPC: check rows for an Openmart batch (find_people, find_tech, lookup_business_email, lookup_people) and estimate credits; nothing sent. */
export function previewOpenmartBatch(input: { operation: string; source: unknown; mapping?: Record<string, number>; options?: unknown }): om.BatchPreview {
  return rpc((ctx) => om.previewOpenmartBatch(ctx, input));
}

/** Sidebar RPC: submit an Openmart batch job from rows (batches of 100, tracking_id = external_id); `confirmCredits` above the threshold. */
export function submitOpenmartBatch(input: { operation: string; source: unknown; mapping?: Record<string, number>; options?: unknown; confirmCredits?: boolean }): om.OpenmartSubmitResult {
  return rpc((ctx) => om.submitOpenmartBatch(ctx, input));
}

/** Sidebar RPC: resubmit rows marked "submitted, outcome unknown" (may bill twice) or not sent for lack of credits; without `confirm` it only returns the warning. */
export function resubmitOpenmartRows(input: { jobId: string; confirm?: boolean }): om.ResubmitResult {
  return rpc((ctx) => om.resubmitOpenmartRows(ctx, input));
}

/** Sidebar RPC: check an Openmart business search form (flat filters) and estimate credits. */
export function previewOpenmartSearch(input: { form: unknown }): om.SearchPreview {
  return rpc((ctx) => om.previewOpenmartSearch(ctx, input));
}

/** Sidebar RPC: run an Openmart business search into `<title> - Businesses`. */
export function submitOpenmartSearch(input: { form: unknown; confirmCredits?: boolean }): om.OpenmartSubmitResult {
  return rpc((ctx) => om.submitOpenmartSearch(ctx, input));
}

/** Sidebar RPC: check an Openmart brand search form and estimate credits. */
export function previewOpenmartBrandSearch(input: { form: unknown }): om.SearchPreview {
  return rpc((ctx) => om.previewOpenmartBrandSearch(ctx, input));
}

/** Sidebar RPC: run an Openmart brand search into `<title> - Brands`. */
export function submitOpenmartBrandSearch(input: { form: unknown; confirmCredits?: boolean }): om.OpenmartSubmitResult {
  return rpc((ctx) => om.submitOpenmartBrandSearch(ctx, input));
}

/** Sidebar RPC: check rows for "enrich from a column" (Openmart id, Google Place id, website or social link) and estimate credits. */
export function previewOpenmartEnrich(input: { source: unknown; mapping?: Record<string, number>; options?: unknown }): om.EnrichPreview {
  return rpc((ctx) => om.previewOpenmartEnrich(ctx, input));
}

/** Sidebar RPC: enrich rows from a column into `<title> - Businesses`, keyed by external_id. */
export function submitOpenmartEnrich(input: { source: unknown; mapping?: Record<string, number>; options?: unknown; confirmCredits?: boolean }): om.OpenmartSubmitResult {
  return rpc((ctx) => om.submitOpenmartEnrich(ctx, input));
}

/** Sidebar RPC: the Openmart credit balance and the confirmation threshold. */
export function getOpenmartCredits(): ReturnType<typeof omAccount.openmartCredits> {
  return rpc((ctx) => omAccount.openmartCredits(ctx));
}

/** Sidebar RPC: set the credit estimate above which an Openmart submit asks for confirmation. */
export function saveOpenmartCreditThreshold(input: { threshold: number }): { creditThreshold: number } {
  return rpc((ctx) => omAccount.saveOpenmartCreditThreshold(ctx, input));
}

/** Sidebar RPC: add Openmart deny rules for the emails or phones in the selected range. */
export function addOpenmartDenyRules(input: { type: string; source?: unknown }): omAccount.DenyResult {
  return rpc((ctx) => omAccount.addOpenmartDenyRules(ctx, input));
}

/** Sidebar RPC: check the selected emails or phones against the deny rules; results go in the column right of the range. */
export function checkOpenmartDenyRules(input: { type: string; source?: unknown }): ReturnType<typeof omAccount.checkOpenmartDenyRules> {
  return rpc((ctx) => omAccount.checkOpenmartDenyRules(ctx, input));
}

/** Sidebar RPC: remove Openmart deny rules for the emails or phones in the selected range. */
export function removeOpenmartDenyRules(input: { type: string; source?: unknown }): omAccount.DenyResult {
  return rpc((ctx) => omAccount.removeOpenmartDenyRules(ctx, input));
}

/** Sidebar RPC: every scheduled refresh with its last and next run and last error. */
export function listSchedules(): schedules.ScheduleView[] {
  return rpc((ctx) => schedules.listSchedules(ctx));
}

/** Sidebar RPC: run a job again hourly, daily or weekly at an hour (the spreadsheet's time zone). */
export function createSchedule(input: { jobId: string; every: string; hour?: number; weekday?: number }): schedules.ScheduleView[] {
  return rpc((ctx) => {
    const out = schedules.createSchedule(ctx, input);
    jobs.syncTrigger(ctx, jobs.openJobCount(ctx));
    return out;
  });
}

/** Sidebar RPC: delete a schedule (the job and its tabs stay). */
export function deleteSchedule(input: { scheduleId: string }): schedules.ScheduleView[] {
  return rpc((ctx) => schedules.deleteSchedule(ctx, input));
}

/** Sidebar RPC: resume a paused schedule. */
export function resumeSchedule(input: { scheduleId: string }): schedules.ScheduleView[] {
  return rpc((ctx) => {
    const out = schedules.resumeSchedule(ctx, input);
    jobs.syncTrigger(ctx, jobs.openJobCount(ctx));
    return out;
  });
}

/** Sidebar RPC: pause a schedule until Resume (the poll trigger goes when nothing else needs it). */
export function pauseSchedule(input: { scheduleId: string }): schedules.ScheduleView[] {
  return rpc((ctx) => {
    const out = schedules.pauseSchedule(ctx, input);
    jobs.syncTrigger(ctx, jobs.openJobCount(ctx));
    return out;
  });
}

/** Sidebar RPC: the spreadsheet's time zone, in which schedules are set and shown. */
export function getScheduleTimeZone(): string {
  return rpc((ctx) => ctx.timeZone());
}

/** Sidebar RPC: send again, into the same tab, the rows of a finished gu1 run that did not succeed. */
export function retryGu1FailedRows(input: { jobId: string }): gu1.Gu1SubmitResult {
  return rpc((ctx) => gu1.retryGu1FailedRows(ctx, input));
}

/** Sidebar RPC: the choices of "Add result columns to my sheet" (result tabs, the tab's fields, the user's sheets). */
export function getResultColumnsOptions(input?: { tab?: string; sheet?: string }): resultColumns.ResultColumnsOptions {
  return rpc((ctx) => resultColumns.resultColumnsOptions(ctx, input));
}

/** Sidebar RPC: add fields of a result tab as new columns right of the user's table (formulas or values). */
export function addResultColumns(input: { tab: string; fields: string[]; sheet: string; mode: 'formulas' | 'values' }): { message: string; a1: string } {
  return rpc((ctx) => resultColumns.addResultColumns(ctx, input));
}
