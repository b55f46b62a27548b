/**
 * Fail-soft display fields (src/providers/soft-fields.ts) and the fixture tests of the routes that
 * had none: a display field of an unexpected type never fails an answer; required fields still do.
 */
import { MalformedResponseError } from '../../../src/platform/errors';
import { EnrichResponseSchema } from '../../../src/providers/gu1/schemas';
import { readEnrichCompany } from '../../../src/providers/openmart/enrich-company';
import { salvageBatchId } from '../../../src/providers/openmart/readers';
import { BrandPageSchema, CreditBalanceSchema, DenyCheckSchema, SearchRowSchema, TaskSchema } from '../../../src/providers/openmart/schemas';
import { readSubmit } from '../../../src/providers/openmart/submit-batch';
import { readTaskIds } from '../../../src/providers/openmart/task-ids';
import { parseAnswer } from '../../../src/platform/response';
import { ResultCompanySchema } from '../../../src/providers/openprospect/result-schemas';
import * as z from 'zod/mini';
import { Numeric, SoftNumber, SoftText, SoftTextList, Text, orNull, soft } from '../../../src/providers/soft-fields';

const res = (body: unknown) => ({ status: 200, headers: {}, body });
const ID = '0f3c9a1e-5b2d-4c8e-9f70-1a2b3c4d5e6f';

describe('providers/soft-fields', () => {
  it.each<[string, unknown, unknown]>([
    ['text', 'Berlin', 'Berlin'],
    ['a number as text', 10115, '10115'],
    ['an object as null', { a: 1 }, null],
    ['a list as null', ['x'], null],
  ])('SoftText should read %s', (_n, v, want) => expect(SoftText.parse(v)).toEqual(want));

  it.each<[string, unknown, unknown]>([
    ['a number', 0.87, 0.87],
    ['numeric text as a number', ' 0.87 ', 0.87],
    ['other text as null', 'high', null],
    ['an object as null', { v: 1 }, null],
  ])('SoftNumber should read %s', (_n, v, want) => expect(SoftNumber.parse(v)).toEqual(want));

  // The fast leaves must read every value exactly as the zod unions they replaced.
  const odd: unknown[] = ['', ' 12 ', '-3.5', '1e3', '0x1f', 'Berlin', 0, -0, 2.5, Number.NaN];
  odd.push(Number.POSITIVE_INFINITY);
  odd.push(true, false, null, undefined, {}, { a: 1 }, [], ['x', 1, null, { n: 1 }, true], [[1]]);
  const named = odd.map((v) => [typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? 'undefined'), v]);
  it.each(named)('SoftText, SoftNumber and SoftTextList should read %s as the zod unions do', (_n, v) => {
    expect(SoftText.safeParse(v)).toEqual(soft(Text).safeParse(v));
    expect(SoftNumber.safeParse(v)).toEqual(soft(Numeric).safeParse(v));
    const texts = (items: Array<string | null>): string[] => items.filter((t): t is string => t !== null);
    const list = soft(z.pipe(z.array(orNull(Text)), z.transform(texts)));
    expect(SoftTextList.safeParse(v)).toEqual(list.safeParse(v));
  });

  it('should keep an absent display key absent and a null one null inside an object', () => {
    const s = z.looseObject({ a: SoftText, b: SoftNumber, c: SoftTextList });
    expect(s.parse({})).toEqual({});
    expect('a' in s.parse({})).toBe(false);
    expect(s.parse({ a: null, b: null, c: null })).toEqual({ a: null, b: null, c: null });
  });

  it('SoftTextList should leave out null and object items and read a non-list as null', () => {
    expect(SoftTextList.parse(['+49 30 1', null, { n: 1 }, 42])).toEqual(['+49 30 1', '42']);
    expect(SoftTextList.parse({ phones: [] })).toBeNull();
    expect(SoftTextList.parse(undefined)).toBeUndefined();
  });
});

