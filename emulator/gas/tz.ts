/** Time-zone arithmetic (via Intl) and a SimpleDateFormat-style formatter, shared by Utilities and Sheets. */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** True when `tz` is an IANA zone Intl knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock parts of `epochMs` in `tz`. */
export function zonedParts(epochMs: number, tz: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(tz).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']) % 24,
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    ms: ((epochMs % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? 'Sun'),
  };
}

/** Offset of `tz` from UTC at instant `epochMs`, in ms (Berlin in winter: +3,600,000). */
export function tzOffsetMs(epochMs: number, tz: string): number {
  const p = zonedParts(epochMs, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  return asUtc - epochMs;
}

/** The instant at which the wall clock in `tz` shows the given local time. */
export function zonedToEpoch(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, tz = 'UTC'): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let t = guess - tzOffsetMs(guess, tz);
  const off2 = tzOffsetMs(t, tz);
  if (guess - off2 !== t) t = guess - off2;
  return t;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offsetText(offMs: number, letter: 'Z' | 'X', count: number): string {
  if (letter === 'X' && offMs === 0) return 'Z';
  const sign = offMs < 0 ? '-' : '+';
  const abs = Math.abs(offMs) / 60000;
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (letter === 'Z') return `${sign}${hh}${mm}`;
  if (count === 1) return `${sign}${hh}`;
  if (count === 2) return `${sign}${hh}${mm}`;
  return `${sign}${hh}:${mm}`;
}

/**
 * Format `epochMs` in `tz` with a java.text.SimpleDateFormat pattern, as Utilities.formatDate does.
 * Supports y M d H h k m s S E a Z X and quoted literals ('T', ''). Throws on other pattern letters.
 */
export function formatSimpleDate(epochMs: number, tz: string, pattern: string): string {
  const p = zonedParts(epochMs, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new Error(`Invalid argument: pattern (unterminated quote in ${pattern})`);
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? (MONTHS[p.month - 1] ?? '').slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.ms, 3).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : (DAYS[p.weekday] ?? '').slice(0, 3);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(tzOffsetMs(epochMs, tz), 'Z', n);
        break;
      case 'X':
        out += offsetText(tzOffsetMs(epochMs, tz), 'X', n);
        break;
      default:
        throw new Error(`Invalid argument: pattern (letter ${ch} is not modelled in the emulator)`);
    }
  }
  return out;
}
