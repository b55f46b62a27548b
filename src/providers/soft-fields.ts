/**
 * Fail-soft display fields, shared by every provider's readers: a value the add-on only shows
 * (a score, a highlight, a cost, a label) never fails a whole answer. Text sent as a number is kept
 * as its text, a number sent as text is read as a number, and anything else unreadable becomes
 * null (an empty cell). Required fields (ids, statuses, rows) stay strict in each provider's schemas.
 */
import * as z from 'zod/mini';

/** `schema`, or null for anything it does not accept (a display value never fails a page). */
export function orNull<T extends z.ZodMiniType>(schema: T) {
  return z.union([schema, z.pipe(z.unknown(), z.transform(() => null))]);
}

/** An optional display field of shape `schema`: absent stays absent, anything unreadable is null. */
export function soft<T extends z.ZodMiniType>(schema: T) {
  return z.optional(orNull(schema));
}

/** Text for display: a number or boolean where text is documented is kept as its text. */
export const Text = z.pipe(z.union([z.string(), z.number(), z.boolean()]), z.transform((v: string | number | boolean) => String(v)));
/** A number for display: numeric text is read as a number. */
export const Numeric = z.pipe(z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/))]), z.transform((v: string | number) => Number(v)));

/** An optional display text. */
export const SoftText = soft(Text);
/** An optional display number. */
export const SoftNumber = soft(Numeric);
/** An optional list of display texts; items that are not text (null, objects) are left out. */
export const SoftTextList = soft(z.pipe(z.array(orNull(Text)), z.transform((items: Array<string | null>) => items.filter((t): t is string => t !== null))));
/** An optional display list of any items (e.g. highlights); not a list is null. */
export const SoftList = soft(z.array(z.unknown()));
