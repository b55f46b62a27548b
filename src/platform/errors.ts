/**
 * One error family for every provider (after openai-node's APIError.generate and stripe-node's
 * generateV1Error): a status-typed subclass made by one factory from whatever error shape the
 * provider sent. Messages never contain an API key.
 */
import type { Provider } from './http-types';
import { PROVIDER_NAMES } from './providers';
import { shortDetail } from './scrub';

/** How sentences name each provider (platform/providers.ts; re-exported for the modules that import it from here). */
export { PROVIDER_NAMES };

export interface FieldIssue {
  /** Dotted location, e.g. `body.companies.3.company_name`. */
  field: string;
  message: string;
}

export interface ApiErrorInit {
  provider: Provider;
  status: number;
  code?: string | undefined;
  message: string;
  requestId?: string | undefined;
  details?: FieldIssue[] | undefined;
  retryAfterMs?: number | undefined;
  /** Extra facts from the body (required_scopes, identifier, ...). */
  extra?: Record<string, unknown> | undefined;
  /** The parsed error body, for answers that carry data beside the error (gu1's partial 422). */
  body?: unknown;
}

export class ApiError extends Error {
  readonly provider: Provider;
  /** HTTP status; 0 for a transport failure (timeout, DNS) or a response that never arrived. */
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly details: FieldIssue[];
  readonly retryAfterMs: number | undefined;
  readonly extra: Record<string, unknown>;
  /** The parsed body of the error answer (never shown to the user). */
  readonly body: unknown;
  /**
   * Set by the http layer when the provider asked for a wait longer than this execution may
   * sleep: "until 14:05 (Europe/Berlin)". The sidebar answers with it at once.
   */
  waitUntil: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.provider = init.provider;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details ?? [];
    this.retryAfterMs = init.retryAfterMs;
    this.extra = init.extra ?? {};
    this.body = init.body;
    this.waitUntil = undefined;
  }

  /** What this error was made from, to make the same failure again with a provider's words (providers/<p>/errors.ts). */
  toInit(): ApiErrorInit {
    const { provider, status, code, message, requestId, details, retryAfterMs, extra, body } = this;
    return { provider, status, code, message, requestId, details, retryAfterMs, extra, body };
  }

  protected get who(): string {
    return PROVIDER_NAMES[this.provider];
  }

  /** "OpenProspect asks to wait until 14:05 (UTC); try again then." when a wait was not slept. */
  waitMessage(): string | undefined {
    return this.waitUntil === undefined ? undefined : `${this.who} asks to wait until ${this.waitUntil}; try again then.`;
  }

  /** A sentence for the user: what happened and what to do. */
  userMessage(): string {
    return withRequestId(`${this.who} answered ${this.status}: ${this.message}`, this.requestId);
  }

  /** Build the right subclass from a status and a parsed (or unparsable) body. */
  static generate(provider: Provider, status: number, body: unknown, headers: Record<string, string> = {}): ApiError {
    const init = { ...parseErrorBody(provider, status, body, headers), body };
    if (status === 401) return new AuthError(init);
    if (status === 402) return new PaymentError(init);
    if (status === 403) return new PermissionError(init);
    if (status === 404) return new NotFoundError(init);
    if (status === 409) return new ConflictError(init);
    if (status === 400 || status === 422) return new ValidationError(init);
    if (status === 429) return new RateLimitError(init);
    // A 408 comes from a gateway like a 502/504: the same family (the backend may have done the work).
    if (status >= 500 || status === 408) return new ServerError(init);
    return new ApiError(init);
  }
}

/** A sentence with the provider's request id after it, when there is one. */
export function withRequestId(text: string, requestId: string | undefined): string {
  return requestId ? `${text} (request id ${requestId})` : text;
}

export class AuthError extends ApiError {
  override userMessage(): string {
    return withRequestId(`${this.who} refused the API key (${this.message}). Check the ${this.who} key in Settings.`, this.requestId);
  }
}

export class PaymentError extends ApiError {
  override userMessage(): string {
    return withRequestId(`${this.who}: out of credits or balance (${this.message}). Top up your ${this.who} account, then retry.`, this.requestId);
  }
}

export class PermissionError extends ApiError {
  override userMessage(): string {
    const required = this.extra['required_scopes'];
    const scopes = Array.isArray(required) && required.length > 0 ? ` It needs the scope(s) ${required.join(', ')}.` : '';
    return withRequestId(
      `${this.who} key is not allowed to do this (${this.message}).${scopes} Create a key with those scopes and save it in Settings.`,
      this.requestId,
    );
  }
}

export class NotFoundError extends ApiError {
  override userMessage(): string {
    return withRequestId(`${this.who} could not find it: ${this.message}`, this.requestId);
  }
}

export class ConflictError extends ApiError {
  override userMessage(): string {
    return withRequestId(`${this.who} reported a conflict: ${this.message}`, this.requestId);
  }
}

