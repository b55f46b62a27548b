/** Sidebar surface, Settings section: keys, base URLs, poll frequency, formulas, quotas, and the sheet picker every form shares. */
import type * as C from '../app/contract';
import { takeInitialSection } from '../app/menu';
import * as connection from '../app/connection';
import * as jobs from '../app/jobs';
import * as quota from '../app/quota';
import * as settings from '../app/settings';
import * as rowsFrom from '../app/rows-from';
import * as sheets from '../app/sheets';
import { rpc } from './run';

/** Sidebar RPC: which section to open at. */
export function getInitialSection(): C.SidebarSection {
  return rpc((ctx) => takeInitialSection(ctx));
}

/** Sidebar RPC: settings with masked keys. */
export function getSettings(): C.SettingsView {
  return rpc((ctx) => settings.getSettings(ctx));
}

/** Sidebar RPC: save a provider key (stored in user properties; returned masked). */
export function saveApiKey(input: C.SaveKeyInput): C.SettingsView {
  return rpc((ctx) => settings.saveApiKey(ctx, input));
}

/** Sidebar RPC: forget a provider key. */
export function removeApiKey(input: C.RemoveKeyInput): C.SettingsView {
  return rpc((ctx) => settings.removeApiKey(ctx, input));
}

/** Sidebar RPC: set or reset a provider's base URL (staging). */
export function saveBaseUrl(input: C.BaseUrlInput): C.SettingsView {
  return rpc((ctx) => settings.saveBaseUrl(ctx, input));
}

/** Sidebar RPC: poll frequency in minutes. */
export function savePollMinutes(input: C.PollInput): C.SettingsView {
  return rpc((ctx) => {
    const view = settings.savePollMinutes(ctx, input);
    jobs.reschedulePoller(ctx);
    return view;
  });
}

/** Sidebar RPC: check a provider key with the cheapest call it offers. */
export function testConnection(input: C.ConnectionInput): C.ConnectionResult {
  return rpc((ctx) => connection.testConnection(ctx, input));
}

/** Sidebar RPC: turn "formulas may spend credits" on or off and set the daily formula credit cap. */
export function saveFormulaSettings(input: C.FormulaInput): C.SettingsView {
  return rpc((ctx) => settings.saveFormulaSettings(ctx, input));
}

/** Sidebar RPC: today's use of Google's daily quotas by this add-on. */
export function getQuota(): C.QuotaView {
  return rpc((ctx) => quota.quotaView(ctx));
}

/** Sidebar RPC: consumer or Workspace account (sets the quota limits). */
export function saveAccountType(input: C.AccountInput): C.QuotaView {
  return rpc((ctx) => quota.saveAccountType(ctx, input));
}

/** Sidebar RPC: the tabs and the current selection (for the source picker). */
export function getSheetsInfo(): C.SheetsInfo {
  return rpc((ctx) => sheets.sheetsInfo(ctx));
}

/** Sidebar RPC: bring a result tab to the front. */
export function openTab(input: C.TabInput): void {
  rpc((ctx) => sheets.openTab(ctx, input));
}

/** Sidebar RPC: remember the sheet a form's "Rows from" was set to (per user, in this document). */
export function rememberRowsFrom(input: C.RememberRowsFromInput): void {
  rpc((ctx) => rowsFrom.rememberRowsFrom(ctx, input));
}
