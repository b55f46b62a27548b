import { BatchBook, type Batch } from '../../../src/jobs/openmart-book';
import stored from './fixtures/stored-jobs.json';
import type { PropertyStore } from '../../../src/platform/store';

function props(): PropertyStore & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return {
    data,
    getProperty: (k: string) => data[k] ?? null,
    setProperty(k: string, v: string) {
      data[k] = v;
      return this as unknown as GoogleAppsScript.Properties.Properties;
    },
    deleteProperty(k: string) {
      delete data[k];
      return this as unknown as GoogleAppsScript.Properties.Properties;
    },
    getKeys: () => Object.keys(data),
    getProperties: () => ({ ...data }),
  } as PropertyStore & { data: Record<string, string> };
}

const entry = (i: number): Batch => ({ state: 'pending', rows: 100, hash: `100-${i.toString(36)}abcdef` });

describe('jobs/openmart-book', () => {
  describe('BatchBook', () => {
    it('should keep 250 batches of a 25,000-row job in 7 properties under 9 KB each, even with batch ids and long reasons', () => {
      const p = props();
      const book = BatchBook.create(
        p,
        'job-1',
        Array.from({ length: 250 }, (_, i) => entry(i)),
      );
      book.save();
      const reason = 'Openmart rejected the input: domain is required. Fix the named field(s) and submit again.';
      for (const i of book.where('pending'))
        book.set(i, { state: 'ready', batchId: '183219bc-066e-4641-9d6f-48205b7fbada', written: 99, counts: [90, 8, 2], reason });
      book.save();
      expect(Object.keys(p.data)).toEqual(['omb:job-1:0', 'omb:job-1:1', 'omb:job-1:2', 'omb:job-1:3', 'omb:job-1:4', 'omb:job-1:5', 'omb:job-1:6']);
      for (const v of Object.values(p.data)) expect(v.length).toBeLessThan(9 * 1024 - 20);
      const again = BatchBook.load(p, 'job-1', 250);
      const cut = expect.stringMatching(/^Openmart rejected the input: domain is required\. Fix the na…$/);
      expect(again.get(249)).toEqual({
        state: 'ready',
        batchId: '183219bc-066e-4641-9d6f-48205b7fbada',
        rows: 100,
        hash: entry(249).hash,
        written: 99,
        counts: [90, 8, 2],
        reason: cut,
      });
    });

    it('should write only the changed part, drop keys set to undefined, and remove a whole ledger', () => {
      const p = props();
      const book = BatchBook.create(
        p,
        'j',
        Array.from({ length: 120 }, (_, i) => entry(i)),
      );
      // 40 entries per property: batch 60 lives in the second part.
      book.save();
      const before = { ...p.data };
      book.set(60, { state: 'submitted', batchId: 'b-60' });
      book.set(60, { batchId: undefined, state: 'pending' });
      book.save();
      expect(p.data['omb:j:0']).toBe(before['omb:j:0']);
      expect(JSON.parse(p.data['omb:j:1']!)[20]).toEqual({ s: 'pending', n: 100, h: entry(60).hash });
      expect(book.where('pending')).toHaveLength(120);
      BatchBook.remove(p, 'j');
      expect(p.data).toEqual({});
      expect(() => BatchBook.load(p, 'j', 120)).toThrow(/missing/);
    });

    it("should keep the stored format: one-letter keys, as ledgers already in users' documents have them", () => {
      const p = props();
      const book = BatchBook.create(p, 'j', [entry(0)]);
      book.set(0, { state: 'ready', batchId: 'b-0', written: 3, counts: [3, 1, 0], reason: 'slow' });
      book.save();
      expect(JSON.parse(p.data['omb:j:0']!)).toEqual([{ s: 'ready', b: 'b-0', n: 100, h: entry(0).hash, d: 3, c: [3, 1, 0], r: 'slow' }]);
    });

    it('should load a ledger written by the code before readable names (captured from the built bundle)', () => {
      const p = props();
      for (const [k, v] of Object.entries(stored.ledger)) p.setProperty(k.replace(/^omb:[^:]+:/, 'omb:old:'), JSON.stringify(v));
      const book = BatchBook.load(p, 'old', 1);
      const [was] = Object.values(stored.ledger)[0]!;
      expect(book.get(0)).toEqual({ state: was!.s, batchId: was!.b, rows: was!.n, hash: was!.h });
      book.set(0, { state: 'done', written: 3, counts: [3, 0, 0] });
      book.save();
      expect(JSON.parse(p.getProperty('omb:old:0')!)).toEqual([{ ...was, s: 'done', d: 3, c: [3, 0, 0] }]);
    });
  });
});
