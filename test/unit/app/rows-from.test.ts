import { defaultSources } from '../../../src/app/rows-from';

describe('app/rows-from', () => {
  describe('#defaultSources()', () => {
    const SHEETS = [
      { name: 'Leads', ours: false },
      { name: 'Q1 - Companies', ours: true },
      { name: 'Q1 - Prospects', ours: true },
      { name: 'Partners', ours: false },
    ];

    it("should start every form at the active sheet when it is the user's", () => {
      expect(defaultSources(SHEETS, 'Partners', {})).toEqual({
        enrich: 'Partners',
        'openmart-batch': 'Partners',
        'openmart-enrich': 'Partners',
        gu1: 'Partners',
      });
    });

    it('should never start at a result tab, even when a sync made it active', () => {
      expect(defaultSources(SHEETS, 'Q1 - Prospects', {})).toEqual({ enrich: 'Leads', 'openmart-batch': 'Leads', 'openmart-enrich': 'Leads', gu1: 'Leads' });
    });

    it('should start each form at the sheet the user picked last for it, while it exists and is theirs', () => {
      const out = defaultSources(SHEETS, 'Q1 - Companies', { enrich: 'Partners', gu1: 'Gone', 'openmart-batch': 'Q1 - Companies' });
      expect(out).toEqual({ enrich: 'Partners', gu1: 'Leads', 'openmart-batch': 'Leads', 'openmart-enrich': 'Leads' });
    });

    it('should fall back to the active sheet when every tab is a result tab', () => {
      expect(defaultSources([{ name: 'R', ours: true }], 'R', { enrich: 'R' }).enrich).toBe('R');
    });
  });
});
