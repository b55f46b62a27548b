/** Utilities: sleep on the virtual clock, uuids, base64, digests, HMAC, formatDate, blobs, JSON. */
import * as crypto from 'node:crypto';
import { bytesOf, makeBlob, toSignedBytes } from './blob';
import { enumKey, makeEnum } from './enums';
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';
import { formatSimpleDate, isValidTimeZone } from './tz';
import { isDate } from './values';

/** Utilities.sleep refuses more than 5 minutes. */
export const MAX_SLEEP_MS = 300_000;

const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
const MacAlgorithm = makeEnum(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);
const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
const NODE_HASH: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Build Utilities. */
export function makeUtilities(rt: Runtime): GasObject {
  const call = <T>(method: string, body: () => T): T => rt.invoke({ service: 'Utilities', method, access: 'free' }, body);
  const hashName = (alg: unknown, prefix = ''): string => {
    const key = enumKey(alg).replace(prefix, '');
    const name = NODE_HASH[key];
    if (!name) throw rt.realm.typeError(`Utilities: algorithm ${enumKey(alg)} is not modelled in the emulator`);
    return name;
  };
  const b64 = (data: unknown, charset: unknown, webSafe: boolean): string => {
    const s = bytesOf(data, charset).toString('base64');
    return webSafe ? s.replace(/\+/g, '-').replace(/\//g, '_') : s;
  };
  const unb64 = (encoded: unknown, webSafe: boolean): number[] => {
    let s = String(encoded);
    if (webSafe) s = s.replace(/-/g, '+').replace(/_/g, '/');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.replace(/\s/g, ''))) throw rt.error('Could not decode string.');
    return rt.realm.array(toSignedBytes(Buffer.from(s, 'base64')));
  };

  return rt.strict('Utilities', {
    toString: () => 'Utilities',
    DigestAlgorithm,
    MacAlgorithm,
    Charset,
    sleep: (milliseconds: unknown) =>
      call('sleep', () => {
        const ms = Number(milliseconds);
        if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS) throw rt.error('Invalid argument: milliseconds');
        rt.clock.advance(Math.trunc(ms));
      }),
    getUuid: () => call('getUuid', () => rt.rng.uuid()),
    base64Encode: (data: unknown, charset?: unknown) => call('base64Encode', () => b64(data, charset, false)),
    base64EncodeWebSafe: (data: unknown, charset?: unknown) => call('base64EncodeWebSafe', () => b64(data, charset, true)),
    base64Decode: (encoded: unknown) => call('base64Decode', () => unb64(encoded, false)),
    base64DecodeWebSafe: (encoded: unknown) => call('base64DecodeWebSafe', () => unb64(encoded, true)),
    computeDigest: (algorithm: unknown, value: unknown, charset?: unknown) =>
      call('computeDigest', () => rt.realm.array(toSignedBytes(crypto.createHash(hashName(algorithm)).update(bytesOf(value, charset)).digest()))),
    computeHmacSignature: (algorithm: unknown, value: unknown, key: unknown, charset?: unknown) =>
      call('computeHmacSignature', () =>
        rt.realm.array(toSignedBytes(crypto.createHmac(hashName(algorithm, 'HMAC_'), bytesOf(key, charset)).update(bytesOf(value, charset)).digest())),
      ),
    computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) =>
      call('computeHmacSha256Signature', () =>
        rt.realm.array(toSignedBytes(crypto.createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest())),
      ),
    formatDate: (date: unknown, timeZone: unknown, format: unknown) =>
      call('formatDate', () => {
        if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
          throw rt.error("The parameters don't match the method signature for Utilities.formatDate.");
        }
        if (!isValidTimeZone(timeZone)) throw rt.error(`Invalid argument: timeZone (${timeZone})`);
        try {
          return formatSimpleDate(date.getTime(), timeZone, format);
        } catch (e) {
          throw rt.error((e as Error).message);
        }
      }),
    newBlob: (data: unknown, contentType?: unknown, name?: unknown) =>
      call('newBlob', () =>
        makeBlob(
          rt,
          bytesOf(data),
          contentType === undefined || contentType === null ? null : String(contentType),
          name === undefined || name === null ? null : String(name),
        ),
      ),
    jsonStringify: (obj: unknown) => call('jsonStringify', () => JSON.stringify(obj)),
    jsonParse: (text: unknown) => call('jsonParse', () => JSON.parse(String(text)) as unknown),
  });
}
