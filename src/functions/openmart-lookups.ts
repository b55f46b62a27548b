/**
 * OPENMART_ENRICH(website_or_social_url) and OPENMART_BUSINESS(openmart_id_or_place_id): one row
 * of business fields per value (BUSINESS_COLUMNS), for a value or a range. Both spend 1 credit per
 * returned row, so they are off until the owner allows it, reserve credits under today's cap
 * before sending, and give back what was not spent. Misses go out as fetchAll waves (enrich)
 * or as batches of up to 100 ids (records).
 */
import { ApiError, ConnectionError } from '../platform/errors';
import type { ApiRequest } from '../platform/http-types';
import { enrichCompanyRequest, readEnrichCompany } from '../providers/openmart/enrich-company';
import { explainRecordsError, isOpenmartId, readRecords, recordsRequest } from '../providers/openmart/records';
import { LIMITS, type RecordsKind } from '../providers/openmart/schemas';
import type { CellValue } from '../sheet/cells';
import { FormulaError, gridOf, uniqueValues } from './args';
import { answerEach, answerRows, type Answer } from './answers';
import { capReachedMessage } from './credits';
import type { FormulaEnv } from './env';
import { BUSINESS_HEADER, assertSpendingOn, businessOf, businessRow, reserveCredits } from './openmart-common';
import { failureText } from './openprospect-status';

const SOCIAL_HOST = /(^|\.)(instagram|facebook|fb|linkedin|twitter|x|tiktok|youtube|pinterest)\.com$/i;

function noMatch(text: string): CellValue[] {
  return [text];
}

/**
 * Reserve credits for `misses` (at most one each); the values past the grant answer "cap
 * reached", the rest are fetched by `fetch`, which says how many credits it spent.
 */
function spendEach(
  env: FormulaEnv,
  fn: string,
  misses: string[],
  fetch: (batch: string[]) => { answers: Map<string, Answer<CellValue[]>>; spent: number },
): Map<string, Answer<CellValue[]>> {
  let granted: number;
  try {
    assertSpendingOn(env, fn);
    env.http('openmart'); // no key: a formula error before anything is reserved
    granted = reserveCredits(env, fn, misses.length);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    return new Map(misses.map((m) => [m, { ok: false, message: e.message }]));
  }
  const batch = misses.slice(0, granted);
  let result: { answers: Map<string, Answer<CellValue[]>>; spent: number };
  try {
    result = fetch(batch);
  } catch (e) {
    env.meter.refund(granted);
    throw e;
  }
  env.meter.refund(granted - Math.min(granted, result.spent));
  for (const m of misses.slice(granted)) result.answers.set(m, { ok: false, message: capReachedMessage(env.spending.dailyCap) });
  return result.answers;
}

export function openmartEnrich(env: FormulaEnv, url: unknown): CellValue[][] {
  const FN = 'OPENMART_ENRICH';
  const grid = gridOf(url);
  if (!grid.range && grid.values[0] === '') throw new FormulaError(`${FN}: give a website or social profile URL, e.g. =${FN}("bluebottlecoffee.com").`);
  const answers = answerEach<CellValue[]>(env, FN, uniqueValues(grid.values), [], (misses) =>
    spendEach(env, FN, misses, (batch) => {
      const reqs: ApiRequest[] = batch.map((u) => {
        const host = (/^(?:https?:\/\/)?([^/?#:]+)/i.exec(u)?.[1] ?? '').replace(/^www\./i, '');
        return enrichCompanyRequest(SOCIAL_HOST.test(host) ? { social_media_link: u } : { website: u }, { limit: 1 });
      });
      const results = env.http('openmart').requestAll<unknown>(reqs);
      const answers = new Map<string, Answer<CellValue[]>>();
      let spent = 0;
      batch.forEach((u, i) => {
        const r = results[i];
        if (!r) return;
        try {
          const first = readEnrichCompany(r)[0];
          spent += first ? 1 : 0;
          answers.set(u, { ok: true, value: first ? businessRow(businessOf(first)) : noMatch('No Openmart business matches this URL.') });
        } catch (e) {
          if (e instanceof ConnectionError) spent += 1; // the answer was lost, the credit maybe not
          answers.set(u, { ok: false, message: failureText(e) });
        }
      });
      return { answers, spent };
    }),
  );
  return answerRows(grid, answers, BUSINESS_HEADER.length);
}

export function openmartBusiness(env: FormulaEnv, id: unknown): CellValue[][] {
  const FN = 'OPENMART_BUSINESS';
  const grid = gridOf(id);
  if (!grid.range && grid.values[0] === '') throw new FormulaError(`${FN}: give an Openmart id (a UUID) or a Google Place id.`);
  const answers = answerEach<CellValue[]>(env, FN, uniqueValues(grid.values), [], (misses) =>
    spendEach(env, FN, misses, (batch) => {
      // GET with a JSON body, as documented (NOTES.md: unverified on Apps Script; a dropped body answers 422).
      const groups: Array<{ kind: RecordsKind; ids: string[] }> = [];
      for (const [kind, ids] of [
        ['openmart_id', batch.filter((x) => isOpenmartId(x))],
        ['google_place_id', batch.filter((x) => !isOpenmartId(x))],
      ] as const) {
        for (let i = 0; i < ids.length; i += LIMITS.recordIds) groups.push({ kind, ids: ids.slice(i, i + LIMITS.recordIds) });
      }
      const results = env.http('openmart').requestAll<unknown>(groups.map((g) => recordsRequest(g.kind, g.ids)));
      const answers = new Map<string, Answer<CellValue[]>>();
      let spent = 0;
      groups.forEach((g, i) => {
        const r = results[i];
        if (!r) return;
        if (r instanceof ApiError) {
          if (r instanceof ConnectionError) spent += g.ids.length;
          // A 422 here is most likely the platform dropping the GET body: the provider says so.
          const message = failureText(explainRecordsError(r));
          for (const x of g.ids) answers.set(x, { ok: false, message });
          return;
        }
        let byId: Record<string, Record<string, unknown>>;
        try {
          byId = readRecords(r, g.kind);
        } catch (e) {
          for (const x of g.ids) answers.set(x, { ok: false, message: failureText(e) });
          return;
        }
        for (const x of g.ids) {
          const rec = byId[x];
          if (rec && typeof rec === 'object') {
            spent += 1;
            answers.set(x, { ok: true, value: businessRow({ openmart_id: isOpenmartId(x) ? x : undefined, ...businessOf(rec) }) });
          } else {
            answers.set(x, { ok: true, value: noMatch('No Openmart record for this id.') });
          }
        }
      });
      return { answers, spent };
    }),
  );
  return answerRows(grid, answers, BUSINESS_HEADER.length);
}
