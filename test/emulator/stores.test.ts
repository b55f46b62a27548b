import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

const setup = () => createEmulator({ latency: ZERO_LATENCY });

describe('emulator/gas/properties', () => {
  describe('Properties', () => {
    it('should store strings, chain, and list keys', () => {
      const emu = setup();
      const p = emu.gas.PropertiesService.getScriptProperties();
      expect(p.setProperty('a', 1 as unknown as string).setProperty('b', 'x')).toBeDefined();
      expect(p.getProperty('a')).toBe('1');
      expect(p.getProperty('missing')).toBeNull();
      expect(p.getKeys().sort()).toEqual(['a', 'b']);
      p.setProperties({ c: '3' }, true);
      expect(p.getProperties()).toEqual({ c: '3' });
      p.deleteProperty('c');
      expect(emu.properties.script()).toEqual({});
    });

    it('should keep user properties per user and document properties shared', () => {
      const emu = setup();
      emu.gas.PropertiesService.getUserProperties().setProperty('k', 'mine');
      emu.gas.PropertiesService.getDocumentProperties().setProperty('d', 'shared');
      emu.setUser('colleague@example.com');
      expect(emu.gas.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
      expect(emu.gas.PropertiesService.getDocumentProperties().getProperty('d')).toBe('shared');
      expect(emu.properties.user('user@example.com')).toEqual({ k: 'mine' });
    });

    it('should refuse a value over 9 KB and a store over 500 KB', () => {
      const emu = setup();
      const p = emu.gas.PropertiesService.getDocumentProperties();
      expect(() => p.setProperty('k', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
      const big = 'y'.repeat(9000);
      for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, big);
      expect(() => p.setProperty('k57', big)).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
      expect(p.getProperty('k57')).toBeNull();
    });
  });
});

describe('emulator/gas/cache', () => {
  describe('Cache', () => {
    it('should expire entries on the virtual clock (default 600 s, max 6 h)', () => {
      const emu = setup();
      const c = emu.gas.CacheService.getScriptCache();
      c.put('a', 'x');
      c.put('b', 'y', 100_000);
      emu.clock.advance(599_000);
      expect(c.get('a')).toBe('x');
      emu.clock.advance(1_000);
      expect(c.get('a')).toBeNull();
      emu.clock.advance(21_600_000 - 600_000);
      expect(c.get('b')).toBeNull();
    });

    it('should enforce key and value sizes', () => {
      const c = setup().gas.CacheService.getDocumentCache() as GoogleAppsScript.Cache.Cache;
      expect(() => c.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
      expect(() => c.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
      c.put('k'.repeat(250), 'v');
    });

    it('should keep the 900 entries furthest from expiry past 1,000 items', () => {
      const c = setup().gas.CacheService.getScriptCache();
      for (let i = 0; i < 1000; i++) c.put(`k${i}`, 'v', 1000 + i);
      expect(c.get('k0')).toBe('v');
      c.put('new', 'v', 5000);
      expect(c.get('k0')).toBeNull();
      expect(c.get('k100')).toBeNull();
      expect(c.get('k101')).toBe('v');
      expect(c.get('new')).toBe('v');
    });

    it('should support getAll / putAll / removeAll and per-user caches', () => {
      const emu = setup();
      const c = emu.gas.CacheService.getUserCache();
      c.putAll({ a: '1', b: '2' });
      expect(c.getAll(['a', 'b', 'z'])).toEqual({ a: '1', b: '2' });
      c.removeAll(['a']);
      expect(c.get('a')).toBeNull();
      emu.setUser('other@example.com');
      expect(emu.gas.CacheService.getUserCache().get('b')).toBeNull();
    });

    it('should lose everything on evictAll()', () => {
      const emu = setup();
      emu.gas.CacheService.getScriptCache().put('a', '1');
      emu.cache.evictAll();
      expect(emu.gas.CacheService.getScriptCache().get('a')).toBeNull();
    });
  });
});

describe('emulator/gas/lock', () => {
  describe('Lock', () => {
    it('should acquire, report and release', () => {
      const emu = setup();
      const lock = emu.gas.LockService.getScriptLock();
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(1000)).toBe(true);
      expect(lock.hasLock()).toBe(true);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
    });

    it('should wait virtually for another holder and succeed if it lets go in time', () => {
      const emu = setup();
      const t0 = emu.clock.now();
      emu.locks.holdLock('script', t0 + 5_000);
      emu.execution.begin('trigger');
      expect(emu.gas.LockService.getScriptLock().tryLock(10_000)).toBe(true);
      expect(emu.clock.now()).toBe(t0 + 5_000);
      emu.execution.end();
    });

    it('should time out when the other holder keeps it', () => {
      const emu = setup();
      const t0 = emu.clock.now();
      emu.locks.holdLock('script', t0 + 60_000);
      expect(emu.gas.LockService.getScriptLock().tryLock(10_000)).toBe(false);
      expect(emu.clock.now()).toBe(t0 + 10_000);
      expect(() => emu.gas.LockService.getScriptLock().waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
      expect(emu.gas.LockService.getDocumentLock().tryLock(0)).toBe(true);
    });

    it('should release locks when the execution ends', () => {
      const emu = setup();
      emu.execution.run('menu', () => emu.gas.LockService.getScriptLock().waitLock(1000));
      expect(emu.locks.isHeld('script')).toBe(false);
      emu.execution.begin('trigger');
      expect(emu.gas.LockService.getScriptLock().tryLock(0)).toBe(true);
      emu.execution.end();
    });
  });
});
