/**
 * The Help dialog (menu: Help): the README's "Using it" in short, and where to read the rest.
 * Plain text in a fixed page; every text is escaped (nothing from an API or the sheet goes in).
 */
import type { AppContext } from './context';
import { ADDON_TITLE } from './menu';

/** Where the whole README lives. */
export const README_URL = 'https://github.com/prospect-enrich/sheets-addon#readme';

/** The steps, in the words the sidebar shows. */
export const HELP_STEPS: ReadonlyArray<{ title: string; text: string }> = [
  { title: 'Save a key', text: 'Settings: paste the API key of OpenProspect, Openmart or gu1, press Save key, then Test connection. Keys stay in your own user properties, never in the sheet.' },
  { title: 'Pick your rows', text: 'Enrich (OpenProspect), Openmart or gu1: choose the sheet under "Rows from" (or select a range first), check the column mapping and read the preview: rows ready, every invalid row with its reason, and the cost.' },
  { title: 'Submit', text: 'Give the job a title and submit. The answer appears right below the button; the form is cleared for the next job.' },
  { title: 'Follow it in Jobs', text: 'Jobs shows each job with its progress. Results land in new tabs named after the job ("<title> - Companies", "- People", "- gu1"), keyed by external_id. Refresh results, Retry failed rows and Run again on a schedule are there too.' },
  { title: 'Formulas', text: '=ENRICHED(external_id, "field") reads a value from a result tab without calling any API. The Openmart formulas spend credits only after you allow it in Settings > Formulas.' },
];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The dialog's page. */
export function helpPage(): string {
  const steps = HELP_STEPS.map((s) => `<li><strong>${escapeHtml(s.title)}.</strong> ${escapeHtml(s.text)}</li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(ADDON_TITLE)} help</title><base target="_blank">
<style>body{font:13px Roboto,Arial,sans-serif;color:#202124;margin:12px}h1{font-size:16px;font-weight:500}li{margin-bottom:8px}a{color:#1a73e8}</style></head>
<body><main><h1>How to use ${escapeHtml(ADDON_TITLE)}</h1><ol>${steps}</ol>
<p>Everything else (costs, schedules, shared spreadsheets, what the add-on writes in your sheet) is in the <a href="${escapeHtml(README_URL)}" rel="noopener">full guide (README)</a>.</p></main></body></html>`;
}

/** Menu: Help. */
export function showHelp(ctx: AppContext): void {
  const html = ctx.html.createHtmlOutput(helpPage()).setWidth(460).setHeight(480);
  ctx.ui().showModalDialog(html, `${ADDON_TITLE}: help`);
}
