/** getDisplayValues: how Sheets shows a cell value under its number format (en_US locale). */
import { formatSimpleDate, zonedParts } from './tz';
import { isDate, type CellValue } from './values';

/** True when a Sheets number format is a date/time pattern. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ydhs]/i.test(stripped) || /am\/pm/i.test(stripped);
}

/** Translate a Sheets date pattern (m = month or minute by context) into a SimpleDateFormat pattern. */
export function sheetsToSimplePattern(format: string): string {
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi) ?? [];
  const ampm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const out: string[] = [];
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    if (tok.startsWith('"')) out.push(`'${tok.slice(1, -1).replace(/'/g, "''")}'`);
    else if (tok.startsWith('\\')) out.push(tok.slice(1) === "'" ? "''" : `'${tok.slice(1)}'`);
    else if (/^(am\/pm|a\/p)$/i.test(tok)) out.push('a');
    else if (lower.startsWith('y')) out.push(lower.length <= 2 ? 'yy' : 'yyyy');
    else if (lower.startsWith('d')) out.push(lower.length >= 4 ? 'EEEE' : lower.length === 3 ? 'EEE' : lower);
    else if (lower.startsWith('h')) out.push(ampm ? lower : lower.toUpperCase());
    else if (lower.startsWith('s')) out.push(lower);
    else if (lower.startsWith('m')) {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[a-z]/i.test(t) && !/^[\s:./-]$/.test(t));
      const next = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t));
      const minute = (prev !== undefined && /^h/i.test(prev)) || (next !== undefined && /^s/i.test(next));
      if (minute && lower.length <= 2) out.push(lower);
      else out.push(lower.length >= 4 ? 'MMMM' : lower.length === 3 ? 'MMM' : lower.toUpperCase());
    } else if (/[A-Za-z]/.test(tok)) out.push(`'${tok}'`);
    else out.push(tok === "'" ? "''" : tok);
  });
  return out.join('');
}

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15)
    return n
      .toExponential(5)
      .toUpperCase()
      .replace(/\.?0+E/, 'E');
  return String(Number(n.toPrecision(10)));
}

function grouped(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function numberWithFormat(n: number, format: string): string {
  // Zero-padded integers ('0000000': 1234 shows as 0001234), the usual fix for ids and zip codes.
  if (/^0{2,}$/.test(format)) return `${n < 0 ? '-' : ''}${String(Math.round(Math.abs(n))).padStart(format.length, '0')}`;
  const pct = /^(#,##)?0(?:\.(0+))?%$/.exec(format);
  if (pct) return `${(n * 100).toFixed((pct[2] ?? '').length)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const text = n.toFixed((fixed[2] ?? '').length);
    if (!fixed[1]) return text;
    const [int, frac] = text.split('.');
    const sign = (int ?? '').startsWith('-') ? '-' : '';
    return `${sign}${grouped((int ?? '').replace('-', ''))}${frac !== undefined ? `.${frac}` : ''}`;
  }
  return generalNumber(n);
}

/** The default pattern Sheets shows a Date written by a script with (en_US). */
function defaultDatePattern(d: Date, tz: string): string {
  const p = zonedParts(d.getTime(), tz);
  return p.hour === 0 && p.minute === 0 && p.second === 0 ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
}

/** The text Sheets displays for `value` under `format` in time zone `tz`. */
export function displayValue(value: CellValue, format: string | undefined, tz: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const pattern = isDateFormat(format) && format ? sheetsToSimplePattern(format) : defaultDatePattern(value, tz);
    return formatSimpleDate(value.getTime(), tz, pattern);
  }
  if (format && format !== '@' && !isDateFormat(format)) return numberWithFormat(value, format);
  return generalNumber(value);
}
