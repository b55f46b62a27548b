/**
 * Cached answers: every custom function answer is kept in CacheService under a digest of the
 * function name and its arguments (6 h, the platform maximum), so a recalculation after a
 * reopen, a sort or an edit costs no UrlFetch call and no credit. A range is answered per
 * unique value, so one value's answer is shared by single cells and ranges alike.
 */
import { CACHE_MAX_TTL_S, JsonCache } from '../platform/cache';
import type { CellValue } from '../sheet/cells';
import { FormulaError, type Grid } from './args';
import type { FormulaEnv } from './env';

/** An answer for one value: cached when ok; an error is shown, never cached. */
export type Answer<T> = { ok: true; value: T; ttlSeconds?: number } | { ok: false; message: string };

/** 6 h: the longest CacheService keeps anything. */
export const ANSWER_TTL_S = CACHE_MAX_TTL_S;

/** Shown for values a call could not fetch inside its budget. */
export const NOT_FETCHED = 'Not fetched within the 25-second formula limit: recalculate to fetch the rest (answers so far are cached).';

/** Cache key of one answer (<= 250 chars whatever the arguments). */
export function answerKey(env: Pick<FormulaEnv, 'sha256'>, name: string, args: readonly unknown[]): string {
  return `fx:${name}:${env.sha256(JSON.stringify([name, ...args]))}`;
}

/** Read one cached answer. */
export function cachedAnswer<T>(env: FormulaEnv, key: string): T | undefined {
  return new JsonCache(env.cache).get<{ v: T }>(key)?.v;
}

/** Keep one answer. */
export function keepAnswer(env: FormulaEnv, key: string, value: unknown, ttlSeconds = ANSWER_TTL_S): void {
  new JsonCache(env.cache).put(key, { v: value }, ttlSeconds);
}

/**
 * Answer each unique value: cache hits first, then `fetchMisses` for the rest in one go (the
 * caller sends them as fetchAll waves). Values the fetch did not answer get NOT_FETCHED.
 */
export function answerEach<T>(
  env: FormulaEnv,
  name: string,
  values: readonly string[],
  extra: readonly unknown[],
  fetchMisses: (misses: string[]) => Map<string, Answer<T>>,
): Map<string, Answer<T>> {
  const cache = new JsonCache(env.cache);
  const keys = new Map(values.map((v) => [v, answerKey(env, name, [v, ...extra])]));
  const hits = values.length > 0 ? cache.getMany<{ v: T }>([...keys.values()]) : {};
  const out = new Map<string, Answer<T>>();
  const misses: string[] = [];
  for (const v of values) {
    const hit = hits[keys.get(v) as string];
    if (hit) out.set(v, { ok: true, value: hit.v });
    else misses.push(v);
  }
  if (misses.length === 0) return out;
  const fetched = fetchMisses(misses);
  const byTtl = new Map<number, Record<string, unknown>>();
  for (const v of misses) {
    const a = fetched.get(v) ?? { ok: false, message: NOT_FETCHED };
    out.set(v, a);
    if (!a.ok) continue;
    const ttl = a.ttlSeconds ?? ANSWER_TTL_S;
    const batch = byTtl.get(ttl) ?? {};
    batch[keys.get(v) as string] = { v: a.value };
    byTtl.set(ttl, batch);
  }
  for (const [ttl, batch] of byTtl) cache.putMany(batch, ttl);
  return out;
}

/** How an error reads inside a range answer (a cell of an array cannot be #ERROR!). */
export function errorCell(message: string): string {
  return `⚠ ${message}`;
}

/**
 * One value per input cell, in the input's shape. A single value answers with the value or
 * throws (Sheets shows #ERROR! with the message); a range answers errors as text cells.
 */
export function answerGrid(grid: Grid, answers: Map<string, Answer<CellValue>>): CellValue | CellValue[][] {
  const cellOf = (v: string): CellValue => {
    if (v === '') return '';
    const a = answers.get(v);
    if (!a) return '';
    return a.ok ? a.value : errorCell(a.message);
  };
  if (!grid.range) {
    const a = answers.get(grid.values[0] ?? '');
    if (a && !a.ok) throw new FormulaError(a.message);
    return a?.ok ? a.value : '';
  }
  const out: CellValue[][] = [];
  for (let i = 0; i < grid.rows; i++) out.push(grid.values.slice(i * grid.cols, (i + 1) * grid.cols).map(cellOf));
  return out;
}

/** One row per input value (row-major), `width` cells each; a single value answers one row. */
export function answerRows(grid: Grid, answers: Map<string, Answer<CellValue[]>>, width: number): CellValue[][] {
  const pad = (row: CellValue[]): CellValue[] => [...row, ...new Array<CellValue>(Math.max(0, width - row.length)).fill('')].slice(0, width);
  if (!grid.range) {
    const a = answers.get(grid.values[0] ?? '');
    if (a && !a.ok) throw new FormulaError(a.message);
    return [pad(a?.ok ? a.value : [])];
  }
  return grid.values.map((v) => {
    const a = v === '' ? undefined : answers.get(v);
    if (!a) return pad([]);
    return pad(a.ok ? a.value : [errorCell(a.message)]);
  });
}
