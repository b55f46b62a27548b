import { BatchBook, type Entry } from '../../../src/jobs/openmart-book';
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

const entry = (i: number): Entry => ({ s: 'pending', n: 100, h: `100-${i.toString(36)}abcdef` });

describe('jobs/openmart-book', () => {
  describe('BatchBook', () => {
    it('should keep 250 batches of a 25,000-row job in 7 properties under 9 KB each, even with batch ids and long reasons', () => {
      const p = props();
      const book = BatchBook.create(p, 'job-1', Array.from({ length: 250 }, (_, i) => entry(i)));
      book.save();
      for (const i of book.where('pending')) book.set(i, { s: 'ready', b: '183219bc-066e-4641-9d6f-48205b7fbada', d: 99, c: [90, 8, 2], r: 'Openmart rejected the input: domain is required. Fix the named field(s) and submit again.' });
      book.save();
      expect(Object.keys(p.data)).toEqual(['omb:job-1:0', 'omb:job-1:1', 'omb:job-1:2', 'omb:job-1:3', 'omb:job-1:4', 'omb:job-1:5', 'omb:job-1:6']);
      for (const v of Object.values(p.data)) expect(v.length).toBeLessThan(9 * 1024 - 20);
      const again = BatchBook.load(p, 'job-1', 250);
      expect(again.get(249)).toEqual({ s: 'ready', b: '183219bc-066e-4641-9d6f-48205b7fbada', n: 100, h: entry(249).h, d: 99, c: [90, 8, 2], r: expect.stringMatching(/^Openmart rejected the input: domain is required\. Fix the na…$/) });
    });

    it('should write only the changed part, drop keys set to undefined, and remove a whole ledger', () => {
      const p = props();
      const book = BatchBook.create(p, 'j', Array.from({ length: 120 }, (_, i) => entry(i)));
      // 40 entries per property: batch 60 lives in the second part.
      book.save();
      const before = { ...p.data };
      book.set(60, { s: 'submitted', b: 'b-60' });
      book.set(60, { b: undefined, s: 'pending' });
      book.save();
      expect(p.data['omb:j:0']).toBe(before['omb:j:0']);
      expect(JSON.parse(p.data['omb:j:1']!)[20]).toEqual(entry(60));
      expect(book.where('pending')).toHaveLength(120);
      BatchBook.remove(p, 'j');
      expect(p.data).toEqual({});
      expect(() => BatchBook.load(p, 'j', 120)).toThrow(/missing/);
    });
  });
});
