/**
 * OPENPROSPECT_STATUS(order_id): the status of an OpenProspect order (never spends anything).
 * A range answers per unique id in one fetchAll. A finished order's status never changes, so it
 * is cached for 6 h; a running one for 10 minutes, so the cell catches up by itself.
 */
import { ApiError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import { orderRequest, readOrder } from '../providers/openprospect/get-order';
import { TERMINAL_ORDER_STATUSES } from '../providers/openprospect/schemas';
import type { CellValue } from '../sheet/cells';
import { FormulaError, gridOf, uniqueValues } from './args';
import { ANSWER_TTL_S, NOT_FETCHED, answerEach, answerGrid, type Answer } from './answers';
import type { FormulaEnv } from './env';

const FN = 'OPENPROSPECT_STATUS';
/** A running order's status is re-read after this long. */
export const RUNNING_STATUS_TTL_S = 600;

/** Turn a failure into one cell's message. */
export function failureText(e: unknown): string {
  if (e instanceof NotSentError) return NOT_FETCHED;
  if (e instanceof ApiError) return e.userMessage();
  return e instanceof Error ? e.message : String(e);
}

export function openProspectStatus(env: FormulaEnv, orderId: unknown): CellValue | CellValue[][] {
  const grid = gridOf(orderId);
  if (!grid.range && grid.values[0] === '') throw new FormulaError(`${FN}: give an order id, e.g. =${FN}("ord_123") or a range of ids.`);
  const answers = answerEach<CellValue>(env, FN, uniqueValues(grid.values), [], (misses) => {
    const http = env.http('openprospect');
    const results = http.requestAll<unknown>(misses.map((id) => orderRequest(id)));
    const out = new Map<string, Answer<CellValue>>();
    misses.forEach((id, i) => {
      const r = results[i];
      if (!r) return;
      try {
        if (r instanceof ApiError) throw r;
        const order = readOrder(r, id);
        const done = (TERMINAL_ORDER_STATUSES as readonly string[]).includes(order.status);
        out.set(id, { ok: true, value: order.status, ttlSeconds: done ? ANSWER_TTL_S : RUNNING_STATUS_TTL_S });
      } catch (e) {
        out.set(id, { ok: false, message: failureText(e) });
      }
    });
    return out;
  });
  return answerGrid(grid, answers);
}
