import { type ApiError, MalformedResponseError, ValidationError } from '../../../../src/platform/errors';
import { createHttp } from '../../../../src/platform/http';
import { Deadline } from '../../../../src/platform/clock';
import { isRunLevel, NOT_FOUND_MESSAGE } from '../../../../src/providers/gu1/errors';
import { sendWave } from '../../../../src/providers/gu1/wave';
import { fakeUrlFetch, type Scripted } from '../../platform/fake-urlfetch';

const OK = (code = 'ar_afip_enrichment') => ({ status: 200, body: { success: true, results: [{ success: true, integrationCode: code, costCents: 10 }] } });
const row = (externalId: string, forceRefresh = true) => ({ externalId, integrationCodes: ['ar_afip_enrichment'], enrichmentGroupRefs: [], forceRefresh });

function setup(script: (n: number, body: Record<string, unknown>) => Scripted, budgetMs = 270_000) {
  let t = 0;
  const clock = { now: () => t, sleep: (ms: number) => void (t += ms) };
  const fake = fakeUrlFetch((n, _url, params) => script(n, JSON.parse(String(params.payload ?? '{}'))));
  const http = createHttp({
    provider: 'gu1',
    baseUrl: 'https://api.gu1.ai',
    authHeaders: { Authorization: 'Bearer k' },
    urlFetch: fake,
    clock,
    deadline: new Deadline(clock, budgetMs),
    random: () => 0.5,
  });
  const bodies = () => fake.requests.map((r) => JSON.parse(String(r.params.payload)));
  return { http, fake, bodies, advance: (ms: number) => void (t += ms) };
}

