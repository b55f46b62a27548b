import { capWave, type Gu1RunData } from '../../../src/jobs/gu1-run-data';

function data(patch: Partial<Gu1RunData> = {}): Gu1RunData {
  return {
    source: { sheetName: 'S' },
    mapping: { external_id: 0 },
    parameterColumns: {},
    integrationCodes: ['a', 'b'],
    enrichmentGroupRefs: [],
    forceRefresh: false,
    costCapCents: 1000,
    waveSize: 10,
    cursor: 0,
    doneAhead: [],
    inflight: [],
    spentCents: 0,
    maybeBilledCents: 0,
    costs: { a: 45, b: 80 },
    groups: {},
    ...patch,
  };
}

describe('jobs/gu1-run', () => {
  describe('#capWave()', () => {
    it('should let every row go without a cap', () => {
      expect(capWave(data({ costCapCents: null, costs: {} }), 10)).toEqual({ fit: 10 });
    });

    it('should fit rows x last known price inside the cap', () => {
      expect(capWave(data(), 10)).toEqual({ fit: 8 });
      expect(capWave(data({ spentCents: 750 }), 10)).toEqual({ fit: 2 });
      expect(capWave(data({ spentCents: 500, maybeBilledCents: 250 }), 10)).toEqual({ fit: 2 });
    });

    it('should stop before the row that would pass the cap', () => {
      expect(capWave(data({ spentCents: 900 }), 10)).toEqual({ stop: true, rowCents: 125 });
      expect(capWave(data({ spentCents: 1000 }), 10)).toEqual({ stop: true, rowCents: 125 });
    });

    it('should send one row at a time while a price is unknown', () => {
      expect(capWave(data({ costs: { a: 45 } }), 10)).toEqual({ fit: 1 });
      expect(capWave(data({ costs: {} }), 10)).toEqual({ fit: 1 });
      expect(capWave(data({ integrationCodes: [], enrichmentGroupRefs: ['g'], costs: {} }), 10)).toEqual({ fit: 1 });
    });

    it('should stop when even the known part of an unknown price does not fit', () => {
      expect(capWave(data({ costs: { a: 45 }, spentCents: 960 }), 10)).toEqual({ stop: true, rowCents: null });
      expect(capWave(data({ costs: {}, spentCents: 1000 }), 10)).toEqual({ stop: true, rowCents: null });
    });

    it('should use a known group expansion', () => {
      expect(capWave(data({ integrationCodes: [], enrichmentGroupRefs: ['g'], groups: { g: ['a', 'b'] } }), 10)).toEqual({ fit: 8 });
    });
  });
});
