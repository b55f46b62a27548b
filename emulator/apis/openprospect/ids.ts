/** Deterministic id allocation: the n-th id of a kind depends only on the seed. */

import type { SimState } from './model';
import { uuidFor } from './prng';

/** Next UUID of a kind (`order`, `blacklist`, ...). */
export function nextId(state: SimState, kind: string): string {
  const n = (state.idCounters.get(kind) ?? 0) + 1;
  state.idCounters.set(kind, n);
  return uuidFor(state.seed, 'id', kind, n);
}
