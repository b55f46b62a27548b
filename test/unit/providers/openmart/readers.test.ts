/**
 * Fixture tests per Openmart route: the documented example (written from the field lists of
 * openmart-api.txt and NOTES.md) and the variants of issue 19, through the readers the jobs use.
 */
import { ApiError, MalformedResponseError, NotFoundError, PaymentError } from '../../../../src/platform/errors';
import { readStatus } from '../../../../src/providers/openmart/batch-status';
import { readTask } from '../../../../src/providers/openmart/get-task';
import { salvageBatchId } from '../../../../src/providers/openmart/readers';
import { readRecords } from '../../../../src/providers/openmart/records';
import { businessRow, searchRowToRow, taskRows } from '../../../../src/providers/openmart/result-rows';
import { readSearchEnvelope } from '../../../../src/providers/openmart/schemas';
import { readSubmit } from '../../../../src/providers/openmart/submit-batch';

const res = (body: unknown) => ({ status: 200, headers: {}, body });
const BATCH = '2d1f6a0e-3c9b-4b7e-9a51-7f0c2b8e4d11';
const TASK = '8e2b7c44-0a1d-4f3e-b6c9-55d1e0f9a2b3';

describe('providers/openmart readers', () => {
  describe('POST /api/v1/task/batch/{op} (requires batch_id)', () => {
    it('should read the documented answer {batch_id, submit_for, status: {counters}}', () => {
      const doc = { batch_id: BATCH, submit_for: 'find_people', status: { processing: 2, completed: 0, errored: 0, total: 2, batch_ready: false } };
      expect(readSubmit(res(doc), 'find_people')).toBe(BATCH);
    });

    it.each([
      ['a partial status', { batch_id: BATCH, status: { batch_ready: false } }],
      ['no status at all', { batch_id: BATCH }],
      ['extra keys', { batch_id: BATCH, submit_for: 'find_people', queue: { region: 'us' }, status: { batch_ready: false, eta_s: 30 } }],
      ['the id under data', { data: { batch_id: BATCH } }],
    ])('should read %s', (_name, body) => {
      expect(readSubmit(res(body), 'find_people')).toBe(BATCH);
    });

    it('should fail naming the route when there is no batch_id', () => {
      expect(() => readSubmit(res({ status: { batch_ready: false } }), 'find_tech')).toThrow(
        new MalformedResponseError({ provider: 'openmart', status: 200, message: 'POST /api/v1/task/batch/find_tech: the answer has no batch_id' }),
      );
      expect(() => readSubmit(res({ batch_id: '' }), 'find_tech')).toThrow(/has no batch_id/);
    });

    it('should find the batch id in an answer cut off in transit', () => {
      expect(salvageBatchId(`{"batch_id": "${BATCH}", "submit_for": "find_people", "status": {"proce`)).toBe(BATCH);
      expect(salvageBatchId(`{"batch_id": "${BATCH.slice(0, 10)}`)).toBeUndefined();
      expect(salvageBatchId('{"truncated')).toBeUndefined();
      expect(salvageBatchId(undefined)).toBeUndefined();
    });
  });

  describe('GET /api/v1/task/batch/:id/status (requires batch_ready, or processing)', () => {
    it('should read the documented counters at the top level, cancelled = total - the rest', () => {
      expect(readStatus(res({ processing: 0, completed: 7, errored: 2, total: 10, batch_ready: true }), BATCH)).toEqual({ ready: true, counts: [7, 2, 1] });
      expect(readStatus(res({ processing: 3, completed: 7, errored: 0, total: 10, batch_ready: false }), BATCH)).toEqual({ ready: false, counts: [7, 0, 0] });
    });

    it.each([
      ['the flag alone', { batch_ready: true }, { ready: true }],
      ['the flag under status', { status: { batch_ready: true } }, { ready: true }],
      ['the flag under data', { data: { batch_ready: false } }, { ready: false }],
      ['the counters under status', { status: { processing: 0, completed: 4, errored: 0, total: 4, batch_ready: true } }, { ready: true, counts: [4, 0, 0] }],
      ['counters without the flag', { processing: 0, completed: 4, errored: 1, total: 5 }, { ready: true, counts: [4, 1, 0] }],
      ['extra keys', { batch_ready: false, processing: 1, completed: 0, errored: 0, total: 1, eta: { seconds: 40 } }, { ready: false, counts: [0, 0, 0] }],
    ])('should read %s', (_name, body, want) => {
      expect(readStatus(res(body), BATCH)).toEqual(want);
    });

    it('should fail naming the route and what was missing', () => {
      for (const body of [{}, { state: 'running' }, { status: 'RUNNING' }, [], 'ok', { batch_ready: 'yes' }]) {
        expect(() => readStatus(res(body), BATCH)).toThrow(`GET /api/v1/task/batch/${BATCH}/status: the answer has no batch_ready flag or processing count`);
      }
    });

    it('should pass on a 404 with {} as NotFoundError', () => {
      const e = ApiError.generate('openmart', 404, {});
      expect(() => readStatus(e, BATCH)).toThrow(NotFoundError);
      expect(() => readStatus(e, BATCH)).toThrow('Not found');
    });
  });

  describe('GET /api/v1/task/:id (requires status)', () => {
    const person = {
      first_name: 'Jane',
      last_name: 'Doe',
      title: 'CEO',
      email: { email: 'jane@acme.com', verified: true },
      phones: [{ phone_number: '+14155550100', line_type: 'mobile', valid: true }],
      linkedin_url: 'https://linkedin.com/in/jane',
    };

    it('should write the documented COMPLETED task by its tracking_id', () => {
      const task = readTask(res({ task_id: TASK, status: 'COMPLETED', tracking_id: 'ROW-1', data: [person] }), TASK);
      expect(taskRows('find_people', task, BATCH)).toEqual([
        expect.objectContaining({
          external_id: 'ROW-1',
          index: 1,
          status: 'COMPLETED',
          first_name: 'Jane',
          email: 'jane@acme.com',
          email_verified: true,
          phones: ['+14155550100 (mobile)'],
          task_id: TASK,
          batch_id: BATCH,
        }),
      ]);
    });

    it('should take upper-case line types, lower-case statuses, extra keys (as extra columns) and no task_id', () => {
      const upper = {
        ...person,
        phones: [{ phone_number: '+14155550100', line_type: 'MOBILE', valid: false }],
        seniority: 'C-level',
        company: { size: '11-50' },
      };
      const task = readTask(res({ status: 'completed', tracking_id: null, data: [upper], worker: 'w-3' }), TASK);
      expect(task.task_id).toBe(TASK);
      const [row] = taskRows('find_people', task, BATCH);
      expect(row).toMatchObject({ external_id: `task:${TASK}`, phones: ['+14155550100 (mobile, invalid)'], seniority: 'C-level', 'company.size': '11-50' });
    });

    it('should read a PROCESSING task without tracking_id and data keys, and write nothing for it', () => {
      const task = readTask(res({ task_id: TASK, status: 'PROCESSING' }), TASK);
      expect(taskRows('find_people', task, BATCH)).toEqual([]);
    });

    it('should fail naming the route when there is no status', () => {
      expect(() => readTask(res({ task_id: TASK, data: [] }), TASK)).toThrow(new RegExp(`GET /api/v1/task/${TASK}: status: expected string, got nothing`));
    });
  });

  describe('POST /api/v1/search rows (require id + content, or openmart_id)', () => {
    const doc = {
      id: '54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04',
      content: { business_name: 'Curls are Fun', store_phones: ['+14156264782'], tags: ['beauty salon', 'hair salon'] },
      match_score: 24.264505,
      match_highlights: ['hair salon', 'hairdresser'],
      cursor: [24.264505, '54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04'],
    };

    it('should write the documented row with its score and highlights', () => {
      const [row] = readSearchEnvelope(res([doc]), 'search').rows;
      expect(searchRowToRow(row!)).toMatchObject({
        openmart_id: doc.id,
        business_name: 'Curls are Fun',
        match_score: 24.264505,
        match_highlights: ['hair salon', 'hairdresser'],
      });
    });

    it('should take rows without score, highlights or cursor, null store_phones, and keep extra keys as columns', () => {
      const lean = { id: doc.id, content: { ...doc.content, store_phones: null, opening_hours: { mon: '9-5' } }, source: 'index-v2' };
      const [row] = readSearchEnvelope(res({ data: [lean], total_count: 1, took_ms: 12 }), 'search').rows;
      expect(searchRowToRow(row!)).toMatchObject({
        openmart_id: doc.id,
        store_phones: null,
        match_score: null,
        match_highlights: null,
        'opening_hours.mon': '9-5',
        source: 'index-v2',
      });
    });

    it('should keep the highlights of flat {results} rows', () => {
      const [row] = readSearchEnvelope(res({ results: [{ openmart_id: 'om_1', name: 'A', match_score: 3, match_highlights: ['dentist'] }] }), 'search').rows;
      expect(row).toEqual({ id: 'om_1', content: { name: 'A' }, match_score: 3, match_highlights: ['dentist'] });
    });
  });

  describe('GET /api/v1/business_records/list/{kind} (requires an object of objects)', () => {
    it('should read records keyed by input id, extra keys kept', () => {
      const body = { ChIJ123: { store_id: 'abc', business_name: 'A', extra: { x: 1 } } };
      const found = readRecords(res(body), 'google_place_id');
      expect(businessRow('abc', found['ChIJ123']!)).toMatchObject({ openmart_id: 'abc', business_name: 'A', 'extra.x': 1 });
    });
  });

  describe('error bodies', () => {
    it("should turn a plain-text 402 into the add-on's sentence with a short scrubbed detail", () => {
      const text = `<html><body><h1>Payment Required</h1><p>credit limit reached for key om_live_7c3d9e1f2a4b6c8d0e1f2a3b4c5d6e7f. ${'Please upgrade your plan. '.repeat(10)}</p></body></html>`;
      const e = ApiError.generate('openmart', 402, text);
      expect(e).toBeInstanceOf(PaymentError);
      const m = e.userMessage();
      expect(m).toMatch(
        /^Openmart: out of credits or balance \(Payment required; the answer was not JSON: "Payment Required credit limit reached for key \[redacted\]\. Please upgrade[^"]*…"\)\. Top up your Openmart account, then retry\.$/,
      );
      expect(m).not.toContain('<');
      expect(m).not.toContain('om_live_');
    });
  });
});
