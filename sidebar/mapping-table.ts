/** The column mapping table: one select per field, listing the sheet's headers. */
import { el } from './dom';

export type Mapping = Record<string, number>;

export interface MappingSpec {
  fields: ReadonlyArray<{ key: string; label: string; required: boolean }>;
  headers: readonly string[];
  mapping: Mapping;
}

/** The table; `onChange` gets the whole new mapping after each pick. */
export function mappingTable(spec: MappingSpec, onChange: (next: Mapping) => void, id?: string): HTMLElement {
  const table = el(
    'table',
    { class: 'preview mapping', ...(id ? { id } : {}) },
    el('tr', {}, el('th', { text: 'Field', scope: 'col' }), el('th', { text: 'Column', scope: 'col' })),
  );
  for (const f of spec.fields) {
    const select = el('select', { 'aria-label': `Column for ${f.label}`, 'data-field': f.key });
    select.appendChild(el('option', { value: '-1', text: '— not mapped —' }));
    spec.headers.forEach((h, i) => {
      select.appendChild(el('option', { value: String(i), text: h || `(column ${i + 1})` }));
    });
    select.value = String(spec.mapping[f.key] ?? -1);
    select.addEventListener('change', () => {
      const next = { ...spec.mapping };
      const v = Number(select.value);
      if (v < 0) delete next[f.key];
      else next[f.key] = v;
      onChange(next);
    });
    table.appendChild(el('tr', {}, el('td', { text: `${f.label}${f.required ? ' *' : ''}` }), el('td', {}, select)));
  }
  return table;
}
