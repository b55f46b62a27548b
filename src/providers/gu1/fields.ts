/**
 * What gu1 takes from a sheet: the `external_id` column (required, never generated: gu1 looks
 * up the entity by the id the user already has) and, when the user asks, columns whose values go
 * into the request's `parameters` under a name the user chose.
 */
import { ALIASES, EXTERNAL_ID_KEY, type FieldSpec, type Mapping } from '../../sheet/headers';

/** The gu1 source fields: only the id. */
export const GU1_FIELDS: readonly FieldSpec[] = [
  {
    key: EXTERNAL_ID_KEY,
    label: 'external_id',
    required: true,
    aliases: [...ALIASES.externalId, 'externalId', 'Entity ID', 'Entity External ID', 'Client ID', 'Cliente ID', 'ID Cliente', 'gu1 ID'],
  },
];

/** Record keys of parameter columns are prefixed, so they never collide with `external_id`. */
const PARAM_PREFIX = 'param:';

/** The record key a parameter column is read under. */
export function parameterKey(name: string): string {
  return PARAM_PREFIX + name;
}

/** Why a parameter name cannot be used, or null. `forceRefresh` is the add-on's own option. */
export function parameterNameProblem(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name))
    return `Parameter name "${name.slice(0, 40)}" must start with a letter and hold only letters, digits and _ (at most 64).`;
  if (name === 'forceRefresh') return 'forceRefresh is set by the "force refresh" option, not by a column.';
  return null;
}

/** The mapping rowsToRecords reads: `external_id` plus one prefixed key per parameter column. */
export function recordMapping(mapping: Mapping, parameterColumns: Readonly<Record<string, number>>): Mapping {
  const out: Mapping = {};
  const id = mapping[EXTERNAL_ID_KEY];
  if (id !== undefined) out[EXTERNAL_ID_KEY] = id;
  for (const [name, col] of Object.entries(parameterColumns)) out[parameterKey(name)] = col;
  return out;
}

/** The `parameters` of one record (empty cells are absent). */
export function recordParameters(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith(PARAM_PREFIX)) out[k.slice(PARAM_PREFIX.length)] = v;
  return out;
}
