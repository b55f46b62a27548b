/** Sidebar input crosses a trust boundary: every RPC argument is parsed with zod first. */
import type * as z from 'zod/mini';

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