describe('providers/gu1/wave', () => {
  describe('#sendWave()', () => {
    it('should send the rows as one fetchAll and read each answer', () => {
      const s = setup(() => OK());
      const w = sendWave(s.http, [row('A'), row('B')], { waveSize: 10 });
      expect(s.fake.fetchAllCalls).toBe(1);
      expect(w.outcomes.map((o) => o.kind)).toEqual(['ok', 'ok']);
      expect(w.resends).toBe(0);
      expect(w.resent).toEqual([false, false]);
    });

    it('should re-send a wave lost in transit once, without forceRefresh, and count it', () => {
      const s = setup((n) => (n === 1 ? { throws: 'Timeout: https://api.gu1.ai/x' } : OK()));
      const w = sendWave(s.http, [row('A'), row('B')], { waveSize: 10 });
      expect(w.outcomes.map((o) => o.kind)).toEqual(['ok', 'ok']);
      expect(w.resends).toBe(2);
      expect(w.resent).toEqual([true, true]);
      const bodies = s.bodies();
      expect(bodies).toHaveLength(4);
      expect(bodies.slice(0, 2).map((b) => b.parameters)).toEqual([{ forceRefresh: true }, { forceRefresh: true }]);
      expect(bodies.slice(2).map((b) => b.parameters)).toEqual([undefined, undefined]);
    });

    it('should keep the results a 422 carries beside its error (partial data)', () => {
      const body = {
        success: false,
        error: { code: 'PARTIAL', message: 'one integration failed' },
        results: [
          { success: true, integrationCode: 'ar_afip_enrichment', costCents: 10 },
          { success: false, integrationCode: 'x_code', costCents: 0, error: { code: 'UPSTREAM', message: 'down' } },
        ],
      };
      const s = setup(() => ({ status: 422, body }));
      const w = sendWave(s.http, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]).toMatchObject({
        kind: 'ok',
        res: { results: [{ integrationCode: 'ar_afip_enrichment' }, { integrationCode: 'x_code', error: { code: 'UPSTREAM' } }] },
      });
    });

    it('should record a 422 without data as the row error', () => {
      const s = setup(() => ({ status: 422, body: { success: false, error: { code: 'INVALID_TAX_ID', message: 'tax id malformed' } } }));
      const w = sendWave(s.http, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]).toMatchObject({ kind: 'rowError', code: 'INVALID_TAX_ID', message: 'tax id malformed' });
    });

    it('should treat an unreadable 200 like a lost answer', () => {
      const s = setup((n) => (n === 0 ? { status: 200, raw: '{"trunc' } : OK()));
      const w = sendWave(s.http, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]!.kind).toBe('ok');
      expect(w.resends).toBe(1);
    });

    it('should leave a row lost twice unanswered (for a later run) and never send it a third time', () => {
      const s = setup(() => ({ throws: 'Timeout: https://api.gu1.ai/x' }));
      const w = sendWave(s.http, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]).toMatchObject({ kind: 'unanswered', error: { status: 0 } });
      expect(s.fake.requests).toHaveLength(2);
    });

    it('should leave a row whose answer is unreadable twice unanswered', () => {
      const s = setup(() => ({ status: 200, raw: '{"trunc' }));
      const w = sendWave(s.http, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]!.kind).toBe('unanswered');
      expect((w.outcomes[0] as { error: unknown }).error).toBeInstanceOf(MalformedResponseError);
      expect(s.fake.requests).toHaveLength(2);
    });

    it('should keep a lost row for the next run when its re-send cannot go out in time', () => {
      // 11 s left: the first fetchAll goes (10 s reserve); it takes 5 s, so the re-send may not.
      const s = setup(() => ({ throws: 'Timeout: x' }), 11_000);
      const slow = {
        ...s.http,
        requestAll: ((reqs, o) => {
          const r = s.http.requestAll(reqs, o);
          s.advance(5_000);
          return r;
        }) as typeof s.http.requestAll,
      };
      const w = sendWave(slow, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]).toMatchObject({ kind: 'later', resend: true });
      expect(w.resends).toBe(0);
      expect(s.fake.requests).toHaveLength(1);
    });

    it('should send rows of a killed run without forceRefresh, as re-sends, and not re-send them again', () => {
      const s = setup(() => ({ throws: 'Timeout: x' }));
      const w = sendWave(s.http, [row('A')], { waveSize: 10, resendOnly: [true] });
      expect(s.bodies()).toHaveLength(1);
      expect(s.bodies()[0].parameters).toBeUndefined();
      expect(w.resends).toBe(1);
      expect(w.outcomes[0]).toMatchObject({ kind: 'unanswered' });
    });

    it.each<[string, Scripted, string]>([
      ['404 entity', { status: 404, body: { success: false, error: { code: 'ENTITY_NOT_FOUND', message: 'Entity not found' } } }, 'notFound'],
      ['404 integration not active', { status: 404, body: { success: false, error: { code: 'SERVICE_INTEGRATION_NOT_ACTIVE', message: 'x' } } }, 'stop'],
      ['401', { status: 401, body: { success: false, error: { code: 'UNAUTHORIZED', message: 'bad key' } } }, 'stop'],
      ['402', { status: 402, body: { success: false, error: { code: 'INSUFFICIENT_BALANCE', message: 'no money' } } }, 'stop'],
      ['403', { status: 403, body: { success: false, error: { code: 'SERVICE_INTEGRATION_NOT_ACTIVE', message: 'x' } } }, 'stop'],
      [
        '400 naming the code',
        { status: 400, body: { success: false, error: { code: 'INVALID_INTEGRATION_CODE', message: 'Unknown integration code: ar_afip_enrichment' } } },
        'stop',
      ],
      [
        '400 about the row',
        { status: 400, body: { success: false, error: { code: 'VALIDATION_ERROR', message: 'parameters.taxId is not a valid CUIT' } } },
        'rowError',
      ],
      ['409', { status: 409, body: { success: false, error: { code: 'CONFLICT', message: 'busy' } } }, 'rowError'],
    ])('should classify %s', (_name, answer, kind) => {
      const s = setup(() => answer);
      expect(sendWave(s.http, [row('A')], { waveSize: 10 }).outcomes[0]!.kind).toBe(kind);
    });

    it('should say "no gu1 entity with this external_id" for a 404', () => {
      const s = setup(() => ({ status: 404, body: { success: false, error: { code: 'ENTITY_NOT_FOUND', message: 'x' } } }));
      expect(sendWave(s.http, [row('A')], { waveSize: 10 }).outcomes[0]).toEqual({ kind: 'notFound', message: NOT_FOUND_MESSAGE });
    });

    it.each([500, 502, 503, 504, 408])(
      'should re-send a row answered %i once, without forceRefresh (a gateway error may come after gu1 billed), then leave it for a later run',
      (status) => {
        const s = setup(() => ({ status, body: { success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } } }));
        const w = sendWave(s.http, [{ ...row('A'), forceRefresh: true }], { waveSize: 10 });
        expect(w.outcomes[0]).toMatchObject({ kind: 'unanswered', error: { status } });
        expect(s.fake.requests.length).toBe(2);
        expect(s.bodies().map((b) => b.parameters)).toEqual([{ forceRefresh: true }, undefined]);
        expect(w.resends).toBe(1);
      },
    );

    it("should leave a row gu1 kept answering 429 for later (nothing was processed), after the http layer's retries", () => {
      const s = setup(() => ({ status: 429, body: { success: false, error: { code: 'RATE_LIMITED', message: 'slow' } }, headers: { 'Retry-After': '1' } }));
      const w = sendWave(s.http, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]).toMatchObject({ kind: 'later', resend: false });
      expect(s.fake.requests.length).toBe(4);
    });

    it('should not re-send a row whose re-send got a 5xx a third time in the run, and leave it for a later run', () => {
      const s = setup((n) => (n === 0 ? { throws: 'Timeout: x' } : { status: 500, body: {} }));
      const w = sendWave(s.http, [row('A')], { waveSize: 10 });
      expect(w.outcomes[0]).toMatchObject({ kind: 'unanswered', error: { status: 500 } });
      // The first send and one re-send: a 500 on a billed request is never repeated by the http layer.
      expect(s.fake.requests.length).toBe(2);
    });
  });

  describe('#isRunLevel()', () => {
    it("should see a 400 naming a code, a group or a list field as the run's", () => {
      const e = (m: string): ApiError => new ValidationError({ provider: 'gu1', status: 400, message: m });
      expect(isRunLevel(e('Unknown integration code: a'), ['a'], [])).toBe(true);
      expect(isRunLevel(e('Enrichment group not found: kyb'), [], ['kyb'])).toBe(true);
      expect(isRunLevel(e('At least one of integrationCodes or enrichmentGroupRefs must be non-empty'), [], [])).toBe(true);
      expect(isRunLevel(e('externalId has an invalid format'), ['a'], [])).toBe(false);
    });
  });
});
