/**
 * The API's error bodies. They differ by status (see NOTES.md):
 * 401 `{error, message, request_id}`, 403 `{code, message, required_scopes, user_scopes}`,
 * 404 `{code, message, resource_type, identifier}`, 409 flat `{code, message, details}`,
 * 422 FastAPI `{detail: [...]}`, 429 `{error, message, retry_after}` plus a `Retry-After` header.
 */
import { json, type SimResponse } from '../types';
import type { Issue } from './issues';

/** 401 for a missing, malformed, unknown or revoked key. */
export function unauthorized(requestId: string): SimResponse {
  return json(401, { error: 'UNAUTHORIZED', message: 'Invalid or expired API key', request_id: requestId }, { 'WWW-Authenticate': 'Bearer' });
}

/** 403 when the key lacks a scope the endpoint requires. */
export function forbidden(required: readonly string[], userScopes: readonly string[]): SimResponse {
  return json(403, {
    code: 'AUTHORIZATION_ERROR',
    message: `Insufficient permissions. Required scopes: ${required.join(', ')}`,
    required_scopes: [...required],
    user_scopes: [...userScopes],
  });
}

/** 404 for a resource that does not exist or belongs to another organization. */
export function notFound(code: string, resourceType: string, identifier: string, label = resourceType): SimResponse {
  return json(404, {
    code,
    message: `${label} with identifier ${identifier} not found`,
    resource_type: resourceType,
    identifier,
  });
}

/** 422 with FastAPI's `detail[]`. */
export function validationError(issues: Issue[]): SimResponse {
  return json(422, { detail: issues });
}

/** 429 when the key's hourly budget is spent; `retryAfter` in seconds. */
export function rateLimited(retryAfter: number): SimResponse {
  return json(
    429,
    { error: 'RATE_LIMIT_EXCEEDED', message: `Rate limit exceeded. Retry after ${retryAfter} seconds.`, retry_after: retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}

/** Flat error body `{code, message, details}` (used for 409 idempotency conflicts). */
export function flatError(status: number, code: string, message: string, details: Record<string, unknown> = {}): SimResponse {
  return json(status, { code, message, details });
}

/** FastAPI's default for an unknown route. */
export function routeNotFound(): SimResponse {
  return json(404, { detail: 'Not Found' });
}

/** FastAPI's default for a known route with the wrong method. */
export function methodNotAllowed(allow: readonly string[]): SimResponse {
  return json(405, { detail: 'Method Not Allowed' }, { Allow: allow.join(', ') });
}
