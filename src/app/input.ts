/** Sidebar input crosses a trust boundary: every RPC argument is parsed with zod first. */
import * as z from 'zod/mini';
import { PinnedSourceSchema } from '../sheet/source';

/** An error whose message is meant for the user as it is. */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** Parse RPC input or throw a UserInputError naming the field. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, what: string): z.infer<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new UserInputError(`Could not read ${what}${where}: ${issue?.message ?? 'invalid input'}.`);
}

/** Where rows come from, as the sidebar sends it: the selection, a sheet by name, or an A1 range. */
export const SourceInput = z.union([z.literal('selection'), PinnedSourceSchema]);

/** A column mapping: field key -> 0-based column in the source block. */
export const MappingInput = z.record(z.string(), z.number());

/** How the preview names a source: "the selection", `sheet "Leads"`, or the A1 range. */
export function sourceLabel(source: z.infer<typeof SourceInput>): string {
  return typeof source === 'string' ? 'the selection' : 'sheetName' in source ? `sheet "${source.sheetName}"` : source.a1;
}
