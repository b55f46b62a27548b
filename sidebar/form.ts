/** Form controls that keep their values in a state object (nothing is lost on an error). */
import { el } from './dom';

export type FormState = Record<string, string | boolean | string[]>;

let uid = 0;

/** The controls bound to each form state, so a reset shows the cleared values too. */
const bound = new WeakMap<FormState, Map<string, (v: FormState[string]) => void>>();

function bind(state: FormState, key: string, show: (v: FormState[string]) => void): void {
  let m = bound.get(state);
  if (!m) bound.set(state, (m = new Map()));
  m.set(key, show);
}

/**
 * After a successful submit: put `defaults` back into the form (state and the controls on
 * screen); keys not in `defaults` are cleared, keys in `keep` stay as they are (the source sheet).
 */
export function resetForm(state: FormState, defaults: FormState, keep: readonly string[] = []): void {
  for (const key of Object.keys(state)) {
    if (keep.includes(key)) continue;
    const v = defaults[key] ?? (Array.isArray(state[key]) ? [] : typeof state[key] === 'boolean' ? false : '');
    state[key] = Array.isArray(v) ? [...v] : v;
    bound.get(state)?.get(key)?.(state[key] as FormState[string]);
  }
}

/** A labelled text input or textarea bound to `state[key]`. */
export function textField(
  state: FormState,
  key: string,
  label: string,
  opts: { multiline?: boolean; placeholder?: string; type?: string; help?: string } = {},
): HTMLElement {
  const id = `f-${key}-${++uid}`;
  const value = typeof state[key] === 'string' ? (state[key] as string) : '';
  const input = opts.multiline
    ? el('textarea', { id, rows: '3', placeholder: opts.placeholder })
    : el('input', { id, type: opts.type ?? 'text', placeholder: opts.placeholder });
  input.value = value;
  input.addEventListener('input', () => {
    state[key] = input.value;
  });
  bind(state, key, (v) => {
    input.value = typeof v === 'string' ? v : '';
  });
  if (opts.help) input.setAttribute('aria-describedby', `${id}-help`);
  return el(
    'div',
    { class: 'block' },
    el('label', { for: id, text: label }),
    input,
    opts.help ? el('div', { class: 'muted', id: `${id}-help`, text: opts.help }) : null,
  );
}

/** A select bound to `state[key]`. */
export function selectField(state: FormState, key: string, label: string, options: Array<[string, string]>, onChange?: () => void): HTMLElement {
  const id = `f-${key}-${++uid}`;
  const select = el('select', { id });
  for (const [value, text] of options) select.appendChild(el('option', { value, text }));
  select.value = typeof state[key] === 'string' ? (state[key] as string) : (options[0]?.[0] ?? '');
  state[key] = select.value;
  select.addEventListener('change', () => {
    state[key] = select.value;
    onChange?.();
  });
  bind(state, key, (v) => {
    select.value = typeof v === 'string' && v !== '' ? v : (options[0]?.[0] ?? '');
    state[key] = select.value;
  });
  return el('div', { class: 'block' }, el('label', { for: id, text: label }), select);
}

/** A list of checkboxes bound to `state[key]` (string[]). */
export function checkboxList(
  state: FormState,
  key: string,
  label: string,
  items: Array<{ value: string; text: string; title?: string }>,
  onChange?: () => void,
): HTMLElement {
  const chosen = new Set(Array.isArray(state[key]) ? (state[key] as string[]) : []);
  const box = el('fieldset', { class: 'block' }, el('legend', { text: label }));
  const boxes: HTMLInputElement[] = [];
  bind(state, key, (v) => {
    chosen.clear();
    for (const x of Array.isArray(v) ? v : []) chosen.add(x);
    for (const cb of boxes) cb.checked = chosen.has(cb.value);
  });
  for (const item of items) {
    const id = `f-${key}-${++uid}`;
    const cb = el('input', { type: 'checkbox', id, value: item.value });
    cb.checked = chosen.has(item.value);
    boxes.push(cb);
    cb.addEventListener('change', () => {
      if (cb.checked) chosen.add(item.value);
      else chosen.delete(item.value);
      state[key] = items.map((i) => i.value).filter((v) => chosen.has(v));
      onChange?.();
    });
    box.appendChild(el('div', { title: item.title }, cb, el('label', { for: id, text: item.text, style: 'display:inline;font-weight:normal' })));
  }
  state[key] = items.map((i) => i.value).filter((v) => chosen.has(v));
  return box;
}
