/**
 * Schedules in the Jobs view: the "Run again on a schedule" form of a finished job (labelled
 * pickers that fit the choice, the spreadsheet's time zone named, the answer beside the button)
 * and the list of schedules with Pause / Resume / Delete.
 */
import type { CreateScheduleInput, JobView, ScheduleView } from '../src/app/contract';
import { call } from './rpc';
import { el, mount, runAction, setStatus } from './dom';

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

let uid = 0;
let box: HTMLElement | undefined;

/** A labelled select in its own block (`hidden` when it does not apply to the choice). */
function picker(label: string, options: Array<[string, string]>, value: string): { block: HTMLElement; select: HTMLSelectElement } {
  const id = `schedule-${++uid}`;
  const select = el('select', { id });
  for (const [v, t] of options) select.appendChild(el('option', { value: v, text: t }));
  select.value = value;
  return { block: el('div', { class: 'block' }, el('label', { for: id, text: label }), select), select };
}

/** "daily at 07:00" / "weekly on Monday at 07:00" / "every hour". */
export function cadenceText(every: string, hour: number, weekday: number): string {
  const at = `${String(hour).padStart(2, '0')}:00`;
  if (every === 'hourly') return 'every hour';
  return every === 'weekly' ? `weekly on ${WEEKDAY_NAMES[weekday] ?? ''} at ${at}` : `daily at ${at}`;
}

/** The form under a finished job; `timeZone` is the spreadsheet's. */
export function scheduleForm(job: JobView, timeZone: string): HTMLElement {
  const every = picker(
    'How often',
    [
      ['daily', 'Daily'],
      ['weekly', 'Weekly'],
      ['hourly', 'Hourly'],
    ],
    'daily',
  );
  const day = picker(
    'On',
    WEEKDAY_NAMES.map((n, i) => [String(i), n]),
    '1',
  );
  const hour = picker(
    `At (${timeZone} time)`,
    Array.from({ length: 24 }, (_, h) => [String(h), `${String(h).padStart(2, '0')}:00`]),
    '6',
  );
  const showFitting = (): void => {
    day.block.hidden = every.select.value !== 'weekly';
    hour.block.hidden = every.select.value === 'hourly';
  };
  every.select.addEventListener('change', showFitting);
  showFitting();
  const result = el('div', { class: 'status schedule-result' });
  const save = el('button', { type: 'button', class: 'action', text: 'Save schedule' });
  save.addEventListener('click', () => {
    const input = {
      jobId: job.id,
      every: every.select.value as CreateScheduleInput['every'],
      hour: Number(hour.select.value),
      weekday: Number(day.select.value),
    };
    const done = `Scheduled: runs ${cadenceText(input.every, input.hour, input.weekday)}${input.every === 'hourly' ? '' : ` (${timeZone})`}.`;
    // The job list may be redrawn any second (the sidebar's progress loop): the answer also heads the schedules, in view.
    void runAction(
      save,
      result,
      'Scheduling…',
      () => call('createSchedule', input),
      () => `${done} It is listed under Schedules below.`,
    ).then((list) => {
      if (list) renderSchedules(list, done);
    });
  });
  return el(
    'details',
    { class: 'schedule-form' },
    el('summary', { text: 'Run again on a schedule' }),
    el('p', {
      class: 'muted',
      text: `Each run writes into this job's tabs again. Times are in the spreadsheet's time zone, ${timeZone} (File > Settings in Sheets).`,
    }),
    every.block,
    day.block,
    hour.block,
    el('div', { class: 'row' }, save),
    result,
  );
}

/** Where the list goes (the Jobs view makes one per render). */
export function schedulesBox(): HTMLElement {
  box = el('div', { id: 'schedules' });
  return box;
}

/** The schedules with their actions; each action answers on its line (`note`: a success to show there, in view). */
export function renderSchedules(list: ScheduleView[], note?: string): void {
  if (!box) return;
  const status = el('div', { class: 'status', id: 'schedules-status' });
  const action = (
    s: ScheduleView,
    label: string,
    name: 'pauseSchedule' | 'resumeSchedule' | 'deleteSchedule',
    busy: string,
    cls?: string,
  ): HTMLButtonElement | null => {
    if (!s.mine) return null;
    const b = el('button', { type: 'button', text: label, ...(cls ? { class: cls } : {}) });
    b.addEventListener('click', () => void runAction(b, status, busy, () => call(name, { scheduleId: s.id })).then((v) => v && renderSchedules(v)));
    return b;
  };
  mount(
    box,
    list.length > 0 ? el('h2', { text: 'Schedules' }) : null,
    ...list.map((s) =>
      el(
        'div',
        { class: 'job schedule', 'data-schedule': s.id, 'data-paused': String(s.pausedReason !== null) },
        el('strong', { text: s.jobTitle }),
        s.ownerNote ? el('div', { class: 'muted owner-note', text: s.ownerNote }) : null,
        el('div', {
          class: 'muted',
          text: `Runs ${cadenceText(s.every, s.hour, s.weekday)}${s.every === 'hourly' ? '' : ` (${s.timeZone}, the spreadsheet's time zone)`}.`,
        }),
        el('div', { class: 'muted', text: `Last run: ${s.lastRunText ?? 'not yet'} · Next run: ${s.nextRunText ?? 'paused'}` }),
        s.pausedReason
          ? el('div', { class: 'error', text: `Paused: ${s.pausedReason}` })
          : s.lastError
            ? el('div', { class: 'error', text: s.lastError })
            : null,
        el(
          'div',
          { class: 'row' },
          s.pausedReason ? action(s, 'Resume', 'resumeSchedule', 'Resuming…', 'action') : action(s, 'Pause', 'pauseSchedule', 'Pausing…'),
          action(s, 'Delete', 'deleteSchedule', 'Deleting…'),
        ),
      ),
    ),
    status,
  );
  if (note) {
    setStatus(status, 'ok', note);
    status.scrollIntoView({ block: 'nearest' });
  }
}
