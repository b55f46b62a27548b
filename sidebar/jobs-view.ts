/** Jobs: every job with its state, a progress bar, counts, the last error and its actions. */
import type { JobsView, JobView } from '../src/app/jobs';
import { call } from './rpc';
import { el, mount, runAction, setStatus } from './dom';

const POLL_MS = 20_000;
let timer: number | undefined;

function when(ms: number): string {
  const d = new Date(ms);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

function jobCard(job: JobView, status: HTMLElement, render: (v: JobsView) => void): HTMLElement {
  const bar = el('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(job.progress.percent) }, el('span', { style: `width:${job.progress.percent}%` }));
  const counts = Object.entries(job.counts)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
  const actions = el('div', { class: 'row' });
  for (const [role, name] of Object.entries(job.tabs)) {
    const b = el('button', { type: 'button', text: `Open ${role}` });
    b.addEventListener('click', () => void runAction(b, status, 'Opening…', () => call('openTab', { name })));
    actions.appendChild(b);
  }
  if (!job.open && job.state === 'DONE') {
    const b = el('button', { type: 'button', class: 'action', text: 'Refresh results' });
    b.addEventListener('click', () => void runAction(b, status, 'Fetching new results…', () => call('refreshJobResults', { jobId: job.id }), () => 'Results refreshed.').then((v) => v && render(v)));
    actions.appendChild(b);
  }
  if (job.open) {
    const b = el('button', { type: 'button', text: 'Cancel tracking' });
    b.addEventListener('click', () => void runAction(b, status, 'Cancelling…', () => call('cancelJob', { jobId: job.id }), () => 'Tracking cancelled.').then((v) => v && render(v)));
    actions.appendChild(b);
  }
  return el(
    'div',
    { class: 'job', 'data-job': job.id, 'data-state': job.state },
    el('div', { class: 'row' }, el('strong', { text: job.title }), el('span', { class: 'muted', text: `${job.provider} · ${job.state}` })),
    bar,
    el('div', { class: 'muted', text: `${job.progress.done} of ${job.progress.total} (${job.progress.percent} %)${counts ? ` · ${counts}` : ''}` }),
    job.resumeAt ? el('div', { class: 'muted', text: `Paused until ${when(job.resumeAt)}` }) : null,
    job.lastError ? el('div', { class: 'error', text: job.lastError }) : null,
    ...job.warnings.map((w) => el('div', { class: 'muted', text: `⚠ ${w}` })),
    el('details', {}, el('summary', { text: 'History' }), ...job.history.map((h) => el('div', { class: 'muted', text: `${when(h.at)} ${h.text}` }))),
    actions,
  );
}

/** Render the Jobs section; polls the server while it is shown. */
export async function renderJobs(root: HTMLElement): Promise<void> {
  const status = el('div', { class: 'status' });
  const list = el('div', { id: 'jobs' });
  const refresh = el('button', { type: 'button', class: 'action', text: 'Refresh now' });
  const info = el('div', { class: 'muted' });
  const render = (v: JobsView): void => {
    const last = v.lastPollAt ? `Last checked ${when(v.lastPollAt)}.` : 'Not checked yet.';
    mount(info, `${last}${v.notice ? ` ${v.notice}` : ''}`);
    mount(list, ...(v.jobs.length === 0 ? [el('p', { class: 'muted', text: 'No jobs yet. Submit one from Enrich or Discover.' })] : v.jobs.map((j) => jobCard(j, status, render))));
  };
  refresh.addEventListener('click', () => void runAction(refresh, status, 'Updating jobs…', () => call('refreshJobs')).then((v) => v && render(v)));
  mount(root, el('div', { class: 'row' }, refresh), info, status, list);
  render(await call('listJobs'));
  if (timer !== undefined) window.clearInterval(timer);
  const tick = (): void => {
    if (!document.body.contains(list)) {
      window.clearInterval(timer);
      return;
    }
    call('refreshJobs').then(render, (e: unknown) => setStatus(status, 'error', e instanceof Error ? e.message : String(e)));
  };
  timer = window.setInterval(tick, POLL_MS);
  tick();
}
