/** The simulators' variant shapes (emulator/apis/{openmart,gu1}/variants.ts) and the chaos `variant` fault (faults.ts). */
import { withFaults } from '../../emulator/apis/faults';
import { createGu1Sim, ENRICH_PATH, GU1_BASE_URL, type Gu1Variant } from '../../emulator/apis/gu1';
import { omRequest, OPENMART_VARIANTS, type OpenmartVariant } from '../../emulator/apis/openmart';
import { LOSSLESS } from '../../emulator/apis/openmart/variants';
import { createOpenProspectSim, UNKNOWN_STATUS, type OpenProspectVariant } from '../../emulator/apis/openprospect';
import { buildRequest, send as sendOp } from '../../emulator/apis/openprospect/request';
import { isTransportFailure, type SimOutcome } from '../../emulator/apis/types';
import { KEY, send, sim } from './openmart-helpers';

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ domain: 'bluebottlecoffee.com', title: 'Head of Marketing', max_k: 2, tracking_id: `row-${i}` }));

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON for assertions
function body(out: SimOutcome): any {
  if (isTransportFailure(out)) throw new Error('transport failure');
  return JSON.parse(out.body);
}

describe('emulator/apis/openmart/variants', () => {
  it('should answer a submit with a partial status object: batch_id and batch_ready only, the batch still created', () => {
    const s = sim({ variants: ['submit-partial-status'] });
    const r = send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(3) });
    expect(r.json).toEqual({ batch_id: s.batches()[0]?.id, status: { batch_ready: false } });
    expect(s.counts.tasksCreated).toBe(3);
  });

  it.each<[OpenmartVariant, (id: string, ready: boolean) => unknown]>([
    ['status-flag-only', (_id, ready) => ({ batch_ready: ready })],
    ['status-under-status', (_id, ready) => ({ status: { processing: ready ? 0 : 2, completed: ready ? 2 : 0, errored: 0, total: 2, batch_ready: ready } })],
    ['status-under-data', (_id, ready) => ({ data: { batch_ready: ready } })],
  ])('should answer the batch status as %s', (variant, want) => {
    const s = sim({ variants: [variant] });
    const id = send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(2) }).json.batch_id;
    expect(send(s, 'GET', `/api/v1/task/batch/${id}/status`).json).toEqual(want(id, false));
    s.completeTasks();
    expect(send(s, 'GET', `/api/v1/task/batch/${id}/status`).json).toEqual(want(id, true));
  });

  it('should drop tracking_id and data from PROCESSING tasks only, and upper-case phone line types', () => {
    const s = sim({ variants: ['task-lean', 'line-type-upper'] });
    const domains = ['bluebottlecoffee.com', 'allbirds.com', 'milvali.com', 'stripe.com', 'notion.so'];
    send(s, 'POST', '/api/v1/task/batch/find_people', { json: domains.map((domain) => ({ domain, title: 'CEO', max_k: 8, info_access: ['PHONE'] })) });
    const task = s.tasks()[0]!;
    expect(send(s, 'GET', `/api/v1/task/${task.id}`).json).toEqual({ task_id: task.id, status: 'PROCESSING' });
    s.completeTasks();
    expect(send(s, 'GET', `/api/v1/task/${task.id}`).json).toMatchObject({ task_id: task.id, status: 'COMPLETED', tracking_id: null });
    const done = s.tasks().map((t) => send(s, 'GET', `/api/v1/task/${t.id}`).json);
    const types = done.flatMap((d) => (d.data as Array<{ phones: Array<{ line_type: string }> }>).flatMap((p) => p.phones.map((ph) => ph.line_type)));
    expect(types.length).toBeGreaterThan(0);
    for (const t of types) expect(t).toMatch(/^(MOBILE|LANDLINE)$/);
  });

  it('should answer 404 with {} and 402 with plain text echoing the key', () => {
    const s = sim({ variants: ['not-found-empty', 'payment-text'], credits: 0 });
    expect(send(s, 'GET', '/api/v1/task/batch/nope/status')).toMatchObject({ status: 404, json: {} });
    const out = s.handle(omRequest('POST', '/api/v1/search', { json: { query: 'hair salons', limit: 5 } }));
    expect(out).toMatchObject({ status: 402, body: expect.stringContaining(`API key ${KEY}`) });
  });

  it('should shape search rows: lean, null scores with [null, id] cursors, no cursor on the last row, null store_phones', () => {
    const search = (variants: OpenmartVariant[]) =>
      send(sim({ variants }), 'POST', '/api/v1/search', { json: { query: 'hair salons', limit: 20 } }).json as Array<Record<string, unknown>>;
    const plain = search([]);
    expect(plain.length).toBe(20);
    expect(plain.every((r) => 'match_score' in r && 'match_highlights' in r && Array.isArray(r['cursor']))).toBe(true);
    expect(search(['rows-lean']).every((r) => !('match_score' in r) && !('match_highlights' in r) && Array.isArray(r['cursor']))).toBe(true);
    expect(search(['null-score']).every((r) => r['match_score'] === null && (r['cursor'] as unknown[])[0] === null)).toBe(true);
    const noCursor = search(['last-row-no-cursor']);
    expect(noCursor.slice(0, -1).every((r) => Array.isArray(r['cursor']))).toBe(true);
    expect(noCursor[19]).not.toHaveProperty('cursor');
    const withEmpty = plain.filter((r) => ((r['content'] as Record<string, unknown>)['store_phones'] as unknown[]).length === 0).map((r) => r['id']);
    const nulls = search(['store-phones-null'])
      .filter((r) => (r['content'] as Record<string, unknown>)['store_phones'] === null)
      .map((r) => r['id']);
    expect(nulls).toEqual(withEmpty);
  });

  it('should add unknown keys at the top level and inside status objects', () => {
    const s = sim({ variants: ['extra-keys'] });
    const r = send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(1) }).json;
    expect(r).toMatchObject({
      batch_id: expect.any(String),
      x_request_meta: expect.any(Object),
      status: { x_request_meta: expect.any(Object), batch_ready: false },
    });
  });

  it('should list every variant and call only facts-keeping ones lossless', () => {
    expect([...OPENMART_VARIANTS].sort()).toEqual(expect.arrayContaining([...LOSSLESS].sort()));
    expect(LOSSLESS).not.toContain('last-row-no-cursor');
    expect(LOSSLESS).not.toContain('null-score');
    expect(LOSSLESS).not.toContain('display-types');
  });

  it('should send display fields as unexpected types: scores as text, highlights as objects, the last cursor as text, numeric tracking ids as numbers', () => {
    const plain = send(sim(), 'POST', '/api/v1/search', { json: { query: 'hair salons', limit: 5 } }).json as Array<Record<string, unknown>>;
    const s = sim({ variants: ['display-types'] });
    const rows = send(s, 'POST', '/api/v1/search', { json: { query: 'hair salons', limit: 5 } }).json as Array<Record<string, unknown>>;
    expect(rows.map((r) => r['match_score'])).toEqual(plain.map((r) => String(r['match_score'])));
    expect(rows.map((r) => r['match_highlights'])).toEqual(plain.map((r) => ({ content: r['match_highlights'] })));
    expect(rows.slice(0, -1).map((r) => r['cursor'])).toEqual(plain.slice(0, -1).map((r) => r['cursor']));
    expect(rows[4]!['cursor']).toBe(JSON.stringify(plain[4]!['cursor']));
    const id = send(s, 'POST', '/api/v1/task/batch/find_people', {
      json: [
        { ...people(1)[0], tracking_id: '1001' },
        { ...people(1)[0], tracking_id: 'row-x' },
      ],
    }).json.batch_id;
    const tasks = send(s, 'GET', `/api/v1/task/batch/${id}/task_ids`).json as string[];
    expect(tasks.map((t) => send(s, 'GET', `/api/v1/task/${t}`).json.tracking_id)).toEqual([1001, 'row-x']);
  });
});

