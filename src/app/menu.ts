/** The add-on menu and the sidebar. */
import { KeyStore } from '../platform/keys';
import type { AppContext } from './context';

export const ADDON_TITLE = 'Prospect Enrich';

/**
 * Build the menu. Runs in onOpen, possibly with authMode NONE: nothing but the menu may be
 * touched here (no properties, no sheet reads, no UrlFetch).
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  ui.createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Refresh jobs now', 'refreshJobsNow')
    .addSeparator()
    .addItem('Open settings', 'showSettings')
    .addItem('Help', 'showHelp')
    .addToUi();
}

export type SidebarSection = 'enrich' | 'discover' | 'jobs' | 'settings';
const SECTION_KEY = 'sidebar.section';

/** Open the sidebar at a section (remembered briefly so the page can ask for it). */
export function openSidebar(ctx: AppContext, section: SidebarSection): void {
  ctx.userCache().put(SECTION_KEY, section, 60);
  const html = ctx.html.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  ctx.ui().showSidebar(html);
}

/**
 * The section the sidebar should open at (once): the one a menu item asked for, else Settings
 * while the user has no key at all (its three-step guide), else Enrich.
 */
export function takeInitialSection(ctx: AppContext): SidebarSection {
  const cache = ctx.userCache();
  const s = cache.get(SECTION_KEY);
  if (s) cache.remove(SECTION_KEY);
  if (s === 'settings' || s === 'discover' || s === 'jobs') return s;
  return new KeyStore(ctx.userProps()).all().length === 0 ? 'settings' : 'enrich';
}
