/** OPENMART_CREDITS(): the team's remaining Openmart credits (free; cached 10 minutes). */
import { ApiError, MalformedResponseError } from '../platform/errors';
import { FormulaError } from './args';
import { answerKey, cachedAnswer, keepAnswer } from './answers';
import type { FormulaEnv } from './env';
import { OPENMART_PATHS } from './openmart-common';

const FN = 'OPENMART_CREDITS';
/** A balance moves with every spend: re-read it after this long. */
export const CREDITS_TTL_S = 600;

export function openmartCredits(env: FormulaEnv): number {
  const key = answerKey(env, FN, []);
  const hit = cachedAnswer<number>(env, key);
  if (hit !== undefined) return hit;
  const http = env.http('openmart');
  try {
    const res = http.request<unknown>({ method: 'get', path: OPENMART_PATHS.creditBalance });
    const body = res.body as { balance?: unknown } | undefined;
    const balance = typeof body?.balance === 'number' ? body.balance : Number.NaN;
    if (!Number.isFinite(balance)) throw new MalformedResponseError({ provider: 'openmart', status: res.status, message: 'GET /api/v2/credit-balance: no numeric balance' });
    keepAnswer(env, key, balance, CREDITS_TTL_S);
    return balance;
  } catch (e) {
    if (e instanceof ApiError) throw new FormulaError(e.userMessage());
    throw e;
  }
}
