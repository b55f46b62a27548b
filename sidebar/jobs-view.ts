/** Jobs: every job with its state, a progress bar, counts, the last error and its actions. */
import type { CreateScheduleInput, JobsView, JobView, ScheduleView } from '../src/app/contract';
import { call } from './rpc';
import { el, mount, runAction, setStatus } from './dom';

const POLL_MS = 20_000;
let timer: number | undefined;

function when(ms: number): string {
  const d = new Date(ms);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/** `rowsDone` -> `rows done` (amounts in cents are left to the job's cost line, which names the unit). */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([k, v]) => v !== 0 && !/Cents$/.test(k))
    .map(([k, v]) => {
      const words = k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return `${words}: ${v.toLocaleString()}`;
    })
    .join(' · ');
}

function jobCard(job: JobView, status: HTMLElement, render: (v: JobsView) => void): HTMLElement {
  const bar = el('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(job.progress.percent) }, el('span', { style: `width:${job.progress.percent}%` }));
  const counts = countsText(job.counts);
  const actions = el('div', { class: 'row' });
  for (const [role, name] of Object.entries(job.tabs)) {
    const b = el('button', { type: 'button', text: `Open ${role}` });
    b.addEventListener('click', () => void runAction(b, status, 'Opening…', () => call('openTab', { name })));
    actions.appendChild(b);
  }
  // Another editor's job: progress and tabs only; its actions belong to its owner.
  const own = job.mine;
  if (own && !job.open && job.state === 'DONE') {
    const b = el('button', { type: 'button', class: 'action', text: 'Refresh results' });
    b.addEventListener('click', () => void runAction(b, status, 'Fetching new results…', () => call('refreshJobResults', { jobId: job.id }), () => 'Results refreshed.').then((v) => v && render(v)));
    actions.appendChild(b);
  }
  if (own && job.kind === 'openmart.batches' && job.warnings.some((w) => /outcome unknown|not sent/i.test(w))) {
    const b = el('button', { type: 'button', text: 'Resubmit unknown rows…' });
    b.addEventListener('click', () => {
      void runAction(b, status, 'Checking…', () => call('resubmitOpenmartRows', { jobId: job.id })).then((r) => {
        if (!r || r.rows === 0) return;
        // The first answer only carries the warning: ask before anything may bill twice.
        if (!window.confirm(r.warning)) return;
        void runAction(b, status, 'Resubmitting…', () => call('resubmitOpenmartRows', { jobId: job.id, confirm: true }), (x) => `${x.rows} row(s) resubmitted.`);
      });
    });
    actions.appendChild(b);
  }
  if (own && job.kind === 'gu1.run' && !job.open && (job.counts['rowsFailed'] ?? 0) + (job.counts['rowsNotFound'] ?? 0) + (job.counts['noResponse'] ?? 0) > 0) {
    const b = el('button', { type: 'button', text: 'Retry failed rows' });
    b.addEventListener('click', () => void runAction(b, status, 'Retrying…', () => call('retryGu1FailedRows', { jobId: job.id }), (r) => `Retry "${r.job.title}": ${r.job.state}.`));
    actions.appendChild(b);
  }
  if (own && !job.open && job.state === 'DONE') actions.appendChild(scheduleForm(job, status));
  if (own && job.open) {
    const b = el('button', { type: 'button', text: 'Cancel tracking' });
    b.addEventListener('click', () => void runAction(b, status, 'Cancelling…', () => call('cancelJob', { jobId: job.id }), () => 'Tracking cancelled.').then((v) => v && render(v)));
    actions.appendChild(b);
  }
  return el(
    'div',
    { class: 'job', 'data-job': job.id, 'data-state': job.state, 'data-mine': String(own) },
    el('div', { class: 'row' }, el('strong', { text: job.title }), el('span', { class: 'muted', text: `${job.provider} · ${job.state}` })),
    job.ownerNote ? el('div', { class: 'muted owner-note', text: job.ownerNote }) : null,
    bar,
    el('div', { class: 'muted', text: `${job.progress.done} of ${job.progress.total} (${job.progress.percent} %)${counts ? ` · ${counts}` : ''}` }),
    job.cost ? el('div', { class: 'cost', text: job.cost }) : null,
    job.resumeAt ? el('div', { class: 'muted', text: `Paused until ${when(job.resumeAt)}` }) : null,
    job.lastError ? el('div', { class: 'error', text: job.lastError }) : null,
    ...job.warnings.map((w) => el('div', { class: 'muted', text: `⚠ ${w}` })),
    el('details', {}, el('summary', { text: 'History' }), ...job.history.map((h) => el('div', { class: 'muted', text: `${when(h.at)} ${h.text}` }))),
    actions,
  );
}

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

/** Render the Jobs section; polls the server while it is shown. */
export async function renderJobs(root: HTMLElement): Promise<void> {
  const status = el('div', { class: 'status' });
  const list = el('div', { id: 'jobs' });
  const refresh = el('button', { type: 'button', class: 'action', text: 'Refresh now' });
  const info = el('div', { class: 'muted' });
  let stamp: string | null = null;
  const render = (v: JobsView): void => {
    stamp = v.stamp;
    const last = v.lastPollAt ? `Last checked ${when(v.lastPollAt)}.` : 'Not checked yet.';
    mount(info, `${last}${v.notice ? ` ${v.notice}` : ''}`, v.background ? el('div', { class: 'error', text: v.background }) : null);
    mount(list, ...(v.jobs.length === 0 ? [el('p', { class: 'muted', text: 'No jobs yet. Submit one from Enrich or Discover.' })] : v.jobs.map((j) => jobCard(j, status, render))));
  };
  refresh.addEventListener('click', () => void runAction(refresh, status, 'Updating jobs…', () => call('refreshJobs')).then((v) => v && render(v)));
  schedulesBox = el('div', { id: 'schedules' });
  mount(root, el('div', { class: 'row' }, refresh), info, status, list, schedulesBox);
  render(await call('listJobs'));
  call('listSchedules').then(renderSchedules, () => undefined);
  if (timer !== undefined) window.clearInterval(timer);
  const tick = (): void => {
    if (!document.body.contains(list)) {
      window.clearInterval(timer);
      return;
    }
    call('refreshJobs', { auto: true, ...(stamp ? { since: stamp } : {}) }).then((v) => v && render(v), (e: unknown) => setStatus(status, 'error', e instanceof Error ? e.message : String(e)));
  };
  timer = window.setInterval(tick, POLL_MS);
  tick();
}
