/** PropertiesService: user (per user), document and script stores with the 9 KB / 500 KB limits. */
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

/** docs/PLATFORM.md: 9 KB per value (key + value counted, pessimistically), 500 KB per store. */
export const MAX_PROPERTY_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

/** The raw stores, for assertions and seeding (live objects). */
export interface PropertyStores {
  user(email: string): Record<string, string>;
  document(): Record<string, string>;
  script(): Record<string, string>;
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function storeBytes(store: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += bytes(k) + bytes(v);
  return n;
}

/**
 * Build PropertiesService and the raw stores behind it. In a custom function user properties are
 * the spreadsheet owner's and read-only ("Spreadsheet editors can't set user properties in a
 * custom function"); document and script properties may be written unless
 * `customFunctionWrites` is 'none' (the stricter reading, for tests that the add-on fails closed).
 */
export function makePropertiesService(rt: Runtime, customFunctionWrites: 'shared' | 'none' = 'shared'): { service: GasObject; stores: PropertyStores } {
  const users = new Map<string, Record<string, string>>();
  const documentStore: Record<string, string> = {};
  const scriptStore: Record<string, string> = {};
  const userStore = (email: string): Record<string, string> => {
    let s = users.get(email);
    if (!s) {
      s = {};
      users.set(email, s);
    }
    return s;
  };

  const makeProperties = (store: Record<string, string>, shared: boolean): GasObject => {
    // 'full' lets a custom function write; 'full-write' refuses it there (elsewhere both need FULL).
    const writeAccess = shared && customFunctionWrites === 'shared' ? 'full' : 'full-write';
    const call = <T>(method: string, write: boolean, body: () => T): T =>
      rt.invoke(
        { service: 'Properties', method, access: write ? writeAccess : 'full', family: 'properties', qualified: `PropertiesService.Properties.${method}` },
        body,
      );
    /** Apply `changes` (null = delete) atomically, enforcing the limits. */
    const apply = (changes: Array<[string, string | null]>, deleteOthers: boolean): void => {
      const next: Record<string, string> = deleteOthers ? {} : { ...store };
      for (const [k, v] of changes) {
        if (v === null) delete next[k];
        else {
          if (bytes(k) + bytes(v) > MAX_PROPERTY_BYTES) throw rt.error(VALUE_TOO_LARGE);
          next[k] = v;
        }
      }
      if (storeBytes(next) > MAX_STORE_BYTES) throw rt.error(STORE_QUOTA);
      for (const k of Object.keys(store)) if (!(k in next)) delete store[k];
      Object.assign(store, next);
    };
    const keyOf = (method: string, key: unknown): string => {
      if (key === undefined || key === null)
        throw rt.error(`The parameters (null) don't match the method signature for PropertiesService.Properties.${method}.`);
      return String(key);
    };
    const api = {
      toString: () => 'Properties',
      getProperty: (key: unknown) =>
        call('getProperty', false, () => {
          const k = keyOf('getProperty', key);
          return Object.getOwnPropertyDescriptor(store, k)?.value ?? null;
        }),
      getProperties: () => call('getProperties', false, () => ({ ...store })),
      getKeys: () => call('getKeys', false, () => rt.realm.array(Object.keys(store))),
      setProperty: (key: unknown, value: unknown) =>
        call('setProperty', true, () => {
          apply([[keyOf('setProperty', key), String(value)]], false);
          return self;
        }),
      setProperties: (properties: unknown, deleteAllOthers?: unknown) =>
        call('setProperties', true, () => {
          if (typeof properties !== 'object' || properties === null)
            throw rt.error("The parameters (null) don't match the method signature for PropertiesService.Properties.setProperties.");
          apply(
            Object.entries(properties).map(([k, v]) => [k, String(v)]),
            deleteAllOthers === true,
          );
          return self;
        }),
      deleteProperty: (key: unknown) =>
        call('deleteProperty', true, () => {
          apply([[keyOf('deleteProperty', key), null]], false);
          return self;
        }),
      deleteAllProperties: () =>
        call('deleteAllProperties', true, () => {
          apply([], true);
          return self;
        }),
    };
    const self: GasObject = rt.strict('Properties', api);
    return self;
  };

  const getter = (method: string, store: () => Record<string, string>, shared: boolean) => () =>
    rt.invoke({ service: 'PropertiesService', method, access: 'full', family: 'properties' }, () => makeProperties(store(), shared));

  const service = rt.strict('PropertiesService', {
    toString: () => 'PropertiesService',
    getUserProperties: getter('getUserProperties', () => userStore(rt.storageUser()), false),
    getDocumentProperties: () =>
      rt.documentVisible()
        ? getter('getDocumentProperties', () => documentStore, true)()
        : rt.invoke({ service: 'PropertiesService', method: 'getDocumentProperties', access: 'full', family: 'properties' }, () => null),
    getScriptProperties: getter('getScriptProperties', () => scriptStore, true),
  });
  return { service, stores: { user: userStore, document: () => documentStore, script: () => scriptStore } };
}
