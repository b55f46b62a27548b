/**
 * gu1 form extras: optional `parameters` from columns ("name = column header", one per line,
 * sent per row), and the integration code picker (codes used, group refs, codes seen in answers).
 */
import { call } from './rpc';
import { el } from './dom';
import { textField, type FormState } from './form';

/** The parameters field, bound to `form.parameters`. */
export function parametersField(form: FormState): HTMLElement {
  return textField(form, 'parameters', 'Parameters from columns (optional; one per line: name = column header)', {
    multiline: true,
    placeholder: 'taxId = CUIT',
    help: 'Each row sends the named parameters with the values of its cells.',
  });
}

/** Resolve "name = header" lines against the source's headers (case and spaces ignored). */
export function parameterColumns(text: string, headers: readonly string[]): { columns: Record<string, number>; problems: string[] } {
  const columns: Record<string, number> = {};
  const problems: string[] = [];
  const norm = (h: string): string => h.trim().toLowerCase();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const eq = line.indexOf('=');
    const name = eq < 0 ? '' : line.slice(0, eq).trim();
    const header = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (name === '' || header === '') {
      problems.push(`"${line.slice(0, 60)}": write a parameter as name = column header (e.g. taxId = CUIT).`);
      continue;
    }
    const at = headers.findIndex((h) => norm(h) === norm(header));
    if (at < 0)
      problems.push(`Parameter ${name}: no column "${header.slice(0, 60)}" in the source (columns: ${headers.filter(Boolean).join(', ').slice(0, 200)}).`);
    else columns[name] = at;
  }
  return { columns, problems };
}

/**
 * A select of known codes and groups: picking one appends it to the codes (or groups) text field
 * inside `codes` / `groups` (the wrappers textField returns) and to the form state.
 */
export function codePicker(form: FormState, codes: HTMLElement, groups: HTMLElement): HTMLElement {
  const select = el('select', { id: 'gu1-code-pick' }, el('option', { value: '', text: 'Add a code you used or saw…' }));
  const box = el(
    'div',
    { class: 'block', hidden: true },
    el('label', { for: 'gu1-code-pick', text: 'Known integration codes and groups' }),
    select,
    el('div', { class: 'muted', text: 'Other codes: your gu1 dashboard lists the integrations enabled for your organisation, each with its code.' }),
  );
  select.addEventListener('change', () => {
    const [kind, value] = [select.value.slice(0, 2), select.value.slice(2)];
    if (value === '') return;
    const key = kind === 'g:' ? 'groups' : 'codes';
    const field = (kind === 'g:' ? groups : codes).querySelector('input, textarea') as HTMLInputElement | HTMLTextAreaElement | null;
    const current = String(form[key] ?? '').trim();
    const sep = key === 'codes' ? '\n' : ', ';
    if (
      !current
        .split(/[\n,;]/)
        .map((x) => x.trim())
        .includes(value)
    )
      form[key] = current === '' ? value : `${current}${sep}${value}`;
    if (field) field.value = String(form[key]);
    select.value = '';
  });
  const group = (label: string, items: Array<[string, string]>): HTMLElement | null =>
    items.length === 0 ? null : el('optgroup', { label }, ...items.map(([value, text]) => el('option', { value, text })));
  void call('getGu1CodeChoices')
    .then((c) => {
      const parts = [
        group(
          'Codes you used',
          c.used.map((x) => [`c:${x}`, x]),
        ),
        group(
          'Enrichment groups',
          c.groups.map((g) => [`g:${g.ref}`, g.codes.length > 0 ? `${g.ref} (${g.codes.join(', ')})` : g.ref]),
        ),
        group(
          "Seen in gu1's answers",
          c.seen.map((x) => [`c:${x}`, x]),
        ),
      ];
      for (const p of parts) if (p) select.appendChild(p);
      box.hidden = parts.every((p) => p === null);
    })
    // No key yet or nothing stored: the form works with typed codes.
    .catch(() => undefined);
  return box;
}