describe('Openmart fixtures', () => {
  it('should read a search row with match_highlights as an object, cursor as text and match_score as text', () => {
    const row = SearchRowSchema.parse({
      id: 'om-1',
      content: { business_name: 'Salon' },
      match_score: '0.91',
      match_highlights: { business_name: ['Salon'] },
      cursor: 'opaque',
    });
    expect(row).toMatchObject({ id: 'om-1', match_score: 0.91, match_highlights: null, cursor: null });
    expect(() => SearchRowSchema.parse({ content: {} })).toThrow();
  });

  it('should read POST /api/v1/enrich_company rows (documented and odd display types), failing loudly on a row without an id', () => {
    const doc = [{ id: 'om-1', content: { root_domain: 'acme.com' }, match_score: 0.5, match_highlights: ['acme'], cursor: [0.5, 'om-1'] }];
    expect(readEnrichCompany(res(doc))).toEqual(doc);
    expect(readEnrichCompany(res([{ ...doc[0], match_highlights: { root_domain: 'acme' }, match_score: '0.5' }]))[0]).toMatchObject({
      match_score: 0.5,
      match_highlights: null,
    });
    expect(() => readEnrichCompany(res([{ content: {} }]))).toThrow(MalformedResponseError);
  });

  it('should read a task with a numeric tracking_id as text', () => {
    expect(TaskSchema.parse({ task_id: 't-1', status: 'COMPLETED', tracking_id: 1001, data: [] }).tracking_id).toBe('1001');
    expect(TaskSchema.parse({ task_id: 't-1', status: 'PROCESSING', tracking_id: { id: 1 } }).tracking_id).toBeNull();
  });

  it('should read a numeric batch_id as text, also from an answer cut off in transit', () => {
    expect(readSubmit(res({ batch_id: 73519, status: { batch_ready: false } }), 'find_people')).toBe('73519');
    expect(readSubmit(res({ data: { batch_id: 12 } }), 'find_tech')).toBe('12');
    expect(() => readSubmit(res({ batch_id: 1.5 }), 'find_tech')).toThrow(/has no batch_id/);
    expect(salvageBatchId('{"batch_id": 73519, "status": {"proc')).toBe('73519');
  });

  it('should read GET /task/batch/:id/task_ids (an array of strings, sorted) and fail on anything else', () => {
    expect(readTaskIds(res(['t-2', 't-1']), ID)).toEqual(['t-1', 't-2']);
    expect(readTaskIds(res([]), ID)).toEqual([]);
    expect(() => readTaskIds(res({ task_ids: ['t-1'] }), ID)).toThrow(
      new RegExp(`GET /api/v1/task/batch/${ID}/task_ids: \\(body\\): expected array, got an object`),
    );
  });

  it('should read POST /api/v2/brands/search: documented, null data, odd total and cursor types', () => {
    const doc = { total: 2, encoded_cursor: 'abc', data: [{ brand_id: 'b-1', brand_name: 'Acme' }, { brand_id: 'b-2' }] };
    expect(parseAnswer('openmart', BrandPageSchema, res(doc), 'brands')).toEqual(doc);
    expect(parseAnswer('openmart', BrandPageSchema, res({ data: null }), 'brands').data).toBeNull();
    expect(parseAnswer('openmart', BrandPageSchema, res({ total: '2', encoded_cursor: 7, data: [] }), 'brands')).toMatchObject({
      total: 2,
      encoded_cursor: null,
    });
    expect(() => parseAnswer('openmart', BrandPageSchema, res({ data: [{ name: 'x' }] }), 'brands')).toThrow(
      /brands: data\.0\.brand_id: expected string, got nothing/,
    );
  });

  it('should read GET /api/v2/credit-balance: balance required, period dates soft', () => {
    const doc = { balance: 4200, period_start: '2026-01-01T00:00:00Z', period_end: '2026-02-01T00:00:00Z', plan: 'pro' };
    expect(parseAnswer('openmart', CreditBalanceSchema, res(doc), 'credits')).toEqual(doc);
    expect(parseAnswer('openmart', CreditBalanceSchema, res({ balance: 1, period_start: { at: 1 } }), 'credits').period_start).toBeNull();
    expect(() => parseAnswer('openmart', CreditBalanceSchema, res({ credits: 5 }), 'credits')).toThrow(/credits: balance: expected number, got nothing/);
  });

  it('should read POST /api/v2/deny-rules/check: an object of booleans', () => {
    const doc = { denied: { 'a@b.com': true, 'c@d.com': false }, checked_at: 'now' };
    expect(parseAnswer('openmart', DenyCheckSchema, res(doc), 'deny')).toEqual(doc);
    expect(() => parseAnswer('openmart', DenyCheckSchema, res({ denied: ['a@b.com'] }), 'deny')).toThrow(MalformedResponseError);
  });
});

describe('gu1 fixtures', () => {
  it('should read costCents sent as text and an error sent as a bare message; results stay required', () => {
    const body = {
      success: true,
      externalId: 'C-1',
      totalCostCents: '170',
      results: [
        { success: true, integrationCode: 'ar_afip_enrichment', costCents: '45' },
        { success: false, integrationCode: 'br_x', costCents: 0, error: 'Receita Federal did not answer' },
      ],
    };
    const r = EnrichResponseSchema.parse(body);
    expect(r.totalCostCents).toBe(170);
    expect(r.results.map((x) => x.costCents)).toEqual([45, 0]);
    expect(r.results[1]!.error).toEqual({ message: 'Receita Federal did not answer' });
    expect(EnrichResponseSchema.safeParse({ success: true }).success).toBe(false);
  });
});

describe('OpenProspect fixtures', () => {
  it('should drop null and object items of text lists and read an object where text is documented as empty', () => {
    const c = ResultCompanySchema.parse({ id: 'c-1', name: { de: 'Adlon' }, phone_numbers: ['+49 30 22610', null, { n: 1 }], match_reasons: null });
    expect(c).toMatchObject({ id: 'c-1', name: null, phone_numbers: ['+49 30 22610'], match_reasons: null });
    expect(ResultCompanySchema.safeParse({ name: 'x' }).success).toBe(false);
  });
});
