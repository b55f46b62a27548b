/**
 * Request-body parsing and a field reader that accumulates pydantic-style issues.
 * Strictness choices (the docs are silent): JSON bodies need `Content-Type: application/json`
 * (UrlFetchApp defaults to form encoding), unknown fields are rejected (`extra_forbidden`),
 * integers must be JSON integers (no strings, floats or booleans), and optional fields accept null.
 */
import type { SimRequest } from '../types';
import { type Issue, issue, type Loc } from './issues';

/** Outcome of reading a JSON object body. */
export type BodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; issues: Issue[] };

/** Parses the request body as a JSON object, or explains why it is not one. */
export function readJsonObject(req: SimRequest): BodyResult {
  const raw = req.body;
  if (raw === undefined || raw.trim() === '') return { ok: false, issues: [issue.missing(['body'], null)] };
  const ct = (req.headers['content-type'] ?? '').toLowerCase();
  if (!ct.includes('application/json')) {
    // FastAPI does not JSON-decode a body sent with another content type: it sees raw bytes.
    return { ok: false, issues: [issue.bodyNotObject(raw)] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    return { ok: false, issues: [issue.jsonInvalid(pos ? Number(pos[1]) : 0, msg)] };
  }
  if (!isObject(parsed)) return { ok: false, issues: [issue.bodyNotObject(parsed)] };
  return { ok: true, body: parsed };
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Strict UUID syntax (any version, hyphenated). */
export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/** Options for a string field. */
export interface StrOpts {
  required?: boolean;
  min?: number;
  max?: number;
  /** Message for a missing required field (default pydantic's `Field required`). */
  missingMsg?: string;
  /** Reject strings that are only whitespace (undocumented; strict choice for names). */
  notBlank?: boolean;
}

/** Options for a list-of-strings field. */
export interface ListOpts {
  required?: boolean;
  minItems?: number;
  maxItems?: number;
  missingMsg?: string;
}

/** Reads fields of one JSON object, collecting issues under a base location. */
export class FieldReader {
  readonly issues: Issue[];

  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly base: Loc,
    issues: Issue[] = [],
  ) {
    this.issues = issues;
  }

  private loc(name: string | number, ...rest: Array<string | number>): Loc {
    return [...this.base, name, ...rest];
  }

  /** True when the field is present with a non-null value. */
  has(name: string): boolean {
    return this.obj[name] !== undefined && this.obj[name] !== null;
  }

  /** The raw value of a field. */
  raw(name: string): unknown {
    return this.obj[name];
  }

  /** Records an issue. */
  add(i: Issue): void {
    this.issues.push(i);
  }

  /** Rejects every field not in `allowed`; `custom` maps a field to a specific message. */
  rejectExtra(allowed: readonly string[], custom: Record<string, string> = {}): void {
    for (const k of Object.keys(this.obj)) {
      if (allowed.includes(k)) continue;
      const msg = custom[k];
      this.add(issue.extraForbidden(this.loc(k), this.obj[k], msg));
    }
  }

  /** A string field; null when absent/null (or invalid), the string otherwise. */
  str(name: string, o: StrOpts = {}): string | null {
    const v = this.obj[name];
    if (v === undefined || (v === null && o.required && o.missingMsg)) {
      if (o.required) this.add(issue.missing(this.loc(name), v === undefined ? this.obj : null, o.missingMsg));
      return null;
    }
    if (v === null) {
      if (o.required) this.add(issue.stringType(this.loc(name), v));
      return null;
    }
    if (typeof v !== 'string') {
      this.add(issue.stringType(this.loc(name), v));
      return null;
    }
    const len = [...v].length;
    if (o.min !== undefined && len < o.min) this.add(issue.stringTooShort(this.loc(name), v, o.min));
    else if (o.max !== undefined && len > o.max) this.add(issue.stringTooLong(this.loc(name), v, o.max));
    else if (o.notBlank && v.trim() === '') this.add(issue.valueError(this.loc(name), v, `${name} must not be blank`));
    else return v;
    return null;
  }

  /** A list of non-empty strings. */
  strList(name: string, o: ListOpts = {}): string[] | null {
    const v = this.obj[name];
    if (v === undefined || (v === null && o.required)) {
      if (o.required) this.add(issue.missing(this.loc(name), v === undefined ? this.obj : null, o.missingMsg));
      return null;
    }
    if (v === null) return null;
    if (!Array.isArray(v)) {
      this.add(issue.listType(this.loc(name), v));
      return null;
    }
    if (!this.listBounds(name, v, o)) return null;
    const out: string[] = [];
    v.forEach((item: unknown, i) => {
      if (typeof item !== 'string') this.add(issue.stringType(this.loc(name, i), item));
      else if (item.trim() === '') this.add(issue.stringTooShort(this.loc(name, i), item, 1));
      else out.push(item);
    });
    return out.length === v.length ? out : null;
  }

  /** Checks list length bounds; false (with an issue) when out of bounds. */
  listBounds(name: string, v: unknown[], o: { minItems?: number; maxItems?: number }): boolean {
    if (o.minItems !== undefined && v.length < o.minItems) {
      this.add(issue.listTooShort(this.loc(name), v, o.minItems));
      return false;
    }
    if (o.maxItems !== undefined && v.length > o.maxItems) {
      this.add(issue.listTooLong(this.loc(name), v, o.maxItems));
      return false;
    }
    return true;
  }

  /** One of a set of literals. */
  enumOf<T extends string>(name: string, allowed: readonly T[], o: { required?: boolean } = {}): T | null {
    const v = this.obj[name];
    if (v === undefined || v === null) {
      if (o.required) this.add(v === undefined ? issue.missing(this.loc(name), this.obj) : issue.enumValue(this.loc(name), v, allowed));
      return null;
    }
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(issue.enumValue(this.loc(name), v, allowed));
    return null;
  }

  /** A JSON integer within bounds. */
  int(name: string, o: { min?: number; max?: number } = {}): number | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(issue.intType(this.loc(name), v));
      return null;
    }
    if (!Number.isInteger(v)) {
      this.add(issue.intFromFloat(this.loc(name), v));
      return null;
    }
    if (o.min !== undefined && v < o.min) this.add(issue.greaterEqual(this.loc(name), v, o.min));
    else if (o.max !== undefined && v > o.max) this.add(issue.lessEqual(this.loc(name), v, o.max));
    else return v;
    return null;
  }

  /** A UUID string (lower-cased). */
  uuid(name: string): string | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      this.add(issue.uuidType(this.loc(name), v));
      return null;
    }
    if (!isUuid(v)) {
      this.add(issue.uuidParsing(this.loc(name), v));
      return null;
    }
    return v.toLowerCase();
  }

  /** A list of UUIDs (lower-cased, duplicates removed). */
  uuidList(name: string): string[] | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v)) {
      this.add(issue.listType(this.loc(name), v));
      return null;
    }
    const out: string[] = [];
    let ok = true;
    v.forEach((item: unknown, i) => {
      if (typeof item !== 'string') {
        this.add(issue.uuidType(this.loc(name, i), item));
        ok = false;
      } else if (!isUuid(item)) {
        this.add(issue.uuidParsing(this.loc(name, i), item));
        ok = false;
      } else if (!out.includes(item.toLowerCase())) out.push(item.toLowerCase());
    });
    return ok ? out : null;
  }

  /** An absolute http(s) URL (pydantic HttpUrl; max 2083 chars). */
  httpUrl(name: string): string | null {
    const v = this.str(name);
    if (v === null) return null;
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#\s]+)[^\s]*$/.exec(v);
    if (!m) this.add(issue.urlParsing(this.loc(name), v));
    else if (!/^https?$/i.test(m[1] ?? '')) this.add(issue.urlScheme(this.loc(name), v));
    else if (v.length > 2083) this.add(issue.stringTooLong(this.loc(name), v, 2083));
    else return v;
    return null;
  }
}
