/** Jobs: every job with its state, a progress bar, counts, the last error and its actions. */
import type { JobsView } from '../src/app/contract';
import { call } from './rpc';
import { el, mount, runAction } from './dom';
import { makeJobCard, updateJobCard, when, type CardContext } from './job-card';
import { syncKeyed } from './keyed';
import { resultColumnsPanel } from './result-columns-view';
import { onJobs, publishJobs } from './pump';
import { renderSchedules, scheduleForm, schedulesBox } from './schedules-view';

let unsubscribe: (() => void) | undefined;

/** Render the Jobs section; it follows the sidebar's progress loop while it is shown. */
export async function renderJobs(root: HTMLElement): Promise<void> {
  const status = el('div', { class: 'status' });
  const list = el('div', { id: 'jobs' });
  const refresh = el('button', { type: 'button', class: 'action', text: 'Refresh now' });
  const info = el('div', { class: 'muted' });
  const empty = el('p', { class: 'muted', text: 'No jobs yet. Submit one from Enrich or Discover.', hidden: true });
  const render = (v: JobsView): void => {
    const last = v.lastPollAt ? `Last checked ${when(v.lastPollAt)}.` : 'Not checked yet.';
    mount(info, `${last}${v.notice ? ` ${v.notice}` : ''}`, v.background ? el('div', { class: 'error', text: v.background }) : null);
    // In place: cards that stay keep their open History, schedule form, choices and focus.
    empty.hidden = v.jobs.length > 0;
    syncKeyed(
      list,
      v.jobs,
      (j) => j.id,
      (j) => makeJobCard(j, cards),
      (node, j) => updateJobCard(node, j, cards),
    );
    list.setAttribute('data-renders', String(Number(list.getAttribute('data-renders') ?? '0') + 1));
  };
  // The form names the spreadsheet's time zone, asked once per render of the section.
  const timeZone = await call('getScheduleTimeZone');
  // Lists an action answers go to every view (and keep the progress loop's stamp in step).
  const cards: CardContext = { status, render: publishJobs, scheduleForm: (job) => scheduleForm(job, timeZone) };
  refresh.addEventListener('click', () => void runAction(refresh, status, 'Updating jobs…', () => call('refreshJobs')).then((v) => v && publishJobs(v)));
  mount(root, el('div', { class: 'row' }, refresh), info, status, empty, list, resultColumnsPanel(), schedulesBox());
  render(await call('listJobs'));
  call('listSchedules').then(renderSchedules, () => undefined);
  // New lists come from the sidebar's progress loop (pump.ts) while this view is shown.
  unsubscribe?.();
  unsubscribe = onJobs((v) => {
    if (document.body.contains(list)) render(v);
    else unsubscribe?.();
  });
}
