/** Blob: bytes with a content type and name (Utilities.newBlob, HTTPResponse.getBlob). */
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

/** Node Buffer encoding for an Apps Script charset name ('UTF-8', Utilities.Charset.UTF_8, 'US-ASCII'). */
export function encodingOf(charset: unknown): BufferEncoding {
  const c = charset === undefined || charset === null ? 'UTF_8' : String(charset).toUpperCase().replace('-', '_');
  if (c === 'UTF_8') return 'utf8';
  if (c === 'US_ASCII') return 'ascii';
  if (c === 'ISO_8859_1') return 'latin1';
  throw new Error(`Invalid argument: charset (${String(charset)})`);
}

/** Apps Script bytes are Java bytes: signed, -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** Bytes from a string (in `charset`) or from an array of (signed or unsigned) byte numbers. */
export function bytesOf(data: unknown, charset?: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  if (data instanceof Uint8Array) return Buffer.from(data);
  return Buffer.from(String(data ?? ''), encodingOf(charset));
}

/** Build a Blob façade over `bytes`. */
export function makeBlob(rt: Runtime, bytes: Buffer, contentType: string | null, name: string | null): GasObject {
  let data = bytes;
  let type = contentType;
  let nm = name;
  const api = {
    toString: () => 'Blob',
    getDataAsString: (charset?: unknown) => data.toString(encodingOf(charset)),
    getBytes: () => rt.realm.array(toSignedBytes(data)),
    setBytes: (b: unknown) => {
      data = bytesOf(b);
      return self;
    },
    setDataFromString: (s: unknown, charset?: unknown) => {
      data = bytesOf(String(s), charset);
      return self;
    },
    getContentType: () => type,
    setContentType: (t: unknown) => {
      type = t === null || t === undefined ? null : String(t);
      return self;
    },
    getName: () => nm,
    setName: (n: unknown) => {
      nm = n === null || n === undefined ? null : String(n);
      return self;
    },
    copyBlob: () => makeBlob(rt, Buffer.from(data), type, nm),
    isGoogleType: () => false,
  };
  const self: GasObject = rt.strict('Blob', api);
  return self;
}
