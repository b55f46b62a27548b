import { missingScopeSentence } from '../../../src/app/op-scopes';

describe('app/op-scopes', () => {
  describe('#missingScopeSentence()', () => {
    it('should be null when nothing is missing', () => {
      expect(missingScopeSentence([], 'enrichment')).toBeNull();
    });

    it('should name each missing scope, what needs it, and the scopes a new key needs', () => {
      expect(missingScopeSentence(['blacklists:write'], 'blacklists')).toBe(
        'Your OpenProspect key lacks the scope blacklists:write, needed for changing blacklists. Create a key with blacklists:read, blacklists:write in the OpenProspect dashboard (Settings > Developer > API Keys) and save it in Settings.',
      );
      expect(missingScopeSentence(['orders:read', 'orders:write'], 'profiles')).toMatch(/^Your OpenProspect key lacks the scopes orders:read, orders:write, needed for creating a search profile\./);
    });
  });
});
