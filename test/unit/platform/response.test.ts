/**
 * The one response reader (platform/response.ts), as a spec: what every provider's answer becomes
 * (a body, a typed error, or a MalformedResponseError whose sentence is bounded and scrubbed).
 */
import * as z from 'zod/mini';
import { AuthError, MalformedResponseError, PaymentError, RateLimitError, ServerError, ValidationError } from '../../../src/platform/errors';
import { describeIssue, formatPath, malformedAnswer, parseAnswer, readResponse } from '../../../src/platform/response';

const raw = (status: number, text: string, headers: Record<string, string> = {}) => ({ provider: 'openmart' as const, status, headers, text, what: 'GET /x' });
const ok = (body: unknown, headers: Record<string, string> = {}) => ({ status: 200, headers, body });

describe('platform/response', () => {
  describe('#readResponse()', () => {
    it('should parse a 2xx JSON body and keep status and headers', () => {
      expect(readResponse(raw(200, '{"a":[1,2]}', { 'x-request-id': 'r-1' }))).toEqual({
        status: 200,
        headers: { 'x-request-id': 'r-1' },
        body: { a: [1, 2] },
      });
      expect(readResponse(raw(204, ''))).toEqual({ status: 204, headers: {}, body: undefined });
    });

    it('should make a 2xx that is not JSON a MalformedResponseError naming the route, keeping the raw text', () => {
      const e = readResponse(raw(200, '{"batch_id": "b-1", "sta', { 'x-request-id': 'r-2' }));
      expect(e).toBeInstanceOf(MalformedResponseError);
      expect(e).toMatchObject({
        provider: 'openmart',
        status: 200,
        message: 'GET /x: the body is not valid JSON',
        requestId: 'r-2',
        body: '{"batch_id": "b-1", "sta',
      });
    });

    it('should turn each error status into its typed error', () => {
      expect(readResponse(raw(401, '{"detail":"bad key"}'))).toBeInstanceOf(AuthError);
      expect(readResponse(raw(402, '{}'))).toBeInstanceOf(PaymentError);
      expect(readResponse(raw(422, '{"detail":[{"loc":["body","q"],"msg":"required"}]}'))).toMatchObject({
        details: [{ field: 'body.q', message: 'required' }],
      });
      expect(readResponse(raw(422, '{}'))).toBeInstanceOf(ValidationError);
      expect(readResponse(raw(429, '{}', { 'retry-after': '7' }))).toMatchObject({ retryAfterMs: 7000 });
      expect(readResponse(raw(429, '{}'))).toBeInstanceOf(RateLimitError);
      expect(readResponse(raw(502, '<html>Bad gateway</html>'))).toBeInstanceOf(ServerError);
    });

    it('should scrub the text before reading it, also a key spelled with JSON escapes', () => {
      const scrub = (t: string) => t.split('sk_secret_1').join('[redacted]');
      const plain = readResponse({ ...raw(200, '{"echo":"sk_secret_1"}'), scrub });
      expect(plain).toMatchObject({ body: { echo: '[redacted]' } });
      const escaped = readResponse({ ...raw(200, '{"echo":"\\u0073k_secret_1"}'), scrub });
      expect(escaped).toMatchObject({ body: { echo: '[redacted]' } });
    });

    it('should bound the nesting of a parsed answer', () => {
      const deep = `${'['.repeat(500)}1${']'.repeat(500)}`;
      const res = readResponse(raw(200, deep));
      let depth = 0;
      let cur: unknown = (res as { body: unknown }).body;
      while (Array.isArray(cur)) {
        depth++;
        cur = cur[0];
      }
      expect(depth).toBeLessThan(500);
    });
  });

  describe('#parseAnswer()', () => {
    const Schema = z.looseObject({ id: z.string(), n: z.optional(z.number()), kind: z.optional(z.enum(['a', 'b'])) });

    it('should return the parsed body, unknown keys kept', () => {
      expect(parseAnswer('gu1', Schema, ok({ id: 'x', extra: 1 }), 'GET /y')).toEqual({ id: 'x', extra: 1 });
    });

    it('should name the route, the first bad path, what was expected and what came', () => {
      expect(() => parseAnswer('gu1', Schema, ok({ n: 1 }, { 'x-request-id': 'r-9' }), 'GET /y')).toThrow(
        new MalformedResponseError({ provider: 'gu1', status: 200, message: 'GET /y: id: expected string, got nothing' }),
      );
      try {
        parseAnswer('openprospect', Schema, ok([1], { 'x-request-id': 'r-9' }), 'GET /y');
      } catch (e) {
        expect(e).toMatchObject({
          provider: 'openprospect',
          code: 'MALFORMED_RESPONSE',
          requestId: 'r-9',
          message: 'GET /y: (body): expected object, got an array',
        });
      }
      expect.assertions(2);
    });

    it('should bound and scrub what it quotes from the answer', () => {
      const long = `sk_live_${'a'.repeat(40)} ${'x'.repeat(500)}`;
      try {
        parseAnswer('openmart', Schema, ok({ id: 'x', kind: long }), 'GET /y');
      } catch (e) {
        const m = (e as Error).message;
        expect(m.startsWith('GET /y: kind: unexpected value "')).toBe(true);
        expect(m.length).toBeLessThan(120);
        expect(m).not.toContain('sk_live_aaaa');
      }
      expect.assertions(3);
    });
  });

  describe('#formatPath() and #describeIssue()', () => {
    it('should render the root as (body) and cut a long path', () => {
      expect(formatPath([])).toBe('(body)');
      expect(formatPath(['items', 3, 'id'])).toBe('items.3.id');
      expect(formatPath(Array.from({ length: 100 }, (_, i) => `key${i}`)).length).toBeLessThanOrEqual(120);
    });

    it('should say which shapes a union failed and what a bound was', () => {
      expect(describeIssue({ code: 'invalid_union', path: ['a'], message: '' }, {})).toBe('a: matches none of the accepted shapes');
      expect(describeIssue({ code: 'too_small', path: ['n'], message: '', minimum: 1 }, { n: 0 })).toBe('n: below the minimum 1 (got a number)');
    });
  });

  describe('#malformedAnswer()', () => {
    it('should carry the provider, status and request id', () => {
      expect(malformedAnswer('openmart', { status: 201, headers: { 'x-request-id': 'q' } }, 'POST /z: no id')).toMatchObject({
        provider: 'openmart',
        status: 201,
        requestId: 'q',
        message: 'POST /z: no id',
      });
    });
  });
});
