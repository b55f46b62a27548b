/** An Apps Script enum value: an object (not a string) whose toString() and name() give its key. */
export interface EnumValue {
  toString(): string;
  name(): string;
  toJSON(): string;
}

/**
 * Build a frozen Apps Script-style enum. Values are objects, so `x === 'FULL'` is false just as in
 * Apps Script, while `String(x) === 'FULL'` and `x === ScriptApp.AuthMode.FULL` hold.
 */
export function makeEnum<K extends string>(keys: readonly K[]): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  for (const k of keys) out[k] = Object.freeze({ toString: () => k, name: () => k, toJSON: () => k });
  return Object.freeze(out);
}

/** The key of an enum value (or the string itself), e.g. for comparisons in the emulator. */
export function enumKey(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}
