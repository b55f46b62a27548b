import { send, sim, KEY } from './openmart-helpers';

const people = (n: number, domain = 'bluebottlecoffee.com') =>
  Array.from({ length: n }, (_, i) => ({ domain, title: 'Head of Marketing', max_k: 3, tracking_id: `row-${i}` }));

describe('emulator/apis/openmart', () => {
  describe('POST /api/v1/task/batch/*', () => {
    it('should accept 1-100 tasks, answer the submit envelope with nested status, and count the batch', () => {
      const s = sim();
      const r = send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(3) });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        batch_id: expect.any(String),
        submit_for: 'find_people',
        status: { processing: 3, completed: 0, errored: 0, total: 3, batch_ready: false },
      });
      expect(s.counts.batchesCreated).toBe(1);
      expect(send(s, 'POST', '/api/v1/task/batch/find_people', { json: [] })).toMatchObject({
        status: 400,
        json: { detail: 'the number of tasks in each batch should be between 1 and 100' },
      });
      expect(send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(101) }).status).toBe(400);
      expect(s.counts.batchesCreated).toBe(1);
    });

    it('should run the per-task validators of each route', () => {
      const s = sim();
      const post = (op: string, t: unknown) => send(s, 'POST', `/api/v1/task/batch/${op}`, { json: [t] }).json;
      expect(post('find_people', { title: 'CEO', max_k: 2 })).toEqual({ detail: 'domain is required' });
      expect(post('find_people', { domain: 'a.com', max_k: 2 })).toEqual({ detail: 'title is required' });
      expect(post('find_people', { domain: 'a.com', title: 'CEO' })).toEqual({ detail: 'max_k is required' });
      expect(post('find_people', { domain: 'a.com', title: 'CEO', max_k: 9 })).toEqual({ detail: 'max_k must be between 1 and 8' });
      expect(post('find_people', { domain: 'a.com', title: 'CEO', max_k: 2, version: 2 })).toEqual({ detail: 'version must be 0 or 1' });
      expect(post('find_people', { domain: 'a.com', title: 'CEO', max_k: 2, info_access: ['FAX'] })).toEqual({ detail: 'info_access must be EMAIL or PHONE' });
      expect(post('find_tech', { domain: 'a.com' })).toEqual({ detail: 'tech_type is required' });
      expect(post('lookup_business_email', { domain: 'a.com', company_name: '' })).toEqual({ detail: 'company_name is required' });
      expect(post('lookup_people', { domain: 'a.com' })).toEqual({ detail: 'people is required' });
      expect(post('lookup_people', { domain: 'a.com', people: [{ first_name: 'J', last_name: 'D' }], notify_url: 'nope' })).toEqual({
        detail: 'notify_url must be a valid URL',
      });
      expect(s.counts.batchesCreated).toBe(0);
    });

    it('should sleep ~26 s before lookup_business_email and lookup_people, even for an invalid body', () => {
      const s = sim();
      expect(send(s, 'POST', '/api/v1/task/batch/lookup_business_email', { json: [{ domain: 'milvali.com', company_name: 'Milvali' }] }).latencyMs).toBe(
        26_000,
      );
      expect(send(s, 'POST', '/api/v1/task/batch/lookup_people', { json: [] }).latencyMs).toBe(26_000);
      expect(send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(1) }).latencyMs).toBeLessThan(5_000);
    });

    it('should answer 402 on a billed route once the credits are gone, but not on find_tech', () => {
      const s = sim({ credits: 0 });
      expect(send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(1) }).status).toBe(402);
      expect(send(s, 'POST', '/api/v1/task/batch/find_tech', { json: [{ domain: 'a.com', tech_type: 'shopify' }] }).status).toBe(200);
    });
  });

  describe('batch status, task ids and tasks', () => {
    it('should move tasks to COMPLETED / ERRORED / CANCELLED and report them at every route', () => {
      const s = sim();
      const id = send(s, 'POST', '/api/v1/task/batch/find_people', { json: people(10) }).json.batch_id;
      expect(send(s, 'GET', `/api/v1/task/batch/${id}/status`).json).toEqual({ processing: 10, completed: 0, errored: 0, total: 10, batch_ready: false });
      s.completeTasks({ count: 4 });
      expect(send(s, 'GET', `/api/v1/task/batch/${id}/status`).json).toMatchObject({ processing: 6, completed: 4, batch_ready: false });
      s.completeTasks({ error: (t) => (t.index % 3 === 0 ? 'domain could not be resolved' : null), cancel: (t) => t.index === 8 });
      const status = send(s, 'GET', `/api/v1/task/batch/${id}/status`).json;
      expect(status).toEqual({ processing: 0, completed: 7, errored: 2, total: 10, batch_ready: true });
      const done: string[] = send(s, 'GET', `/api/v1/task/batch/${id}/task_ids?status=COMPLETED`).json;
      const errored: string[] = send(s, 'GET', `/api/v1/task/batch/${id}/task_ids?status=ERRORED`).json;
      const cancelled: string[] = send(s, 'GET', `/api/v1/task/batch/${id}/task_ids?status=CANCELLED`).json;
      expect([done.length, errored.length, cancelled.length]).toEqual([7, 2, 1]);
      expect(send(s, 'GET', `/api/v1/task/batch/${id}/task_ids`).json).toHaveLength(10);
      const t = send(s, 'GET', `/api/v1/task/${done[0]}`).json;
      expect(t).toMatchObject({ task_id: done[0], status: 'COMPLETED', tracking_id: expect.stringMatching(/^row-/) });
      expect(Array.isArray(t.data)).toBe(true);
      const e = send(s, 'GET', `/api/v1/task/${errored[0]}`).json;
      expect(e).toMatchObject({ status: 'ERRORED', error: 'domain could not be resolved', data: null });
    });

    it('should deliver people in the NOTES shape, at most max_k, deterministic per domain and title', () => {
      const s = sim();
      const id = send(s, 'POST', '/api/v1/task/batch/find_people', {
        json: Array.from({ length: 20 }, (_, i) => ({ domain: `shop${i}.com`, title: 'Owner', max_k: 2, tracking_id: `t${i}` })),
      }).json.batch_id;
      s.completeTasks();
      const ids: string[] = send(s, 'GET', `/api/v1/task/batch/${id}/task_ids?status=COMPLETED`).json;
      const all = ids.flatMap((t) => send(s, 'GET', `/api/v1/task/${t}`).json.data);
      expect(all.length).toBeGreaterThan(5);
      for (const p of all) {
        expect(Object.keys(p).sort()).toEqual(['email', 'first_name', 'last_name', 'linkedin_url', 'phones', 'title']);
        if (p.email) expect(p.email).toEqual({ email: expect.stringContaining('@shop'), verified: expect.any(Boolean) });
        for (const ph of p.phones) expect(ph.phone_number.startsWith('+')).toBe(true);
      }
      const counts = ids.map((t) => send(s, 'GET', `/api/v1/task/${t}`).json.data.length);
      expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    });

    it('should return {email, status} mailboxes, a generic tech object, and echo tracking ids (or null when told)', () => {
      const s = sim();
      const mail = send(s, 'POST', '/api/v1/task/batch/lookup_business_email', {
        json: [{ domain: 'milvali.com', company_name: 'Milvali', tracking_id: 'm1' }],
      }).json.batch_id;
      const tech = send(s, 'POST', '/api/v1/task/batch/find_tech', { json: [{ domain: 'allbirds.com', tech_type: 'shopify' }] }).json.batch_id;
      s.completeTasks();
      const m = send(s, 'GET', `/api/v1/task/${s.batch(mail)!.taskIds[0]}`).json;
      expect(m.tracking_id).toBe('m1');
      for (const x of m.data) expect(Object.keys(x).sort()).toEqual(['email', 'status']);
      const t = send(s, 'GET', `/api/v1/task/${s.batch(tech)!.taskIds[0]}`).json;
      expect(t.tracking_id).toBeNull();
      expect(t.data).toMatchObject({ tech_type: 'shopify', domain: 'allbirds.com' });
      s.setNullTrackingIds(true);
      expect(send(s, 'GET', `/api/v1/task/${s.batch(mail)!.taskIds[0]}`).json.tracking_id).toBeNull();
    });

    it('should finish tasks by themselves with auto-completion', () => {
      const s = sim();
      const id = send(s, 'POST', '/api/v1/task/batch/find_tech', { json: [{ domain: 'a.com', tech_type: 'hubspot' }], now: 1_000 }).json.batch_id;
      s.autoComplete({ afterMs: 60_000 });
      expect(send(s, 'GET', `/api/v1/task/batch/${id}/status`, { now: 30_000 }).json.batch_ready).toBe(false);
      expect(send(s, 'GET', `/api/v1/task/batch/${id}/status`, { now: 61_000 }).json.batch_ready).toBe(true);
    });

    it('should bill per delivered person and end tasks ERRORED when the credits run out at completion', () => {
      const s = sim({ credits: 3 });
      send(s, 'POST', '/api/v1/task/batch/find_people', { json: Array.from({ length: 30 }, (_, i) => ({ domain: `d${i}.com`, title: 'CEO', max_k: 4 })) });
      s.completeTasks();
      const tasks = s.tasks();
      expect(tasks.some((t) => t.status === 'ERRORED' && t.error === 'credit limit reached')).toBe(true);
      expect(s.credits()).toBeGreaterThanOrEqual(0);
      expect(s.counts.creditsBilled).toBeLessThanOrEqual(3);
    });

    it("should answer 404 for another key's or an unknown batch", () => {
      const s = sim();
      const id = send(s, 'POST', '/api/v1/task/batch/find_tech', { json: [{ domain: 'a.com', tech_type: 'x' }] }).json.batch_id;
      s.addKey('other');
      expect(send(s, 'GET', `/api/v1/task/batch/${id}/status`, { key: 'other' }).status).toBe(404);
      expect(send(s, 'GET', '/api/v1/task/batch/nope/status').status).toBe(404);
      expect(send(s, 'GET', '/api/v1/task/nope').status).toBe(404);
    });
  });

  describe('deny rules', () => {
    it('should create (POST), check (POST, one entry per value) and delete (DELETE with a JSON body)', () => {
      const s = sim();
      expect(send(s, 'POST', '/api/v2/deny-rules', { json: { type: 'email', values: ['Blocked@Example.com'] } }).json).toEqual({ status: 'success' });
      expect(send(s, 'POST', '/api/v2/deny-rules/check', { json: { type: 'email', values: ['blocked@example.com', 'ok@example.com'] } }).json).toEqual({
        denied: { 'blocked@example.com': true, 'ok@example.com': false },
      });
      expect(send(s, 'DELETE', '/api/v2/deny-rules', { json: { type: 'email', values: ['blocked@example.com', 'never@x.com'] } }).json).toEqual({
        status: 'success',
      });
      expect(send(s, 'POST', '/api/v2/deny-rules/check', { json: { type: 'email', values: ['blocked@example.com'] } }).json.denied['blocked@example.com']).toBe(
        false,
      );
      expect(send(s, 'POST', '/api/v2/deny-rules', { json: { type: 'fax', values: ['1'] } })).toMatchObject({
        status: 400,
        json: { detail: 'Type must be one of [email phone]' },
      });
      expect(send(s, 'POST', '/api/v2/deny-rules', { body: '{nope' }).status).toBe(400);
    });

    it('should suppress denied emails and phones (and a person left with nothing) from later results only', () => {
      const s = sim();
      const task = { domain: 'bluebottlecoffee.com', title: 'Head of Marketing', max_k: 4, tracking_id: 'x' };
      const first = send(s, 'POST', '/api/v1/task/batch/find_people', { json: [task] }).json.batch_id;
      s.completeTasks();
      const before = send(s, 'GET', `/api/v1/task/${s.batch(first)!.taskIds[0]}`).json.data;
      const target = before.find((p: { email: unknown }) => p.email)!;
      send(s, 'POST', '/api/v2/deny-rules', { json: { type: 'email', values: [target.email.email] } });
      if (target.phones.length > 0)
        send(s, 'POST', '/api/v2/deny-rules', { json: { type: 'phone', values: target.phones.map((p: { phone_number: string }) => p.phone_number) } });
      const second = send(s, 'POST', '/api/v1/task/batch/find_people', { json: [task] }).json.batch_id;
      s.completeTasks();
      const after = send(s, 'GET', `/api/v1/task/${s.batch(second)!.taskIds[0]}`).json.data;
      expect(after.some((p: { first_name: string; last_name: string }) => p.first_name === target.first_name && p.last_name === target.last_name)).toBe(false);
      expect(JSON.stringify(after)).not.toContain(target.email.email);
      // Earlier results are not rewritten.
      expect(send(s, 'GET', `/api/v1/task/${s.batch(first)!.taskIds[0]}`).json.data).toEqual(before);
      expect(s.denyRules(KEY).email).toEqual([target.email.email.toLowerCase()]);
    });
  });
});
