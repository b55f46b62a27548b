/** The playground page's data: what the server sends, cell addresses, the fetch wrapper. */

import type { CellView, SheetView as WorkbookSheet } from '../workbook';

export type { CellView };
/** A sheet as /api/sheet sends it: the workbook's view and its version. */
export type SheetView = WorkbookSheet & { version: number };
export type MenuItem = { caption: string; functionName: string } | 'separator' | { caption: string; items: MenuItem[] };
export interface Meta {
  version: number;
  sheets: string[];
  active: string;
  selection: string;
  menus: Array<{ title: string; items: MenuItem[] }>;
  toasts: Array<{ id: number; msg: string; title: string }>;
  sidebars: number;
  dialogs: Array<{ title: string; width: number | undefined; height: number | undefined }>;
}

/** Column letters (1 -> A, 27 -> AA). */
export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address of a cell. */
export function a1(r: number, c: number): string {
  return `${letters(c)}${r}`;
}

/** A JSON call to the playground server; a non-2xx answer throws its error text. */
export async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

/** The A1 text of a selection (`B2` or `B2:D9`), whichever corner it was dragged from. */
export function rangeA1(sel: { r0: number; c0: number; r1: number; c1: number }): string {
  const top = Math.min(sel.r0, sel.r1);
  const left = Math.min(sel.c0, sel.c1);
  const bottom = Math.max(sel.r0, sel.r1);
  const right = Math.max(sel.c0, sel.c1);
  return top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
}
