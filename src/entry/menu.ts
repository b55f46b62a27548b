/** Menu surface: the menu itself, opening the sidebar, "Refresh jobs now". */
import { buildMenu, openSidebar } from '../app/menu';
import * as jobs from '../app/jobs';
import { BUDGET } from '../platform/clock';
import { showHelp as showHelpDialog } from '../app/help';
import { rpc, toast } from './run';

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

/** Menu: advance every open job now (a full run's budget) and say what happened. */
export function refreshJobsNow(): void {
  rpc((ctx) => {
    const { poll, notice } = jobs.refreshNow(ctx, BUDGET.executionMs);
    const text = !poll.ran
      ? 'Another run is updating the jobs right now; try again in a minute.'
      : poll.advanced === 0
        ? 'No open jobs to refresh.'
        : `${poll.advanced} job(s) updated, ${poll.stillOpen} still open.`;
    toast(ctx, notice ? `${text} ${notice}` : text);
  });
}

/** Menu: a dialog with the steps of the README and a link to it. */
export function showHelp(): void {
  rpc((ctx) => showHelpDialog(ctx));
}
