import type { Realm } from './realm';

/**
 * Keys that generic code (jest matchers, pretty-format, util.inspect, Promise resolution) probes on
 * any object. They read as `undefined` instead of throwing.
 */
const PROBES = new Set<string>([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  '_isMockFunction',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '@@__IMMUTABLE_KEYED__@@',
  '@@__IMMUTABLE_ORDERED__@@',
  '__esModule',
]);

/**
 * Wrap an emulated service object so that reading a member it does not implement throws
 * `TypeError: <name>.<member> is not a function in the emulator (not modelled)`.
 * Own and inherited members (including Object.prototype's) and symbols pass through; assignments pass.
 */
export function strict<T extends object>(realm: Realm, name: string, target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || key in t) return Reflect.get(t, key, receiver) as unknown;
      if (PROBES.has(key)) return undefined;
      throw realm.typeError(`${name}.${key} is not a function in the emulator (not modelled)`);
    },
  });
}
