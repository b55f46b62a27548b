/**
 * Builders for FastAPI/pydantic v2 validation issues (the items of a 422 `detail[]`).
 * Each item has `type`, `loc`, `msg`, `input` and, where pydantic sets one, `ctx`.
 */

/** Location of an issue, e.g. `['body', 'companies', 0, 'company_name']`. */
export type Loc = Array<string | number>;

/** One 422 `detail[]` item. */
export interface Issue {
  type: string;
  loc: Loc;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Pydantic's rendering of allowed literals: `'A', 'B' or 'C'`. */
export function expectedList(allowed: readonly string[]): string {
  const q = allowed.map((a) => `'${a}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1] ?? ''}`;
}

/** The pydantic issue builders, named after their `type`. */
export const issue = {
  missing: (loc: Loc, input: unknown, msg = 'Field required'): Issue => ({ type: 'missing', loc, msg, input }),
  stringType: (loc: Loc, input: unknown): Issue => ({ type: 'string_type', loc, msg: 'Input should be a valid string', input }),
  stringTooShort: (loc: Loc, input: unknown, min: number): Issue => ({
    type: 'string_too_short',
    loc,
    msg: `String should have at least ${plural(min, 'character')}`,
    input,
    ctx: { min_length: min },
  }),
  stringTooLong: (loc: Loc, input: unknown, max: number): Issue => ({
    type: 'string_too_long',
    loc,
    msg: `String should have at most ${plural(max, 'character')}`,
    input,
    ctx: { max_length: max },
  }),
  listType: (loc: Loc, input: unknown): Issue => ({ type: 'list_type', loc, msg: 'Input should be a valid list', input }),
  listTooShort: (loc: Loc, input: unknown[], min: number): Issue => ({
    type: 'too_short',
    loc,
    msg: `List should have at least ${plural(min, 'item')} after validation, not ${input.length}`,
    input,
    ctx: { field_name: 'List', min_length: min, actual_length: input.length },
  }),
  listTooLong: (loc: Loc, input: unknown[], max: number): Issue => ({
    type: 'too_long',
    loc,
    msg: `List should have at most ${plural(max, 'item')} after validation, not ${input.length}`,
    input,
    ctx: { field_name: 'List', max_length: max, actual_length: input.length },
  }),
  enumValue: (loc: Loc, input: unknown, allowed: readonly string[]): Issue => ({
    type: 'enum',
    loc,
    msg: `Input should be ${expectedList(allowed)}`,
    input,
    ctx: { expected: expectedList(allowed) },
  }),
  intType: (loc: Loc, input: unknown): Issue => ({ type: 'int_type', loc, msg: 'Input should be a valid integer', input }),
  intParsing: (loc: Loc, input: unknown): Issue => ({
    type: 'int_parsing',
    loc,
    msg: 'Input should be a valid integer, unable to parse string as an integer',
    input,
  }),
  intFromFloat: (loc: Loc, input: unknown): Issue => ({
    type: 'int_from_float',
    loc,
    msg: 'Input should be a valid integer, got a number with a fractional part',
    input,
  }),
  greaterEqual: (loc: Loc, input: unknown, ge: number): Issue => ({
    type: 'greater_than_equal',
    loc,
    msg: `Input should be greater than or equal to ${ge}`,
    input,
    ctx: { ge },
  }),
  lessEqual: (loc: Loc, input: unknown, le: number): Issue => ({
    type: 'less_than_equal',
    loc,
    msg: `Input should be less than or equal to ${le}`,
    input,
    ctx: { le },
  }),
  uuidType: (loc: Loc, input: unknown): Issue => ({ type: 'uuid_type', loc, msg: 'UUID input should be a string, bytes or UUID object', input }),
  uuidParsing: (loc: Loc, input: unknown): Issue => ({
    type: 'uuid_parsing',
    loc,
    msg: 'Input should be a valid UUID, invalid character or length',
    input,
  }),
  urlParsing: (loc: Loc, input: unknown): Issue => ({
    type: 'url_parsing',
    loc,
    msg: 'Input should be a valid URL, relative URL without a base',
    input,
  }),
  urlScheme: (loc: Loc, input: unknown): Issue => ({
    type: 'url_scheme',
    loc,
    msg: "URL scheme should be 'http' or 'https'",
    input,
    ctx: { expected_schemes: "'http' or 'https'" },
  }),
  datetimeParsing: (loc: Loc, input: unknown): Issue => ({
    type: 'datetime_from_date_parsing',
    loc,
    msg: 'Input should be a valid datetime or date, invalid character or format',
    input,
  }),
  bodyNotObject: (input: unknown): Issue => ({
    type: 'model_attributes_type',
    loc: ['body'],
    msg: 'Input should be a valid dictionary or object to extract fields from',
    input,
  }),
  modelType: (loc: Loc, input: unknown, model: string): Issue => ({
    type: 'model_type',
    loc,
    msg: `Input should be a valid dictionary or instance of ${model}`,
    input,
    ctx: { class_name: model },
  }),
  extraForbidden: (loc: Loc, input: unknown, msg = 'Extra inputs are not permitted'): Issue => ({ type: 'extra_forbidden', loc, msg, input }),
  valueError: (loc: Loc, input: unknown, message: string): Issue => ({
    type: 'value_error',
    loc,
    msg: `Value error, ${message}`,
    input,
    ctx: { error: {} },
  }),
  jsonInvalid: (position: number, error: string): Issue => ({
    type: 'json_invalid',
    loc: ['body', position],
    msg: 'JSON decode error',
    input: {},
    ctx: { error },
  }),
};
