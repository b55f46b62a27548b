import { isTransientSheetsError, retryTransientSheets, SHEETS_TRIES } from '../../../src/platform/sheets-retry';
import { syncedLock } from '../../../src/platform/lock';
import { sheetsFaultText, SHEETS_FAULT_KINDS } from '../../../emulator/gas/sheets-faults';

describe('platform/sheets-retry', () => {
  describe('#isTransientSheetsError()', () => {
    it.each(SHEETS_FAULT_KINDS.map((k) => [k, sheetsFaultText(k, 'abc123')]))('should recognise %s', (_k, text) => {
      expect(isTransientSheetsError(new Error(text))).toBe(true);
    });

    it.each([
      ['a programming error', new TypeError('Service Spreadsheets failed while accessing document with id x.')],
      ['a limit', new Error('Exceeded maximum execution time')],
      ['a quota', new Error('Service invoked too many times for one day: urlfetch.')],
      ['not an error', 'Service Spreadsheets failed'],
    ])('should not take %s for one', (_what, e) => {
      expect(isTransientSheetsError(e)).toBe(false);
    });
  });

  describe('#retryTransientSheets()', () => {
    const transient = () => new Error(sheetsFaultText('server-error', 'x'));

    it('should retry after 1 s then 2 s and return the first success', () => {
      const slept: number[] = [];
      let n = 0;
      const v = retryTransientSheets(
        (attempt) =>
          ++n < 3
            ? (() => {
                throw transient();
              })()
            : attempt,
        (ms) => slept.push(ms),
        () => true,
      );
      expect(v).toBe(3);
      expect(slept).toEqual([1_000, 2_000]);
    });

    it(`should give up after ${SHEETS_TRIES} tries, or when the pause would pass the budget, throwing the failure`, () => {
      let tries = 0;
      expect(() =>
        retryTransientSheets(
          () => {
            tries++;
            throw transient();
          },
          () => undefined,
          () => true,
        ),
      ).toThrow(/server error occurred/);
      expect(tries).toBe(SHEETS_TRIES);
      tries = 0;
      expect(() =>
        retryTransientSheets(
          () => {
            tries++;
            throw transient();
          },
          () => undefined,
          () => false,
        ),
      ).toThrow(/server error occurred/);
      expect(tries).toBe(1);
    });

    it('should never retry another error', () => {
      let tries = 0;
      expect(() =>
        retryTransientSheets(
          () => {
            tries++;
            throw new Error('Invalid key');
          },
          () => undefined,
          () => true,
        ),
      ).toThrow('Invalid key');
      expect(tries).toBe(1);
    });
  });
});

describe('platform/lock', () => {
  describe('#syncedLock()', () => {
    it('should reload after taking the lock, flush before releasing, and release even when the flush throws', () => {
      const calls: string[] = [];
      const lock = {
        tryLock: () => {
          calls.push('lock');
          return true;
        },
        releaseLock: () => void calls.push('release'),
      };
      const ok = syncedLock(lock, { flush: () => void calls.push('flush'), reload: () => void calls.push('reload') });
      ok.tryLock(1);
      ok.releaseLock();
      expect(calls).toEqual(['lock', 'reload', 'flush', 'release']);
      calls.length = 0;
      const bad = syncedLock(lock, {
        flush: () => {
          throw new Error('flush failed');
        },
        reload: () => undefined,
      });
      expect(() => bad.releaseLock()).toThrow('flush failed');
      expect(calls).toEqual(['release']);
    });
  });
});
