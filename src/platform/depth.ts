/**
 * Bounded nesting for every value an API sends (issue 20). `JSON.parse` reads any depth, but every
 * later walk (flattening into cells, `JSON.stringify` into a property or the cache, zod) recurses,
 * and an answer nested 20,000 levels deep overflows the stack. So the one door (platform/http)
 * cuts each parsed answer at `MAX_VALUE_DEPTH`: a deeper part becomes a sentence saying so, the
 * rest of the answer is kept and the job goes on. No documented answer nests beyond about ten
 * levels. The walk uses its own stack, so it is safe at any depth.
 */

/** Objects and arrays deeper than this are replaced by `TOO_DEEP_TEXT`. */
export const MAX_VALUE_DEPTH = 64;
export const TOO_DEEP_TEXT = `[This value was nested more than ${MAX_VALUE_DEPTH} levels deep and is not shown.]`;

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

/**
 * Cut `value` (freshly parsed JSON, changed in place) below `max` levels; returns the value and
 * how many parts were cut. The top level is depth 1.
 */
export function clampDepth(value: unknown, max = MAX_VALUE_DEPTH): { value: unknown; cut: number } {
  if (!isContainer(value)) return { value, cut: 0 };
  if (max < 1) return { value: TOO_DEEP_TEXT, cut: 1 };
  let cut = 0;
  const stack: Array<{ node: Container; depth: number }> = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Container; depth: number };
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const k of keys) {
      const child = (node as Record<string | number, unknown>)[k];
      if (!isContainer(child)) continue;
      if (depth + 1 > max) {
        (node as Record<string | number, unknown>)[k] = TOO_DEEP_TEXT;
        cut++;
      } else stack.push({ node: child, depth: depth + 1 });
    }
  }
  return { value, cut };
}
