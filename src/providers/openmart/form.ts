/** Small readers for sidebar form values shared by the Openmart builders. */

/** A problem that blocks a submission, naming the form field. */
export interface Problem {
  field: string;
  message: string;
}

/** A list given as an array or as comma/newline separated text; blanks dropped. */
export function listOf(v: unknown): string[] | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const items = Array.isArray(v) ? v.map((x) => String(x ?? '')) : typeof v === 'string' ? v.split(/[\n,;]+/) : [String(v)];
  const out = items.map((s) => s.trim()).filter((s) => s !== '');
  return out.length > 0 ? out : undefined;
}

/** A number given as a number or numeric text; undefined when blank; NaN when not a number. */
export function numberOf(v: unknown): number | undefined {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

/** A trimmed string; undefined when blank. */
export function textOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** A tri-state boolean: true/false, or undefined for "no filter" (also '' and 'any'). */
export function boolOf(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/** A plain object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
