/** Timestamp formatting and parsing in the API's format (`2026-02-25T10:30:00.000000Z`). */

/** Formats virtual ms as ISO 8601 UTC with microseconds, as the API's examples do. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

/** Formats virtual ms or null. */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoMicros(ms);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO 8601 date-time into microseconds since the epoch, or null when invalid.
 * Undocumented choice: a value without an offset is taken as UTC; a date without a time is
 * rejected (the docs show full date-times). A `+hh:mm` offset must arrive with its `+`
 * intact: an unencoded `+` in a query string decodes to a space and is rejected.
 */
export function parseIsoMicros(s: string): number | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, tz] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(sec ?? '0');
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  if (tz && tz !== 'Z' && tz !== 'z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const offH = Number(digits.slice(0, 2));
    const offM = Number(digits.slice(2, 4) || '0');
    if (offH > 23 || offM > 59) return null;
    ms -= sign * (offH * 60 + offM) * 60_000;
  }
  const micros = Number((frac ?? '').padEnd(6, '0'));
  return ms * 1000 + micros;
}