describe('emulator/apis/gu1/variants', () => {
  function gu1(variants: Gu1Variant[]) {
    const s = createGu1Sim({ variants });
    s.addKey('gk_test_1');
    s.addEntity('C-1');
    const code = s.catalogue()[0]!.code;
    const req = {
      method: 'POST' as const,
      url: `${GU1_BASE_URL}${ENRICH_PATH}`,
      path: ENRICH_PATH,
      query: {},
      headers: { authorization: 'Bearer gk_test_1', 'content-type': 'application/json' },
      body: JSON.stringify({ externalId: 'C-1', integrationCodes: [code] }),
      now: 0,
    };
    return { s, req, code };
  }

  it('should answer in the second documented shape: rulesResult and rulesExecutionSummary, no entityId or integrationName', () => {
    const { s, req } = gu1(['second-shape']);
    const b = body(s.handle(req));
    expect(b).toMatchObject({ success: expect.any(Boolean), externalId: 'C-1', rulesResult: expect.any(Object), rulesExecutionSummary: expect.any(Object) });
    expect(b).not.toHaveProperty('entityId');
    expect(b.results.length).toBeGreaterThan(0);
    for (const r of b.results) expect(r).not.toHaveProperty('integrationName');
  });

  it("should send costs as text and a failed result's error as its bare message", () => {
    const plain = gu1([]);
    const want = body(plain.s.handle(plain.req));
    const { s, req } = gu1(['display-types']);
    const b = body(s.handle(req));
    expect(b.results.map((r: { costCents: unknown }) => r.costCents)).toEqual(want.results.map((r: { costCents: number }) => String(r.costCents)));
    const failing = gu1(['display-types']);
    failing.s.failResult('C-1', failing.code, {
      code: 'PROVIDER_UNAVAILABLE',
      message: 'AFIP did not answer',
      category: 'provider',
      retryable: true,
      statusCode: 503,
    });
    expect(body(failing.s.handle(failing.req)).results[0]).toMatchObject({ success: false, error: 'AFIP did not answer' });
  });
});

