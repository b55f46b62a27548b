/**
 * Credits: the balance (`GET /api/v2/credit-balance`, free) and the estimate shown before any
 * billed call. Estimates are upper bounds where the document gives the price (1 credit per
 * returned row for search, records, enrich_company); for the batch routes the price per item is
 * not documented and the estimate assumes 1 credit per delivered person or mailbox.
 */
import type { ApiResponse, Http } from '../../platform/http-types';
import { send } from './errors';
import { parseAnswer } from '../../platform/response';
import { CreditBalanceSchema, PATHS, type BatchOp } from './schemas';

export interface CreditBalance {
  balance: number;
  periodStart: string | null;
  periodEnd: string | null;
}

/** The team's remaining credits. Unlimited keys report a fixed 10,000 (doc: not the real cap). */
export function getCreditBalance(http: Http): CreditBalance {
  return readCreditBalance(send(http, { method: 'get', path: PATHS.credits }));
}

/** Read the balance answer (`balance` required). */
export function readCreditBalance(res: ApiResponse<unknown>): CreditBalance {
  const b = parseAnswer('openmart', CreditBalanceSchema, res, 'GET /api/v2/credit-balance');
  return { balance: b.balance, periodStart: b.period_start ?? null, periodEnd: b.period_end ?? null };
}

/** The balance as a sentence ("Connected. 1,250 Openmart credits left, period 2025-08-05 to 2026-08-05."). */
export function creditSentence(c: CreditBalance): string {
  const day = (t: string | null): string | null => (t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : null);
  const from = day(c.periodStart);
  const to = day(c.periodEnd);
  const period = from && to ? ` in the billing period ${from} to ${to}` : '';
  // The document: unlimited keys report a fixed 10,000 that is not their real cap.
  const sentinel = c.balance === 10_000 ? ' (unlimited keys always report 10,000)' : '';
  return `${c.balance.toLocaleString('en-US')} Openmart credits left${period}${sentinel}.`;
}

/** An estimate: the most credits the work can use, and how it was reckoned. */
export interface CreditEstimate {
  credits: number;
  basis: string;
}

/** Search / brand search: one credit per returned row, at most the results asked for. */
export function estimateSearch(count: number): CreditEstimate {
  return { credits: count, basis: `up to ${count} rows at 1 credit per returned row` };
}

/** Records by id: one credit per id found. enrich_company: up to `limit` rows per source row. */
export function estimateEnrich(records: number, enrichRows: number, limit: number): CreditEstimate {
  const credits = records + enrichRows * limit;
  return { credits, basis: `up to ${records} record(s) by id and ${enrichRows} website/social row(s) x ${limit} match(es), 1 credit per returned row` };
}

/** Batches: per delivered item (find_people: max_k per row; lookup_people: people per row). find_tech is not billed in credits. */
export function estimateBatch(op: BatchOp, tasks: ReadonlyArray<Record<string, unknown>>): CreditEstimate {
  if (op === 'find_tech') return { credits: 0, basis: 'find_tech is not among the credit-billed routes' };
  if (op === 'find_people') {
    const perRow = tasks.map((t) => (typeof t['max_k'] === 'number' ? t['max_k'] : 1));
    const credits = perRow.reduce((n, k) => n + k, 0);
    // The form sets one max_k for every row: name it ("x 3 contacts per row").
    const k = perRow.length > 0 && perRow.every((x) => x === perRow[0]) ? `${perRow[0]} ` : '';
    return {
      credits,
      basis: `up to ${credits.toLocaleString('en-US')}: ${tasks.length.toLocaleString('en-US')} row(s) x ${k}contacts per row (assumed 1 credit per contact)`,
    };
  }
  if (op === 'lookup_people') {
    const credits = tasks.reduce((n, t) => n + (Array.isArray(t['people']) ? t['people'].length : 1), 0);
    return { credits, basis: `about ${credits}: 1 per person looked up (assumed)` };
  }
  return { credits: tasks.length, basis: `about ${tasks.length}: 1 per domain (the price per mailbox is not documented)` };
}
