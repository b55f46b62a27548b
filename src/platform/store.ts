/**
 * zod-checked JSON in PropertiesService. Values over 9 KB are refused here with a clear error,
 * instead of failing late with Apps Script's "Argument too large".
 */
import type * as z from 'zod/mini';

/** The subset of GoogleAppsScript.Properties.Properties we use. */
export type PropertyStore = Pick<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty' | 'deleteProperty' | 'getKeys' | 'getProperties'>;

/** Apps Script's limit per property value (key + value), in bytes. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** UTF-8 byte length without TextEncoder (absent in Apps Script). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON store over one PropertiesService store. */
export class JsonStore {
  constructor(private readonly props: PropertyStore) {}

  /** Read and validate; undefined when absent; StoreError when stored data does not match. */
  get<S extends z.ZodMiniType>(key: string, schema: S): z.infer<S> | undefined {
    const raw = this.props.getProperty(key);
    if (raw === null || raw === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new StoreError(`Saved data "${key}" is damaged (not JSON). Remove it in Settings and try again.`);
    }
    const res = schema.safeParse(parsed);
    if (!res.success) throw new StoreError(`Saved data "${key}" has an unexpected shape (${res.error.issues[0]?.message ?? 'invalid'}).`);
    return res.data;
  }

  /** Validate and write; refuses a value over the 9 KB property limit. */
  set<S extends z.ZodMiniType>(key: string, schema: S, value: z.infer<S>): void {
    const res = schema.safeParse(value);
    if (!res.success) throw new StoreError(`Refusing to save "${key}": ${res.error.issues[0]?.message ?? 'invalid'}`);
    const text = JSON.stringify(res.data);
    const size = utf8Length(key) + utf8Length(text);
    if (size > PROPERTY_VALUE_LIMIT) {
      throw new StoreError(`Cannot save "${key}": it is ${(size / 1024).toFixed(1)} KB and Apps Script allows 9 KB per saved value.`);
    }
    this.props.setProperty(key, text);
  }

  delete(key: string): void {
    this.props.deleteProperty(key);
  }

  /**
   * Every value under a key prefix that still parses; a damaged record is skipped rather than
   * blocking the rest (one bad job must not stop every other one).
   */
  getAll<S extends z.ZodMiniType>(prefix: string, schema: S): Array<z.infer<S>> {
    const out: Array<z.infer<S>> = [];
    for (const key of this.keys(prefix)) {
      try {
        const v = this.get(key, schema);
        if (v !== undefined) out.push(v);
      } catch {
        // skipped: see above
      }
    }
    return out;
  }

  /** Keys starting with a prefix. */
  keys(prefix = ''): string[] {
    return this.props.getKeys().filter((k) => k.startsWith(prefix));
  }

  /** Raw text of a key (for size accounting). */
  raw(key: string): string | null {
    return this.props.getProperty(key);
  }
}