describe('emulator/apis/faults variant', () => {
  it('should let the server do the work and answer in a lossless variant shape that fits the route', () => {
    const s = sim();
    const faulty = withFaults(s, [{ pathIncludes: '/task/batch/', variant: { pick: 1 } }]);
    const out = body(faulty.handle(omRequest('POST', '/api/v1/task/batch/find_people', { json: people(2) })));
    expect(s.counts.batchesCreated).toBe(1);
    expect(out.batch_id).toBe(s.batches()[0]?.id);
    // The documented submit carries submit_for and full counters; every fitting variant changes that.
    expect(out).not.toEqual({
      batch_id: out.batch_id,
      submit_for: 'find_people',
      status: { processing: 2, completed: 0, errored: 0, total: 2, batch_ready: false },
    });
    expect(faulty.faultsFired).toHaveLength(1);
  });

  it('should leave an answer no variant fits unchanged (a bare array of task ids)', () => {
    const s = sim();
    const id = send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(2) }).json.batch_id;
    const faulty = withFaults(s, [{ variant: { pick: 3 } }]);
    const out = faulty.handle(omRequest('GET', `/api/v1/task/batch/${id}/task_ids`));
    expect(body(out)).toEqual(s.tasks(id).map((t) => t.id));
    expect(faulty.faultsFired).toHaveLength(1);
  });
});

