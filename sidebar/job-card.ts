/**
 * One job in the Jobs view, made once and then updated in place: a refresh moves only the numbers,
 * states and lines that changed, and keeps what the user opened (History, the schedule form),
 * chose, typed or focused.
 */
import type { JobsView, JobView } from '../src/app/contract';
import { call } from './rpc';
import { el, runAction } from './dom';
import { optionalText, setAttr, setText, syncKeyed } from './keyed';

export interface CardContext {
  status: HTMLElement;
  /** Show a fresh list of jobs (after an action that answers one). */
  render(v: JobsView): void;
  /** The "Run again on a schedule" form of a finished job (made once per card). */
  scheduleForm(job: JobView, status: HTMLElement): HTMLElement;
}

/** A time as the user reads it (their locale). */
export function when(ms: number): string {
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

interface Action {
  key: string;
  make(): HTMLElement;
}

function button(text: string, cls?: string): HTMLButtonElement {
  return el('button', { type: 'button', text, ...(cls ? { class: cls } : {}) });
}

/** The actions a job offers now, keyed so a refresh keeps the ones that stay (and their state). */
function actionsOf(job: JobView, ctx: CardContext): Action[] {
  const { status, render } = ctx;
  const out: Action[] = Object.entries(job.tabs).map(([role, name]) => ({
    key: `tab:${role}:${name}`,
    make: () => {
      const b = button(`Open ${role}`);
      b.addEventListener('click', () => void runAction(b, status, 'Opening…', () => call('openTab', { name })));
      return b;
    },
  }));
  // Another editor's job: progress and tabs only; its actions belong to its owner.
  if (!job.mine) return out;
  const id = job.id;
  // A job without result tabs (a search profile) has nothing to refresh or run again.
  const hasResults = Object.keys(job.tabs).length > 0;
  if (!job.open && job.state === 'DONE' && hasResults) {
    out.push({
      key: 'refresh',
      make: () => {
        const b = button('Refresh results', 'action');
        b.addEventListener(
          'click',
          () =>
            void runAction(
              b,
              status,
              'Fetching new results…',
              () => call('refreshJobResults', { jobId: id }),
              () => 'Results refreshed.',
            ).then((v) => v && render(v)),
        );
        return b;
      },
    });
  }
  if (job.kind === 'openmart.batches' && job.warnings.some((w) => /outcome unknown|not sent/i.test(w))) {
    out.push({
      key: 'resubmit',
      make: () => {
        const b = button('Resubmit unknown rows…');
        b.addEventListener('click', () => {
          void runAction(b, status, 'Checking…', () => call('resubmitOpenmartRows', { jobId: id })).then((r) => {
            if (!r || r.rows === 0) return;
            // The first answer only carries the warning: ask before anything may bill twice.
            if (!window.confirm(r.warning)) return;
            void runAction(
              b,
              status,
              'Resubmitting…',
              () => call('resubmitOpenmartRows', { jobId: id, confirm: true }),
              (x) => `${x.rows} row(s) resubmitted.`,
            );
          });
        });
        return b;
      },
    });
  }
  // Rows gu1 marked not retryable (rowsFinal) are never sent again: no button when they are all there is.
  const retryable = (job.counts['rowsFailed'] ?? 0) + (job.counts['rowsNotFound'] ?? 0) - (job.counts['rowsFinal'] ?? 0);
  if (job.kind === 'gu1.run' && !job.open && retryable > 0) {
    out.push({
      key: 'retry',
      make: () => {
        const b = button('Retry failed rows');
        b.addEventListener(
          'click',
          () =>
            void runAction(
              b,
              status,
              'Retrying…',
              () => call('retryGu1FailedRows', { jobId: id }),
              (r) => `Retry "${r.job.title}": ${r.job.state}.`,
            ),
        );
        return b;
      },
    });
  }
  if (!job.open && job.state === 'DONE' && hasResults) out.push({ key: 'schedule', make: () => ctx.scheduleForm(job, status) });
  if (job.open) {
    out.push({
      key: 'cancel',
      make: () => {
        // Only the add-on stops following it: the order itself goes on at the provider (and may bill).
        const b = button('Stop tracking…');
        const why = `Stop tracking "${job.title}"? The order itself goes on at ${job.provider} and may still bill; its results are just no longer written here.`;
        b.addEventListener('click', () => {
          if (window.confirm(why))
            void runAction(
              b,
              status,
              'Stopping…',
              () => call('cancelJob', { jobId: id }),
              () => 'Tracking stopped; the order goes on at the provider.',
            ).then((v) => v && render(v));
        });
        return b;
      },
    });
  }
  return out;
}

/** The parts of a card a refresh may change, found by class. */
function part(card: HTMLElement, cls: string): HTMLElement {
  const node = card.querySelector<HTMLElement>(`:scope .${cls}`);
  if (!node) throw new Error(`job card without .${cls}`);
  return node;
}

/** Make a card (its parts empty) and fill it. */
export function makeJobCard(job: JobView, ctx: CardContext): HTMLElement {
  const card = el(
    'div',
    { class: 'job' },
    el('div', { class: 'row' }, el('strong', { class: 'job-title' }), el('span', { class: 'muted job-meta' })),
    el('div', { class: 'muted owner-note' }),
    el('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' }, el('span', { class: 'bar-fill' })),
    el('div', { class: 'muted job-progress' }),
    el('div', { class: 'cost' }),
    el('div', { class: 'muted job-resume' }),
    el('div', { class: 'error job-error' }),
    el('div', { class: 'job-warnings' }),
    el('details', { class: 'job-history' }, el('summary', { text: 'History' }), el('div', { class: 'history-lines' })),
    el('div', { class: 'row job-actions' }),
  );
  updateJobCard(card, job, ctx);
  return card;
}

/** Bring a card up to `job`, touching only what changed. */
export function updateJobCard(card: HTMLElement, job: JobView, ctx: CardContext): void {
  setAttr(card, 'data-job', job.id);
  setAttr(card, 'data-state', job.state);
  setAttr(card, 'data-mine', String(job.mine));
  setText(part(card, 'job-title'), job.title);
  setText(part(card, 'job-meta'), `${job.provider} · ${job.state}`);
  optionalText(part(card, 'owner-note'), job.ownerNote);
  setAttr(part(card, 'bar'), 'aria-valuenow', String(job.progress.percent));
  setAttr(part(card, 'bar'), 'aria-label', `Progress of ${job.title}`);
  setAttr(part(card, 'bar-fill'), 'style', `width:${job.progress.percent}%`);
  const counts = countsText(job.counts);
  setText(part(card, 'job-progress'), `${job.progress.done} of ${job.progress.total} (${job.progress.percent} %)${counts ? ` · ${counts}` : ''}`);
  optionalText(part(card, 'cost'), job.cost);
  optionalText(part(card, 'job-resume'), job.resumeAt ? `Paused until ${when(job.resumeAt)}` : null);
  optionalText(part(card, 'job-error'), job.lastError);
  syncKeyed(
    part(card, 'job-warnings'),
    job.warnings,
    (w) => w,
    (w) => el('div', { class: 'muted', text: `⚠ ${w}` }),
  );
  syncKeyed(
    part(card, 'history-lines'),
    job.history,
    (h) => `${h.at}|${h.text}`,
    (h) => el('div', { class: 'muted', text: `${when(h.at)} ${h.text}` }),
  );
  syncKeyed(
    part(card, 'job-actions'),
    actionsOf(job, ctx),
    (a) => a.key,
    (a) => a.make(),
  );
}
