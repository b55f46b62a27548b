/**
 * "Rows from": the sheet each sidebar form reads its rows from. The last sheet the user picked is
 * remembered per form (per user, in this document); without one the form starts at the active
 * sheet, and never at a tab the add-on created (its result tabs carry the tab mark).
 */
import * as z from 'zod/mini';
import { JsonStore } from '../platform/store';
import type { AppContext } from './context';
import { parseInput } from './input';
import { whoAmI } from './owner';

export const ROWS_FROM_FORMS = ['enrich', 'openmart-batch', 'openmart-enrich', 'gu1'] as const;
export type RowsFromForm = (typeof ROWS_FROM_FORMS)[number];

const FormSchema = z.enum(ROWS_FROM_FORMS);
const RememberedSchema = z.partialRecord(FormSchema, z.string());
export type Remembered = z.infer<typeof RememberedSchema>;

const keyOf = (ownerId: string): string => `rowsFrom.${ownerId}`;

/**
 * Pure: the sheet each form starts at. The remembered sheet while it exists and is the user's;
 * else the active sheet when it is the user's; else the first tab of the user's; else the active one.
 */
export function defaultSources(sheets: ReadonlyArray<{ name: string; ours: boolean }>, active: string, remembered: Remembered): Record<RowsFromForm, string> {
  const users = (name: string | undefined): boolean => name !== undefined && sheets.some((s) => s.name === name && !s.ours);
  const fallback = users(active) ? active : (sheets.find((s) => !s.ours)?.name ?? active);
  const out = {} as Record<RowsFromForm, string>;
  for (const form of ROWS_FROM_FORMS) out[form] = users(remembered[form]) ? (remembered[form] as string) : fallback;
  return out;
}

/** What this user picked last in this document (nothing before they own anything). */
export function rememberedSources(ctx: AppContext): Remembered {
  const id = whoAmI(ctx).id;
  return id === undefined ? {} : (new JsonStore(ctx.docProps()).get(keyOf(id), RememberedSchema) ?? {});
}

/** A form and the sheet its "Rows from" was set to. */
export const RememberInput = z.object({ form: FormSchema, sheetName: z.string().check(z.minLength(1), z.maxLength(100)) });

/** Sidebar RPC: remember the sheet a form reads from (one property write, only when it changed). */
export function rememberRowsFrom(ctx: AppContext, input: unknown): void {
  const { form, sheetName } = parseInput(RememberInput, input, 'the sheet to remember');
  const id = whoAmI(ctx, true).id as string;
  const store = new JsonStore(ctx.docProps());
  const now = store.get(keyOf(id), RememberedSchema) ?? {};
  if (now[form] === sheetName) return;
  store.set(keyOf(id), RememberedSchema, { ...now, [form]: sheetName });
}
