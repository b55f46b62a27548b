/** The credit ledger: each billed row decrements the balance; `GET /api/v2/credit-balance` reads it. */
import { json, type SimResponse } from '../types';
import type { SimState } from './model';

/** Trial keys have 5,000 credits; unlimited keys report the fixed sentinel 10,000 (doc). */
export function balanceOf(state: SimState): number {
  if (state.plan === 'unlimited') return 10_000;
  return state.balance;
}

/** True when `cost` credits can be paid (unlimited keys always can). */
export function canPay(state: SimState, cost: number): boolean {
  return state.plan === 'unlimited' || state.balance >= cost;
}

/** Take `cost` credits (callers check `canPay` first). */
export function bill(state: SimState, cost: number): void {
  if (cost <= 0) return;
  state.counts.creditsBilled += cost;
  if (state.plan !== 'unlimited') state.balance = Math.max(0, state.balance - cost);
}

/** `GET /api/v2/credit-balance`. */
export function creditBalance(state: SimState): SimResponse {
  return json(200, { period_start: state.periodStart, period_end: state.periodEnd, balance: balanceOf(state) });
}
