/**
 * The only file that touches the global scope: every export becomes a top-level function in
 * dist/Code.js (menu items, sidebar RPCs, the trigger handler, custom functions). Each one
 * gathers the Apps Script services into an AppContext and delegates.
 */
import type { AppContext } from './app/context';
import { buildMenu, openSidebar, takeInitialSection, type SidebarSection } from './app/menu';
import * as settings from './app/settings';
import { scrubSecrets, toUserMessage } from './app/user-error';
import { KeyStore } from './platform/keys';
import { PROVIDERS } from './providers/endpoints';

function context(): AppContext {
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

/** Menu: advance every open job now. */
export function refreshJobsNow(): void {
  rpc((ctx) => {
    ctx.spreadsheet().toast('No open jobs to refresh.', 'Prospect Enrich', 5);
  });
}

/** Time-driven trigger: advance every open job within the time budget. */
export function tick(_e?: unknown): void {
  // Jobs arrive with the provider flows; until then the trigger has nothing to do.
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
