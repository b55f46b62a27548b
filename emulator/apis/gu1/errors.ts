/**
 * gu1's error envelope `{ success: false, error: { code, message } }` (NOTES.md), for every
 * status the simulator answers with: 400, 401, 402, 403, 404, 405, 422 (partial data), 429.
 */
import { json, type SimResponse } from '../types';

/** The envelope with a status. */
export function gu1Error(status: number, code: string, message: string): SimResponse {
  return { ...json(status, { success: false, error: { code, message } }), latencyMs: 40 };
}

/** 401 for a missing, malformed, unknown or revoked key. */
export function unauthorized(): SimResponse {
  return gu1Error(401, 'UNAUTHORIZED', 'Invalid or missing API key');
}

/** 400 with a message that names the field or the code at fault. */
export function badRequest(code: string, message: string): SimResponse {
  return gu1Error(400, code, message);
}

/** 404 when no entity has this externalId in the organization. */
export function entityNotFound(externalId: string): SimResponse {
  return gu1Error(404, 'ENTITY_NOT_FOUND', `Entity with externalId "${externalId}" not found`);
}

/** 402 when the balance cannot pay for the request. */
export function insufficientBalance(needCents: number, balanceCents: number): SimResponse {
  return gu1Error(
    402,
    'INSUFFICIENT_BALANCE',
    `Insufficient balance: this request costs up to ${needCents} cents and the balance is ${balanceCents} cents. Top up your gu1 balance.`,
  );
}
