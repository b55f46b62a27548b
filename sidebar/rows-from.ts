/**
 * "Rows from": one select for every form that reads rows. It starts at the sheet the server
 * picked for this form (the last one the user chose, never a result tab), offers the selection
 * first when there is one, names result tabs as such, and remembers each choice of a sheet.
 */
import type { RowsFromForm, SheetsInfo } from '../src/app/contract';
import { call } from './rpc';
import { selectField, type FormState } from './form';

/** What a "Rows from" value means to the server: the selection, a range, or a sheet (one definition, ./source.ts). */
export { sourceArg } from './source';

/** The select, bound to `state[key]`; `onChange` runs after the user picks another source. */
export function rowsFromField(state: FormState, key: string, form: RowsFromForm, sheets: SheetsInfo, onChange?: () => void, counts = false): HTMLElement {
  const options: Array<[string, string]> = sheets.sheets.map((s) => [
    s.name,
    `${s.name}${counts ? ` (${Math.max(0, s.rows - 1)} rows)` : ''}${s.ours ? ' · results' : ''}`,
  ]);
  if (sheets.selection) options.unshift([sheets.selection, `Selection ${sheets.selection}`]);
  const current = typeof state[key] === 'string' ? (state[key] as string) : '';
  if (!options.some(([v]) => v === current)) state[key] = sheets.defaults[form];
  return selectField(state, key, 'Rows from', options, () => {
    const value = String(state[key]);
    if (!value.includes('!')) void call('rememberRowsFrom', { form, sheetName: value }).catch(() => undefined);
    onChange?.();
  });
}
