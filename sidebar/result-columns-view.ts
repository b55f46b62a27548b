/**
 * "Add result columns to my sheet" (in Jobs): pick a result tab, its fields, the sheet with the
 * rows, formulas or values; the server writes new columns right of the table, never over a cell.
 */
import type { ResultColumnsOptions } from '../src/app/contract';
import { el, mount, runAction, setStatus } from './dom';
import { checkboxList, selectField, type FormState } from './form';
import { call } from './rpc';

const MODES: Array<[string, string]> = [
  ['formulas', 'Formulas (=ENRICHED): they follow a sort of your rows'],
  ['values', 'Values: a copy of the results as they are now'],
];

function modeField(state: FormState): HTMLElement {
  const box = el('fieldset', { class: 'block' }, el('legend', { text: 'Write as' }));
  for (const [value, text] of MODES) {
    const id = `rc-mode-${value}`;
    const radio = el('input', { type: 'radio', name: 'rc-mode', id, value });
    radio.checked = state['mode'] === value;
    radio.addEventListener('change', () => {
      if (radio.checked) state['mode'] = value;
    });
    box.appendChild(el('div', {}, radio, el('label', { for: id, text, style: 'display:inline;font-weight:normal' })));
  }
  return box;
}

/** The panel; it loads its choices when opened. */
export function resultColumnsPanel(): HTMLElement {
  const state: FormState = { mode: 'formulas', fields: [] };
  const body = el('div', {});
  const status = el('div', { class: 'status' });
  const panel = el('details', { id: 'result-columns', class: 'job' }, el('summary', { text: 'Add result columns to my sheet' }), body, status);

  const render = (o: ResultColumnsOptions): void => {
    if (o.tab === null) {
      mount(body, el('p', { class: 'muted', text: 'No result tabs yet: they appear when a job delivers results.' }));
      return;
    }
    state['tab'] = o.tab;
    state['fields'] = (state['fields'] as string[]).filter((f) => o.fields.includes(f));
    const add = el('button', { type: 'button', class: 'action', id: 'add-result-columns', text: 'Add columns' });
    add.addEventListener('click', () => {
      const fields = state['fields'] as string[];
      if (fields.length === 0) {
        setStatus(status, 'error', 'Tick at least one field to add.');
        return;
      }
      const input = {
        tab: String(state['tab']),
        fields,
        sheet: String(state['sheet'] ?? ''),
        mode: state['mode'] === 'values' ? ('values' as const) : ('formulas' as const),
      };
      void runAction(
        add,
        status,
        'Adding columns…',
        () => call('addResultColumns', input),
        (r) => r.message,
      );
    });
    // The sheet the user picked stays picked; otherwise the server's default (the job's rows).
    if (!(state['sheetTouched'] === true && o.sheets.includes(String(state['sheet'])))) state['sheet'] = o.sheet ?? '';
    mount(
      body,
      el('p', { class: 'muted', text: 'Results next to your rows, matched by external_id. Nothing of yours is overwritten: occupied columns are skipped.' }),
      selectField(
        state,
        'tab',
        'From result tab',
        o.tabs.map((t) => [t.tab, t.tab]),
        load,
      ),
      checkboxList(
        state,
        'fields',
        'Fields',
        o.fields.map((f) => ({ value: f, text: f })),
      ),
      o.sheets.length > 0
        ? selectField(
            state,
            'sheet',
            'Into sheet (the one with your rows)',
            o.sheets.map((n) => [n, n]),
            () => {
              state['sheetTouched'] = true;
            },
          )
        : el('p', { class: 'error', text: 'There is no sheet of yours to add columns to.' }),
      modeField(state),
      add,
    );
  };
  function load(): void {
    setStatus(status, 'busy', 'Reading the result tabs…');
    call('getResultColumnsOptions', { ...(typeof state['tab'] === 'string' ? { tab: state['tab'] } : {}) }).then(
      (o) => {
        setStatus(status, 'idle');
        render(o);
      },
      (e: unknown) => setStatus(status, 'error', e instanceof Error ? e.message : String(e)),
    );
  }
  panel.addEventListener('toggle', () => {
    if (panel.open) load();
  });
  return panel;
}
