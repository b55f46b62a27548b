/**
 * What the add-on reads from each OpenProspect answer: the one place that says which fields are
 * required and why, and the tolerant building blocks schemas.ts is made of. Required fields fail
 * the parse (a MalformedResponseError naming the route and the path); display fields never do:
 * a number where text is documented is kept as text, a number sent as text is read as a number,
 * anything else unreadable in a display field is left empty. Unknown keys pass everywhere and
 * undocumented result keys become extra columns.
 *
 * | route | required (why) | optional (display) | variants accepted |
 * |---|---|---|---|
 * | GET /auth/validate | `valid` (the answer) | `scopes` | extra keys |
 * | POST /orders/ (202) | `order_id` (what the job tracks) | `status` (else polled), `company_count`, `estimated_cost` (ignored when not `{total, currency}`), `order_type`, `message` | extra keys |
 * | GET /orders/{id} | `order_id`, `status` (what the job acts on; an unknown status is "still running" with a warning) | every other field | extra keys; numbers as text and the reverse |
 * | GET /orders/ | `orders` or `items` (an array of orders as above) | `total`, `limit`, `offset`, `has_more` | both envelopes |
 * | GET /orders/{id}/results | `items` (the rows), `total` and `has_more` (paging: the sync resumes by offset); per company `id` (the key); per prospect `id` | every display field; `source_id` (else keyed by the company id) | numbers as text and the reverse (`postal_code: 10115`), nulls, extra keys (extra columns) |
 * | search profile creations | `status` | `profile_creation_id`/`id`, `profile_id`, a reason key | extra keys |
 * | blacklists | nothing beyond the array/object | `id`/`blacklist_id`, `name`, counts | extra keys |
 * | errors | the status code | `message`, `code`/`error`, `request_id`, FastAPI `detail[]`, `retry_after`, `required_scopes` | `{}`; plain text or HTML (a short scrubbed detail) |
 */
import * as z from 'zod/mini';
import { SoftNumber, SoftText, SoftTextList } from '../soft-fields';

/** `T | null | undefined`: the docs show most display fields as nullable and some as absent. */
export function loose<T extends z.ZodMiniType>(t: T): z.ZodMiniOptional<z.ZodMiniNullable<T>> {
  return z.optional(z.nullable(t));
}

/** An optional display text (not text: null). */
export const Str = SoftText;
/** An optional display number; anything unreadable is left empty rather than failing the page. */
export const Num = SoftNumber;
/** An optional list of display texts (items that are not text are left out). */
export const StrList = SoftTextList;
