import * as crypto from 'node:crypto';
import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

const setup = (seed = 1) => createEmulator({ latency: ZERO_LATENCY, seed });

describe('emulator/gas/utilities', () => {
  describe('#getUuid()', () => {
    it('should be v4-shaped and deterministic per seed', () => {
      const a = setup(7).gas.Utilities;
      const b = setup(7).gas.Utilities;
      const u = a.getUuid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(b.getUuid()).toBe(u);
      expect(a.getUuid()).not.toBe(u);
    });
  });

  describe('#computeDigest()', () => {
    it('should return signed bytes like Apps Script', () => {
      const { Utilities } = setup().gas;
      const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
      const expected = [...crypto.createHash('sha256').update('abc').digest()].map((b) => (b > 127 ? b - 256 : b));
      expect(bytes).toEqual(expected);
      expect(Math.min(...bytes)).toBeLessThan(0);
      const hmac = Utilities.computeHmacSha256Signature('msg', 'key');
      expect(hmac).toHaveLength(32);
    });
  });

  describe('#base64Encode()', () => {
    it('should encode strings and bytes, web-safe too, and decode to signed bytes', () => {
      const { Utilities } = setup().gas;
      expect(Utilities.base64Encode('key:secret')).toBe(Buffer.from('key:secret').toString('base64'));
      expect(Utilities.base64EncodeWebSafe([-1, -2, -3])).toBe('__79');
      expect(Utilities.base64Decode('//79')).toEqual([-1, -2, -3]);
      expect(Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode('Grüße'))).getDataAsString()).toBe('Grüße');
    });
  });

  describe('#formatDate()', () => {
    it('should format in the given time zone with SimpleDateFormat letters', () => {
      const { Utilities } = setup().gas;
      const d = new Date(Date.UTC(2026, 6, 1, 22, 5, 9));
      expect(Utilities.formatDate(d, 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2026-07-02T00:05:09');
      expect(Utilities.formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2026-07-01 22:05');
      expect(Utilities.formatDate(d, 'Europe/Berlin', 'XXX')).toBe('+02:00');
    });
  });

  describe('#sleep()', () => {
    it('should advance the virtual clock and refuse over 5 minutes', () => {
      const emu = setup();
      const t0 = emu.clock.now();
      emu.gas.Utilities.sleep(1500);
      expect(emu.clock.now()).toBe(t0 + 1500);
      expect(() => emu.gas.Utilities.sleep(300_001)).toThrow('Invalid argument: milliseconds');
    });
  });
});

describe('emulator/gas/session', () => {
  describe('Session', () => {
    it('should report the active user, owner and time zone', () => {
      const emu = createEmulator({ userEmail: 'a@x.io', ownerEmail: 'o@x.io', timeZone: 'America/New_York' });
      expect(emu.gas.Session.getActiveUser().getEmail()).toBe('a@x.io');
      expect(emu.gas.Session.getScriptTimeZone()).toBe('America/New_York');
      emu.setUser('b@x.io');
      expect(emu.gas.Session.getEffectiveUser().getEmail()).toBe('b@x.io');
      expect(emu.execution.run('custom-function', () => emu.gas.Session.getEffectiveUser().getEmail())).toBe('o@x.io');
      expect(emu.gas.Session.getTemporaryActiveUserKey()).toMatch(/^[A-Za-z0-9+/]+$/);
    });
  });
});

describe('emulator/gas/logger', () => {
  describe('Logger and console', () => {
    it('should capture lines in order', () => {
      const emu = setup();
      const con = emu.globals['console'] as Console;
      emu.gas.Logger.log('a %s b', 1);
      con.warn('careful', { x: 1 });
      emu.gas.Logger.log({ y: 2 });
      expect(emu.logs).toEqual(['a 1 b', 'careful { x: 1 }', '{"y":2}']);
      expect(emu.logEntries[1]).toMatchObject({ level: 'warn', source: 'console' });
    });
  });
});
