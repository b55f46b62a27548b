/** Jobs: every job with its state, a progress bar, counts, the last error and its actions. */
import type { CreateScheduleInput, JobsView, JobView, ScheduleView } from '../src/app/contract';
import { call } from './rpc';
import { el, mount, runAction } from './dom';
import { makeJobCard, updateJobCard, when, type CardContext } from './job-card';
import { syncKeyed } from './keyed';
import { resultColumnsPanel } from './result-columns-view';
import { onJobs, publishJobs } from './pump';

let unsubscribe: (() => void) | undefined;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Run again" controls: hourly, daily or weekly at an hour. */
function scheduleForm(job: JobView, status: HTMLElement): HTMLElement {
  const every = el('select', { 'aria-label': 'How often' });
  for (const [v, t] of [['daily', 'Daily'], ['weekly', 'Weekly'], ['hourly', 'Hourly']]) every.appendChild(el('option', { value: v as string, text: t as string }));
  const hour = el('select', { 'aria-label': 'At hour' });
  for (let h = 0; h < 24; h++) hour.appendChild(el('option', { value: String(h), text: `${String(h).padStart(2, '0')}:00` }));
  hour.value = '6';
  const day = el('select', { 'aria-label': 'On weekday' });
  WEEKDAY_NAMES.forEach((n, i) => {
    day.appendChild(el('option', { value: String(i), text: n }));
  });
  day.value = '1';
  const save = el('button', { type: 'button', text: 'Save schedule' });
  save.addEventListener('click', () => {
    void runAction(save, status, 'Scheduling…', () => call('createSchedule', { jobId: job.id, every: every.value as CreateScheduleInput['every'], hour: Number(hour.value), weekday: Number(day.value) }), () => 'Scheduled.').then((list) => {
      if (list) renderSchedules(list);
    });
  });
  return el('details', { class: 'schedule-form' }, el('summary', { text: 'Run again on a schedule' }), el('div', { class: 'row' }, every, hour, day), save);
}

let schedulesBox: HTMLElement | undefined;

function renderSchedules(list: ScheduleView[]): void {
  if (!schedulesBox) return;
  const status = el('div', { class: 'status' });
  mount(
    schedulesBox,
    list.length > 0 ? el('h2', { text: 'Schedules' }) : null,
    ...list.map((s) => {
      const del = s.mine ? el('button', { type: 'button', text: 'Delete' }) : null;
      del?.addEventListener('click', () => void runAction(del, status, 'Deleting…', () => call('deleteSchedule', { scheduleId: s.id })).then((v) => v && renderSchedules(v)));
      const resume = s.mine && s.pausedReason ? el('button', { type: 'button', class: 'action', text: 'Resume' }) : null;
      resume?.addEventListener('click', () => void runAction(resume, status, 'Resuming…', () => call('resumeSchedule', { scheduleId: s.id })).then((v) => v && renderSchedules(v)));
      const cadence = s.every === 'hourly' ? 'every hour' : `${s.every} at ${String(s.hour).padStart(2, '0')}:00${s.every === 'weekly' ? ` on ${WEEKDAY_NAMES[s.weekday] ?? ''}` : ''}`;
      return el(
        'div',
        { class: 'job schedule', 'data-schedule': s.id },
        el('strong', { text: s.jobTitle }),
        s.ownerNote ? el('div', { class: 'muted owner-note', text: s.ownerNote }) : null,
        el('div', { class: 'muted', text: `Runs ${cadence}${s.every === 'hourly' ? '' : ` (${s.timeZone}, the spreadsheet's time zone)`}.` }),
        el('div', { class: 'muted', text: `Last run: ${s.lastRunText ?? 'not yet'} · Next run: ${s.nextRunText ?? 'paused'}` }),
        s.pausedReason ? el('div', { class: 'error', text: `Paused: ${s.pausedReason}` }) : s.lastError ? el('div', { class: 'error', text: s.lastError }) : null,
        el('div', { class: 'row' }, resume, del),
      );
    }),
    status,
  );
}

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
    syncKeyed(list, v.jobs, (j) => j.id, (j) => makeJobCard(j, cards), (node, j) => updateJobCard(node, j, cards));
    list.setAttribute('data-renders', String(Number(list.getAttribute('data-renders') ?? '0') + 1));
  };
  // Lists an action answers go to every view (and keep the progress loop's stamp in step).
  const cards: CardContext = { status, render: publishJobs, scheduleForm };
  refresh.addEventListener('click', () => void runAction(refresh, status, 'Updating jobs…', () => call('refreshJobs')).then((v) => v && publishJobs(v)));
  schedulesBox = el('div', { id: 'schedules' });
  mount(root, el('div', { class: 'row' }, refresh), info, status, empty, list, resultColumnsPanel(), schedulesBox);
  render(await call('listJobs'));
  call('listSchedules').then(renderSchedules, () => undefined);
  // New lists come from the sidebar's progress loop (pump.ts) while this view is shown.
  unsubscribe?.();
  unsubscribe = onJobs((v) => {
    if (document.body.contains(list)) render(v);
    else unsubscribe?.();
  });
}