describe('emulator/apis/openprospect/variants', () => {
  const OP_KEY = 'lnc_test_variants';
  const companies = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ company_name: `Firma ${i}`, external_id: `CRM-${i}`, country: 'Germany', postal_code: `1011${i % 10}` }));

  function create(variants: OpenProspectVariant[]) {
    const s = createOpenProspectSim({ seed: 11, variants });
    s.addKey(OP_KEY);
    const r = sendOp(
      s,
      buildRequest('POST', '/api/v1/orders/', { key: OP_KEY, now: 0, json: { title: 'E', features: ['COMPANY_DATA', 'CONTACTS'], companies: companies(20) } }),
    );
    return { s, r };
  }

  it('should answer a create with order_id only, the order still made', () => {
    const { s, r } = create(['create-lean']);
    expect(r.status).toBe(202);
    expect(r.json).toEqual({ order_id: s.orders()[0]?.id });
  });

  it('should send display numbers as text and numeric postal codes as numbers, and add extra keys', () => {
    const { s, r } = create(['numbers-as-text', 'extra-keys']);
    expect(r.json).toMatchObject({ order_id: expect.any(String), status: 'RECEIVED', api_version: expect.any(String) });
    s.advance(r.json.order_id, 'COMPLETED', { at: 0 });
    const page = sendOp(s, buildRequest('GET', `/api/v1/orders/${r.json.order_id}/results?limit=50`, { key: OP_KEY, now: 1 })).json;
    expect(page).toMatchObject({ _links: expect.any(Object), has_more: false });
    const items = page.items as Array<Record<string, unknown>>;
    expect(items.some((c) => typeof c['employee_count'] === 'string')).toBe(true);
    expect(items.every((c) => typeof c['employee_count'] !== 'number')).toBe(true);
    expect(items.some((c) => typeof c['postal_code'] === 'number')).toBe(true);
  });

  it('should append a null and an object item to text lists and send descriptions as objects (display-types)', () => {
    const { s, r } = create(['display-types']);
    s.advance(r.json.order_id, 'COMPLETED', { at: 0 });
    const items = sendOp(s, buildRequest('GET', `/api/v1/orders/${r.json.order_id}/results?limit=50`, { key: OP_KEY, now: 1 })).json.items as Array<
      Record<string, unknown>
    >;
    const lists = items.map((c) => c['phone_numbers']).filter(Array.isArray) as unknown[][];
    expect(lists.length).toBeGreaterThan(0);
    for (const l of lists) expect(l.slice(-2)).toEqual([null, { unexpected: true }]);
    expect(items.filter((c) => c['description'] !== undefined && c['description'] !== null).every((c) => typeof c['description'] === 'object')).toBe(true);
  });

  it('should report an unfinished order as a status no document lists (unknown-status), finished ones as they are', () => {
    const { s, r } = create(['unknown-status']);
    const status = (now: number) => sendOp(s, buildRequest('GET', `/api/v1/orders/${r.json.order_id}`, { key: OP_KEY, now })).json.status;
    expect(status(1)).toBe(UNKNOWN_STATUS);
    s.advance(r.json.order_id, 'IN_PROGRESS', { at: 1 });
    expect(status(2)).toBe(UNKNOWN_STATUS);
    s.advance(r.json.order_id, 'COMPLETED', { at: 2 });
    expect(status(3)).toBe('COMPLETED');
  });

  it('should refuse results before COMPLETED with 409 ORDER_NOT_COMPLETED when refuseEarlyResults, and serve them after', () => {
    const s = createOpenProspectSim({ seed: 11, refuseEarlyResults: true });
    s.addKey(OP_KEY);
    const r = sendOp(
      s,
      buildRequest('POST', '/api/v1/orders/', { key: OP_KEY, now: 0, json: { title: 'E', features: ['COMPANY_DATA'], companies: companies(5) } }),
    );
    s.advance(r.json.order_id, 'IN_PROGRESS', { at: 0 });
    s.deliver(r.json.order_id, 3, 0);
    const early = sendOp(s, buildRequest('GET', `/api/v1/orders/${r.json.order_id}/results`, { key: OP_KEY, now: 1 }));
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'ORDER_NOT_COMPLETED' });
    expect(s.counts.resultsFetchesBeforeCompleted).toBe(1);
    s.advance(r.json.order_id, 'COMPLETED', { at: 2 });
    const late = sendOp(s, buildRequest('GET', `/api/v1/orders/${r.json.order_id}/results`, { key: OP_KEY, now: 3 }));
    expect(late.status).toBe(200);
    expect(late.json.items).toHaveLength(5);
  });
});
