import { ConflictError, NotFoundError, ServerError, ValidationError } from '../../../../src/platform/errors';
import { explainSubmitError, isUnknownOrder, missingScopeSentence, noSuchBlacklist, unknownOrderSentence } from '../../../../src/providers/openprospect/errors';

const init = { provider: 'openprospect' as const, message: 'm' };

describe('providers/openprospect/errors', () => {
  describe('#missingScopeSentence()', () => {
    it('should be null when nothing is missing', () => {
      expect(missingScopeSentence([], 'enrichment')).toBeNull();
    });

    it('should name each missing scope, what needs it, and the scopes a new key needs', () => {
      expect(missingScopeSentence(['blacklists:write'], 'blacklists')).toBe(
        'Your OpenProspect key lacks the scope blacklists:write, needed for changing blacklists. Create a key with blacklists:read, blacklists:write in the OpenProspect dashboard (Settings > Developer > API Keys) and save it in Settings.',
      );
      expect(missingScopeSentence(['orders:read', 'orders:write'], 'profiles')).toMatch(
        /^Your OpenProspect key lacks the scopes orders:read, orders:write, needed for creating a search profile\./,
      );
    });
  });

  describe('#explainSubmitError()', () => {
    it('should name the sheet row of a 422 on body.companies.N.field and keep other fields', () => {
      const e = new ValidationError({
        ...init,
        status: 422,
        details: [
          { field: 'body.companies.1.website_url', message: 'bad url' },
          { field: 'body.title', message: 'too long' },
        ],
      });
      const x = explainSubmitError(e, [5, 9]) as ValidationError;
      expect(x).toBeInstanceOf(ValidationError);
      expect(x.details).toEqual([
        { field: 'Row 9 (website_url)', message: 'bad url' },
        { field: 'body.title', message: 'too long' },
      ]);
    });

    it('should say that a 409 means the rows changed, and pass other errors through', () => {
      const x = explainSubmitError(new ConflictError({ ...init, status: 409, message: 'Idempotency key reused' }), undefined) as ConflictError;
      expect(x.message).toBe(
        'Idempotency key reused. The rows changed since this job was first submitted, so it cannot be resent safely; cancel this job and submit the rows again',
      );
      const other = new ServerError({ ...init, status: 502 });
      expect(explainSubmitError(other, undefined)).toBe(other);
    });
  });

  describe('#isUnknownOrder() and #noSuchBlacklist()', () => {
    it('should read ORDER_NOT_FOUND and a 422 on order_id as an unknown order, nothing else', () => {
      expect(isUnknownOrder(new NotFoundError({ ...init, status: 404, code: 'ORDER_NOT_FOUND' }))).toBe(true);
      expect(isUnknownOrder(new ValidationError({ ...init, status: 422, details: [{ field: 'path.order_id', message: 'not a uuid' }] }))).toBe(true);
      expect(isUnknownOrder(new NotFoundError({ ...init, status: 404, code: 'OTHER' }))).toBe(false);
      expect(unknownOrderSentence('abc')).toMatch(/^OpenProspect could not find the order "abc" with this key\./);
    });

    it('should explain a 404 on a blacklist only', () => {
      expect(noSuchBlacklist(new NotFoundError({ ...init, status: 404 }), 'bl-1')).toMatch(/^OpenProspect has no blacklist "bl-1" for this key/);
      expect(noSuchBlacklist(new ServerError({ ...init, status: 500 }), 'bl-1')).toBeUndefined();
    });
  });
});
