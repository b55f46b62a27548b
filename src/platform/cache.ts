/** JSON values in CacheService within its limits (100 KB per value, 6 h TTL, 250-char keys). */
export type CacheLike = Pick<GoogleAppsScript.Cache.Cache, 'get' | 'put' | 'getAll' | 'putAll' | 'remove'>;

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_MAX_TTL_S = 21_600;

export class JsonCache {
  constructor(private readonly cache: CacheLike) {}

  get<T>(key: string): T | undefined {
    const raw = this.cache.get(key);
    if (raw === null || raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  getMany<T>(keys: string[]): Record<string, T> {
    const out: Record<string, T> = {};
    if (keys.length === 0) return out;
    const raw = this.cache.getAll(keys);
    for (const [k, v] of Object.entries(raw)) {
      try {
        out[k] = JSON.parse(v) as T;
      } catch {
        // a damaged entry is a miss
      }
    }
    return out;
  }

  /** Put; silently skips values too large to cache (a miss later is only slower). */
  put(key: string, value: unknown, ttlSeconds = CACHE_MAX_TTL_S): boolean {
    const text = JSON.stringify(value);
    if (text.length * 3 > CACHE_VALUE_LIMIT && text.length > CACHE_VALUE_LIMIT / 3) {
      // worst-case UTF-8 expansion; measure precisely only near the limit
      let bytes = 0;
      for (let i = 0; i < text.length; i++) bytes += text.charCodeAt(i) < 0x80 ? 1 : 3;
      if (bytes > CACHE_VALUE_LIMIT) return false;
    }
    this.cache.put(key, text, Math.min(CACHE_MAX_TTL_S, ttlSeconds));
    return true;
  }

  putMany(values: Record<string, unknown>, ttlSeconds = CACHE_MAX_TTL_S): void {
    const batch: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      const text = JSON.stringify(v);
      if (text.length * 3 <= CACHE_VALUE_LIMIT || text.length <= CACHE_VALUE_LIMIT / 3) batch[k] = text;
    }
    if (Object.keys(batch).length > 0) this.cache.putAll(batch, Math.min(CACHE_MAX_TTL_S, ttlSeconds));
  }

  remove(key: string): void {
    this.cache.remove(key);
  }
}
