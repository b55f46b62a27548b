/**
 * The Help dialog (menu: Help): the README's "Using it" in short, then what a user must know before
 * spending money (costs, shared spreadsheets, what is written where, schedules). Self-contained: it
 * links nowhere, since the add-on has no public page of its own. Plain text in a fixed page; every
 * text is escaped (nothing from an API or the sheet goes in).
 */
import type { AppContext } from './context';
import { ADDON_TITLE } from './menu';

/** The steps, in the words the sidebar shows. */
export const HELP_STEPS: ReadonlyArray<{ title: string; text: string }> = [
  {
    title: 'Save a key',
    text: 'Settings: paste the API key of OpenProspect, Openmart or gu1, press Save key, then Test connection. Keys stay in your own user properties, never in the sheet.',
  },
  {
    title: 'Pick your rows',
    text: 'Enrich (OpenProspect), Openmart or gu1: choose the sheet under "Rows from" (or select a range first), check the column mapping and read the preview: rows ready, every invalid row with its reason, and the cost.',
  },
  { title: 'Submit', text: 'Give the job a title and submit. The answer appears right below the button; the form is cleared for the next job.' },
  {
    title: 'Follow it in Jobs',
    text: 'Jobs shows each job with its progress. Results land in new tabs named after the job ("<title> - Companies", "- People", "- gu1"), keyed by external_id. Refresh results, Retry failed rows and Run again on a schedule are there too.',
  },
  {
    title: 'Formulas',
    text: '=ENRICHED(external_id, "field") reads a value from a result tab without calling any API. The Openmart formulas spend credits only after you allow it in Settings > Formulas.',
  },
];

/** What to know before spending money, in the README's words, short. */
export const HELP_FACTS: ReadonlyArray<{ title: string; text: string }> = [
  {
    title: 'What you pay for',
    text: 'Every cost is shown before you submit, in the provider\'s own unit. OpenProspect prices an order at review; Openmart bills credits per returned row or task result; gu1 bills each integration\'s price per row. Reads, statuses, lists and =ENRICHED cost nothing. A billed request that got no answer is never sent again by itself: the rows say "outcome unknown" and Jobs offers to resubmit them, warning first.',
  },
  {
    title: 'Shared spreadsheets',
    text: "Each job and schedule belongs to the editor who started it and runs only on that editor's key. Co-editors see it read-only; to run the same work on your own key, submit the rows again from your sidebar. Keys stay in your own user properties.",
  },
  {
    title: 'What is written where',
    text: 'Results go only into tabs the add-on made; a tab of yours with the same name is never written (the job uses "<name> (2)"). Missing external_ids are written into empty cells of your rows only. Formulas you type into result rows stay.',
  },
  {
    title: 'Schedules',
    text: 'Jobs > Run again on a schedule runs a finished job again hourly, daily or weekly, into the same tabs. A schedule pauses itself, with the reason, when its key is removed or a mapped column is gone.',
  },
];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The dialog's page. */
export function helpPage(): string {
  const steps = HELP_STEPS.map((s) => `<li><strong>${escapeHtml(s.title)}.</strong> ${escapeHtml(s.text)}</li>`).join('');
  const facts = HELP_FACTS.map((f) => `<h2>${escapeHtml(f.title)}</h2><p>${escapeHtml(f.text)}</p>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(ADDON_TITLE)} help</title>
<style>body{font:13px Roboto,Arial,sans-serif;color:#202124;margin:12px}h1{font-size:16px;font-weight:500}h2{font-size:14px;font-weight:500;margin:16px 0 4px}li{margin-bottom:8px}</style></head>
<body><main><h1>How to use ${escapeHtml(ADDON_TITLE)}</h1><ol>${steps}</ol>
${facts}</main></body></html>`;
}

/** Menu: Help. */
export function showHelp(ctx: AppContext): void {
  const html = ctx.html.createHtmlOutput(helpPage()).setWidth(460).setHeight(560);
  ctx.ui().showModalDialog(html, `${ADDON_TITLE}: help`);
}