export class ValidationError extends ApiError {
  override userMessage(): string {
    const fields = this.details.slice(0, 5).map((d) => `${d.field}: ${d.message}`);
    const more = this.details.length > 5 ? ` (and ${this.details.length - 5} more)` : '';
    const list = fields.length > 0 ? ` ${fields.join('; ')}${more}.` : '';
    const fix = fields.length > 0 ? 'Fix the named field(s) and submit again.' : 'Fix it and submit again.';
    return withRequestId(`${this.who} rejected the input: ${this.message}.${list} ${fix}`, this.requestId);
  }
}

export class RateLimitError extends ApiError {
  override userMessage(): string {
    const wait =
      this.waitUntil !== undefined
        ? ` It asks to wait until ${this.waitUntil};`
        : this.retryAfterMs !== undefined
          ? ` Retry after ${Math.ceil(this.retryAfterMs / 1000)} s;`
          : '';
    return withRequestId(`${this.who} rate limit reached (${this.message}).${wait} the job resumes by itself.`, this.requestId);
  }
}

export class ServerError extends ApiError {
  override userMessage(): string {
    return withRequestId(`${this.who} had a server error (${this.status}: ${this.message}). The job retries by itself.`, this.requestId);
  }
}

/** No response: timeout, DNS, connection refused, or the response was lost. */
export class ConnectionError extends ApiError {
  override userMessage(): string {
    return `Could not reach ${this.who} (${this.message}). The job retries by itself; check your connection or the base URL in Settings if it keeps failing.`;
  }
}

/** A 2xx whose body is not what the API documents. */
export class MalformedResponseError extends ApiError {
  override userMessage(): string {
    return withRequestId(
      `${this.who} sent a response the add-on does not understand (${this.message}). Try again later; if it persists, report it to ${this.who}.`,
      this.requestId,
    );
  }
}

/** Parse `Retry-After` (seconds or an HTTP date) or `retry-after-ms`; ms or undefined. */
export function parseRetryAfter(headers: Record<string, string>, nowMs: number, bodySeconds?: unknown): number | undefined {
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  const ms = lower['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const ra = lower['retry-after'];
  if (ra !== undefined) {
    const t = ra.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
    const date = Date.parse(t);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  if (typeof bodySeconds === 'number' && Number.isFinite(bodySeconds) && bodySeconds >= 0) return Math.round(bodySeconds * 1000);
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const GENERIC: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/**
 * Read every documented error shape:
 * - FastAPI `{ detail: [{ loc, msg, type }] }` or `{ detail: "text" }` (OpenProspect 422, Openmart)
 * - flat `{ code | error, message, details?, request_id?, retry_after?, required_scopes? }` (OpenProspect)
 * - envelope `{ success: false, error: { code, message } }` (gu1)
 */
/** A provider's own error sentence, as at most a short detail (tags and key-shaped tokens removed, 300 chars). */
function providerText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : shortDetail(text, 300);
}

export function parseErrorBody(provider: Provider, status: number, body: unknown, headers: Record<string, string>): ApiErrorInit {
  let code: string | undefined;
  let message: string | undefined;
  let requestId: string | undefined;
  let details: FieldIssue[] = [];
  const extra: Record<string, unknown> = {};
  let bodyRetry: unknown;
  if (isRecord(body)) {
    const detail = body['detail'];
    if (Array.isArray(detail)) {
      details = detail.filter(isRecord).map((d) => ({
        field: Array.isArray(d['loc']) ? d['loc'].map(String).join('.') : String(d['loc'] ?? ''),
        message: String(d['msg'] ?? d['message'] ?? 'invalid'),
      }));
      message = details.length > 0 ? `${details.length} invalid field(s)` : undefined;
    } else if (typeof detail === 'string') {
      message = providerText(detail);
    }
    const err = body['error'];
    if (isRecord(err)) {
      code = str(err['code']);
      message = providerText(str(err['message'])) ?? message;
    } else if (typeof err === 'string') {
      code = err;
    }
    code = str(body['code']) ?? code;
    message = providerText(str(body['message'])) ?? message;
    requestId = str(body['request_id']) ?? str(body['requestId']);
    bodyRetry = body['retry_after'];
    const d = body['details'];
    if (Array.isArray(d) && details.length === 0) {
      details = d.filter(isRecord).map((x) => ({ field: String(x['field'] ?? x['loc'] ?? ''), message: String(x['message'] ?? x['msg'] ?? 'invalid') }));
    } else if (isRecord(d)) {
      extra['details'] = d;
    }
    for (const k of ['required_scopes', 'user_scopes', 'resource_type', 'identifier']) {
      if (body[k] !== undefined) extra[k] = body[k];
    }
  } else if (typeof body === 'string' && body.trim().length > 0) {
    // Plain text or an HTML page (a proxy, a gateway): only a short, scrubbed detail is shown.
    message = `${GENERIC[status] ?? `HTTP ${status}`}; the answer was not JSON: "${shortDetail(body)}"`;
  }
  const lowerHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lowerHeaders[k.toLowerCase()] = v;
  requestId = requestId ?? lowerHeaders['x-request-id'];
  return {
    provider,
    status,
    code,
    message: message ?? GENERIC[status] ?? `HTTP ${status}`,
    requestId,
    details,
    retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(headers, Date.now(), bodyRetry) : undefined,
    extra,
  };
}
