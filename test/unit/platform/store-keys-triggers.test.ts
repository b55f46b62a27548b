import * as z from 'zod/mini';
import { createEmulator } from '../../../emulator';
import { KeyStore, MissingKeyError, maskKey, normaliseKey } from '../../../src/platform/keys';
import { JsonStore, StoreError, utf8Length } from '../../../src/platform/store';
import { ensurePollTrigger, hasPollTrigger, removePollTrigger } from '../../../src/platform/triggers';
import { withLock } from '../../../src/platform/lock';
import { JsonCache } from '../../../src/platform/cache';
import { parseRetryAfter } from '../../../src/platform/errors';
import { retryDelayMs } from '../../../src/platform/retry';

describe('platform/store', () => {
  const Schema = z.object({ n: z.number(), s: z.string() });

  it('should round-trip zod-checked JSON and refuse a value over 9 KB before Apps Script does', () => {
    const em = createEmulator();
    const store = new JsonStore(em.gas.PropertiesService.getDocumentProperties());
    store.set('a', Schema, { n: 1, s: 'x' });
    expect(store.get('a', Schema)).toEqual({ n: 1, s: 'x' });
    expect(() => store.set('big', Schema, { n: 1, s: 'é'.repeat(5000) })).toThrow(StoreError);
    expect(() => store.set('big', Schema, { n: 1, s: 'é'.repeat(5000) })).toThrow(/9 KB/);
    expect(em.properties.document()['big']).toBeUndefined();
  });

  it('should report damaged or mismatched data clearly', () => {
    const em = createEmulator();
    const props = em.gas.PropertiesService.getDocumentProperties();
    props.setProperty('bad', '{not json');
    props.setProperty('odd', '{"n":"one"}');
    const store = new JsonStore(props);
    expect(() => store.get('bad', Schema)).toThrow(/damaged/);
    expect(() => store.get('odd', Schema)).toThrow(/unexpected shape/);
    expect(store.get('missing', Schema)).toBeUndefined();
  });

  it('should list every value under a prefix, skipping damaged ones', () => {
    const em = createEmulator();
    const props = em.gas.PropertiesService.getDocumentProperties();
    const store = new JsonStore(props);
    store.set('job:a', Schema, { n: 1, s: 'a' });
    props.setProperty('job:b', '{broken');
    store.set('other:c', Schema, { n: 3, s: 'c' });
    expect(store.getAll('job:', Schema)).toEqual([{ n: 1, s: 'a' }]);
  });

  it('should count UTF-8 bytes like Apps Script', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('platform/keys', () => {
  it('should mask keys so they are recognisable but useless', () => {
    expect(maskKey('lnc_live_abcdef123456')).toBe('lnc_…3456');
    expect(maskKey('abcdefghijklmnop')).toBe('abc…mnop');
    expect(maskKey('short')).toBe('…rt');
    // Keys under 12 characters never show more than 4 of them.
    for (const key of ['abcdefgh', 'abcdefghi', 'abcdefghij', 'ab_defghijk']) {
      const shown = maskKey(key).replace('…', '');
      expect(shown.length).toBeLessThanOrEqual(4);
      expect(key.endsWith(shown)).toBe(true);
    }
    expect(maskKey('abcdefghijk')).toBe('…hijk');
  });

  it('should clean pasted keys and refuse broken ones', () => {
    expect(normaliseKey('  "Bearer gk_sandbox_123456789"\n')).toEqual({ key: 'gk_sandbox_123456789' });
    expect(normaliseKey(' Bearer "gk_sandbox_123456789"\n')).toEqual({ key: 'gk_sandbox_123456789' });
    expect(normaliseKey('a b c d e f g h')).toHaveProperty('error');
    expect(normaliseKey('abc')).toHaveProperty('error');
  });

  it('should keep keys in user properties and say where to set a missing one', () => {
    const em = createEmulator();
    const keys = new KeyStore(em.gas.PropertiesService.getUserProperties());
    expect(() => keys.require('openmart')).toThrow(MissingKeyError);
    keys.set('openmart', 'om_key_123456789');
    expect(keys.require('openmart')).toBe('om_key_123456789');
    expect(em.properties.document()).toEqual({});
  });
});

describe('platform/triggers', () => {
  it('should keep exactly one poll trigger and fall back to hourly in an add-on', () => {
    const em = createEmulator({ mode: 'addon' });
    const state = ensurePollTrigger(em.gas.ScriptApp, em.gas.SpreadsheetApp.getActive(), 'tick', 15);
    expect(state).toMatchObject({ created: true, everyMinutes: 60, fellBackToHourly: true });
    expect(ensurePollTrigger(em.gas.ScriptApp, em.gas.SpreadsheetApp.getActive(), 'tick', 15).created).toBe(false);
    expect(em.triggers.list()).toHaveLength(1);
    expect(hasPollTrigger(em.gas.ScriptApp, em.gas.SpreadsheetApp.getActive(), 'tick')).toBe(true);
    expect(removePollTrigger(em.gas.ScriptApp, em.gas.SpreadsheetApp.getActive(), 'tick')).toBe(1);
    expect(em.triggers.list()).toHaveLength(0);
  });

  it('should poll every few minutes in a bound script', () => {
    const em = createEmulator({ mode: 'bound' });
    expect(ensurePollTrigger(em.gas.ScriptApp, em.gas.SpreadsheetApp.getActive(), 'tick', 10)).toMatchObject({ created: true, everyMinutes: 10 });
  });
});

describe('platform/lock', () => {
  it('should release the lock when the work throws', () => {
    const em = createEmulator();
    const lock = em.gas.LockService.getScriptLock();
    expect(() =>
      withLock(lock, 1000, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(lock.hasLock()).toBe(false);
    expect(withLock(lock, 1000, () => 42)).toEqual({ ran: true, value: 42 });
  });
});

describe('platform/cache', () => {
  it('should skip values over 100 KB instead of failing', () => {
    const em = createEmulator();
    const cache = new JsonCache(em.gas.CacheService.getScriptCache());
    expect(cache.put('k', { a: 1 })).toBe(true);
    expect(cache.get('k')).toEqual({ a: 1 });
    expect(cache.put('huge', 'x'.repeat(120 * 1024))).toBe(false);
    expect(cache.get('huge')).toBeUndefined();
  });
});

describe('platform/retry', () => {
  it('should prefer Retry-After, else back off exponentially with bounded jitter', () => {
    expect(retryDelayMs(3, 5000, () => 0.9)).toBe(5000);
    expect(retryDelayMs(1, undefined, () => 0.5)).toBe(1000);
    expect(retryDelayMs(2, undefined, () => 0.5)).toBe(2000);
    expect(retryDelayMs(10, undefined, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(1, undefined, () => 0)).toBe(750);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(1250);
  });

  it('should read Retry-After as seconds, an HTTP date, retry-after-ms, or the body', () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    expect(parseRetryAfter({ 'Retry-After': '7' }, now)).toBe(7000);
    expect(parseRetryAfter({ 'retry-after': 'Mon, 05 Jan 2026 09:01:00 GMT' }, now)).toBe(60_000);
    expect(parseRetryAfter({ 'retry-after-ms': '250' }, now)).toBe(250);
    expect(parseRetryAfter({}, now, 3600)).toBe(3_600_000);
    expect(parseRetryAfter({}, now)).toBeUndefined();
  });
});
