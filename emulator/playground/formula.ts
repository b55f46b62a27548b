/**
 * The playground's formula reader: enough of the Sheets formula language to call the add-on's
 * custom functions the way a user types them: `=NAME(arg, ...)` where an argument is a string,
 * a number, TRUE/FALSE, a cell or range reference (open-ended `E2:E` too; optionally `'Sheet name'!A1:B5`), or an array
 * literal `{"a","b";"c","d"}`. Anything else is reported, not guessed.
 */
import { parseA1, type A1Ref } from '../gas/a1';

export type FormulaArg =
  | { kind: 'value'; value: string | number | boolean }
  | { kind: 'ref'; ref: A1Ref; text: string }
  | { kind: 'array'; rows: Array<Array<string | number | boolean>> };

export interface FormulaCall {
  name: string;
  args: FormulaArg[];
}

export class FormulaSyntaxError extends Error {}

/** Parse `=NAME(...)`; throws FormulaSyntaxError with a short reason. */
export function parseFormula(formula: string): FormulaCall {
  const src = formula.trim();
  let i = 0;
  const peek = (): string => src.charAt(i);
  const skip = (): void => {
    while (/\s/.test(peek())) i++;
  };
  const expect = (ch: string): void => {
    skip();
    if (peek() !== ch) throw new FormulaSyntaxError(`expected "${ch}" at position ${i + 1}`);
    i++;
  };

  const readString = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= src.length) throw new FormulaSyntaxError('a text in quotes is not closed');
      const c = src.charAt(i++);
      if (c === '"') {
        if (peek() === '"') {
          out += '"';
          i++;
          continue;
        }
        return out;
      }
      out += c;
    }
  };

  const readScalar = (): string | number | boolean => {
    skip();
    if (peek() === '"') return readString();
    const m = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return Number(m[0]);
    }
    const b = /^(TRUE|FALSE)\b/i.exec(src.slice(i));
    if (b?.[1]) {
      i += b[0].length;
      return b[1].toUpperCase() === 'TRUE';
    }
    throw new FormulaSyntaxError(`unexpected "${src.slice(i, i + 10)}"`);
  };

  const readArg = (): FormulaArg => {
    skip();
    const c = peek();
    if (c === '{') {
      i++;
      const rows: Array<Array<string | number | boolean>> = [[]];
      for (;;) {
        rows[rows.length - 1]?.push(readScalar());
        skip();
        const sep = src.charAt(i++);
        if (sep === '}') break;
        if (sep === ',') continue;
        if (sep === ';') {
          rows.push([]);
          continue;
        }
        throw new FormulaSyntaxError('an array literal is not closed with "}"');
      }
      return { kind: 'array', rows };
    }
    // A reference: 'Sheet'!A1:B2, Sheet!A1, A1, $A$1:B9
    const ref = /^((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}(?:\$?\d+)?)?/.exec(src.slice(i));
    if (ref && !/^(TRUE|FALSE)$/i.test(ref[0])) {
      const parsed = parseA1(ref[0].replace(/\$/g, ''));
      if (parsed) {
        i += ref[0].length;
        return { kind: 'ref', ref: parsed, text: ref[0] };
      }
    }
    return { kind: 'value', value: readScalar() };
  };

  skip();
  if (peek() === '=') i++;
  skip();
  const name = /^[A-Za-z_][\w.]*/.exec(src.slice(i))?.[0];
  if (!name) throw new FormulaSyntaxError('a formula starts with a function name, e.g. =ENRICHED(A2, "name")');
  i += name.length;
  expect('(');
  const args: FormulaArg[] = [];
  skip();
  if (peek() === ')') i++;
  else {
    for (;;) {
      skip();
      // An empty argument (e.g. `F(A1,,3)`) is an omitted optional one.
      if (peek() === ',' || peek() === ')') args.push({ kind: 'value', value: '' });
      else args.push(readArg());
      skip();
      const sep = src.charAt(i++);
      if (sep === ')') break;
      if (sep !== ',') throw new FormulaSyntaxError('arguments are separated by commas; nested formulas are not supported in the playground');
    }
  }
  skip();
  if (i < src.length) throw new FormulaSyntaxError(`unexpected "${src.slice(i, i + 10)}" after the closing parenthesis`);
  return { name: name.toUpperCase(), args };
}
