/**
 * Fail-soft display fields, shared by every provider's readers: a value the add-on only shows
 * (a score, a highlight, a cost, a label) never fails a whole answer. Text sent as a number is kept
 * as its text, a number sent as text is read as a number, and anything else unreadable becomes
 * null (an empty cell). Required fields (ids, statuses, rows) stay strict in each provider's schemas.
 */
import * as z from 'zod/mini';

/** `schema`, or null for anything it does not accept (a display value never fails a page). */
export function orNull<T extends z.ZodMiniType>(schema: T) {
  return z.union([
    schema,
    z.pipe(
      z.unknown(),
      z.transform(() => null),
    ),
  ]);
}

/** An optional display field of shape `schema`: absent stays absent, anything unreadable is null. */
export function soft<T extends z.ZodMiniType>(schema: T) {
  return z.optional(orNull(schema));
}

/** Text for display: a number or boolean where text is documented is kept as its text. */
export const Text = z.pipe(
  z.union([z.string(), z.number(), z.boolean()]),
  z.transform((v: string | number | boolean) => String(v)),
);
/** Numeric text: digits, an optional minus and decimals, spaces around. */
const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** A number for display: numeric text is read as a number. */
export const Numeric = z.pipe(
  z.union([z.number(), z.string().check(z.regex(NUMERIC_TEXT))]),
  z.transform((v: string | number) => Number(v)),
);

/*
 * The three display leaves every answer is full of (a results page of 100 companies holds about
 * 6,000) are one plain reader each inside one zod transform: the same values as `soft(Text)`,
 * `soft(Numeric)` and a soft list of `orNull(Text)` items (spec tests in
 * test/unit/providers/soft-fields.test.ts compare them), at about a quarter of the parse time.
 */

/** `v` as display text: text as is, a finite number or a boolean as its text, anything else null. */
export function displayText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  return null;
}

/** `v` as a display number: a finite number, numeric text read as a number, anything else null. */
export function displayNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return typeof v === 'string' && NUMERIC_TEXT.test(v) ? Number(v) : null;
}

/** `v` as a list of display texts (items that are not text left out), or null when not a list. */
export function displayTextList(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  for (const item of v) {
    const t = displayText(item);
    if (t !== null) out.push(t);
  }
  return out;
}

/** An optional display text. */
export const SoftText = z.optional(z.transform(displayText));
/** An optional display number. */
export const SoftNumber = z.optional(z.transform(displayNumber));
/** An optional list of display texts; items that are not text (null, objects) are left out. */
export const SoftTextList = z.optional(z.transform(displayTextList));
/** An optional display list of any items (e.g. highlights); not a list is null. */
export const SoftList = soft(z.array(z.unknown()));
