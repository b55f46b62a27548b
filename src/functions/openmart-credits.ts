/** OPENMART_CREDITS(): the team's remaining Openmart credits (free; cached 10 minutes). */
import { ApiError } from '../platform/errors';
import { getCreditBalance } from '../providers/openmart/credits';
import { FormulaError } from './args';
import { answerKey, cachedAnswer, keepAnswer } from './answers';
import type { FormulaEnv } from './env';

const FN = 'OPENMART_CREDITS';
/** A balance moves with every spend: re-read it after this long. */
export const CREDITS_TTL_S = 600;

export function openmartCredits(env: FormulaEnv): number {
  const key = answerKey(env, FN, []);
  const hit = cachedAnswer<number>(env, key);
  if (hit !== undefined) return hit;
  const http = env.http('openmart');
  try {
    const { balance } = getCreditBalance(http);
    keepAnswer(env, key, balance, CREDITS_TTL_S);
    return balance;
  } catch (e) {
    if (e instanceof ApiError) throw new FormulaError(e.userMessage());
    throw e;
  }
}
