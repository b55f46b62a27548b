/** CacheService: user/document/script caches on the virtual clock, with the size, TTL and count limits. */
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

/** docs/PLATFORM.md cache limits. */
export const CACHE_LIMITS = Object.freeze({
  maxKeyChars: 250,
  maxValueBytes: 100 * 1024,
  defaultTtlSeconds: 600,
  maxTtlSeconds: 21_600,
  maxItems: 1000,
  keepItems: 900,
});

interface Entry {
  value: string;
  expiresAt: number;
}

/** Test hooks over every cache store. */
export interface CacheHooks {
  /** Drop every entry of every cache (simulates early eviction). */
  evictAll(): void;
  /** Drop one key from every cache. */
  evict(key: string): void;
  /** Live entries of a store, for assertions. */
  entries(scope: 'user' | 'document' | 'script', email?: string): Record<string, string>;
}

/** Build CacheService and its hooks. */
export function makeCacheService(rt: Runtime): { service: GasObject; hooks: CacheHooks } {
  const userStores = new Map<string, Map<string, Entry>>();
  const documentStore = new Map<string, Entry>();
  const scriptStore = new Map<string, Entry>();
  const userStore = (email: string): Map<string, Entry> => {
    let s = userStores.get(email);
    if (!s) {
      s = new Map();
      userStores.set(email, s);
    }
    return s;
  };
  const allStores = (): Array<Map<string, Entry>> => [documentStore, scriptStore, ...userStores.values()];

  const makeCache = (store: Map<string, Entry>): GasObject => {
    const call = <T>(method: string, body: () => T): T => rt.invoke({ service: 'Cache', method, access: 'doc', family: 'cache' }, body);
    const live = (key: string): Entry | undefined => {
      const e = store.get(key);
      if (e && e.expiresAt <= rt.clock.now()) {
        store.delete(key);
        return undefined;
      }
      return e;
    };
    const checkKey = (key: unknown): string => {
      if (typeof key !== 'string')
        throw rt.error(`The parameters (${key === null || key === undefined ? 'null' : typeof key}) don't match the method signature for CacheService.Cache.`);
      if (key.length > CACHE_LIMITS.maxKeyChars) throw rt.error('Argument too large: key');
      return key;
    };
    const ttlMs = (ttl: unknown): number => {
      if (ttl === undefined || ttl === null) return CACHE_LIMITS.defaultTtlSeconds * 1000;
      const n = Number(ttl);
      if (!Number.isFinite(n) || n < 1) throw rt.error('Invalid argument: expirationInSeconds');
      return Math.min(Math.trunc(n), CACHE_LIMITS.maxTtlSeconds) * 1000;
    };
    const prepare = (key: unknown, value: unknown): [string, string] => {
      const k = checkKey(key);
      const v = String(value);
      if (Buffer.byteLength(v, 'utf8') > CACHE_LIMITS.maxValueBytes) throw rt.error('Argument too large: value');
      return [k, v];
    };
    const store1 = (k: string, v: string, ms: number) => {
      store.delete(k);
      store.set(k, { value: v, expiresAt: rt.clock.now() + ms });
    };
    /** Past 1,000 items, keep the 900 furthest from expiry (docs/PLATFORM.md). */
    const trim = () => {
      const now = rt.clock.now();
      for (const [k, e] of store) if (e.expiresAt <= now) store.delete(k);
      if (store.size <= CACHE_LIMITS.maxItems) return;
      const keep = [...store.entries()].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, CACHE_LIMITS.keepItems);
      store.clear();
      for (const [k, e] of keep) store.set(k, e);
    };
    return rt.strict('Cache', {
      toString: () => 'Cache',
      get: (key: unknown) => call('get', () => live(checkKey(key))?.value ?? null),
      getAll: (keys: unknown) =>
        call('getAll', () => {
          if (!Array.isArray(keys)) throw rt.error("The parameters (Object) don't match the method signature for CacheService.Cache.getAll.");
          const out: Record<string, string> = {};
          for (const k of keys) {
            const e = live(checkKey(k));
            if (e) out[k as string] = e.value;
          }
          return out;
        }),
      put: (key: unknown, value: unknown, expirationInSeconds?: unknown) =>
        call('put', () => {
          const [k, v] = prepare(key, value);
          store1(k, v, ttlMs(expirationInSeconds));
          trim();
        }),
      putAll: (values: unknown, expirationInSeconds?: unknown) =>
        call('putAll', () => {
          if (typeof values !== 'object' || values === null)
            throw rt.error("The parameters (null) don't match the method signature for CacheService.Cache.putAll.");
          const ms = ttlMs(expirationInSeconds);
          const prepared = Object.entries(values).map(([k, v]) => prepare(k, v));
          for (const [k, v] of prepared) store1(k, v, ms);
          trim();
        }),
      remove: (key: unknown) =>
        call('remove', () => {
          store.delete(checkKey(key));
        }),
      removeAll: (keys: unknown) =>
        call('removeAll', () => {
          if (!Array.isArray(keys)) throw rt.error("The parameters (Object) don't match the method signature for CacheService.Cache.removeAll.");
          for (const k of keys) store.delete(checkKey(k));
        }),
    });
  };

  const getter = (method: string, store: () => Map<string, Entry>) => () =>
    rt.invoke({ service: 'CacheService', method, access: 'doc', family: 'cache' }, () => makeCache(store()));

  const service = rt.strict('CacheService', {
    toString: () => 'CacheService',
    getUserCache: getter('getUserCache', () => userStore(rt.storageUser())),
    getDocumentCache: () =>
      rt.documentVisible()
        ? getter('getDocumentCache', () => documentStore)()
        : rt.invoke({ service: 'CacheService', method: 'getDocumentCache', access: 'doc', family: 'cache' }, () => null),
    getScriptCache: getter('getScriptCache', () => scriptStore),
  });

  const hooks: CacheHooks = {
    evictAll: () => {
      for (const s of allStores()) s.clear();
    },
    evict: (key) => {
      for (const s of allStores()) s.delete(key);
    },
    entries: (scope, email) => {
      const s = scope === 'user' ? userStore(email ?? rt.activeUser()) : scope === 'document' ? documentStore : scriptStore;
      const out: Record<string, string> = {};
      const now = rt.clock.now();
      for (const [k, e] of s) if (e.expiresAt > now) out[k] = e.value;
      return out;
    },
  };
  return { service, hooks };
}
