/** The quota meter as the user sees it, and the account type that sets the limits. */
import * as z from 'zod/mini';
import { QUOTA_LIMITS, type AccountType } from '../platform/quota';
import type { PropertyStore } from '../platform/store';
import type { AppContext } from './context';
import { parseInput } from './input';

const ACCOUNT_KEY = 'quota.account';

/** The account type saved by the user (consumer unless they said Workspace). */
export function accountType(props: () => PropertyStore): AccountType {
  try {
    return props().getProperty(ACCOUNT_KEY) === 'workspace' ? 'workspace' : 'consumer';
  } catch {
    return 'consumer';
  }
}

export interface QuotaView {
  account: AccountType;
  urlFetchToday: number;
  urlFetchLimit: number;
  triggerMinutesToday: number;
  triggerMinutesLimit: number;
}

/** Today's use of the daily quotas against the account's limits. */
export function quotaView(ctx: AppContext, account: AccountType = ctx.quota.account): QuotaView {
  const u = ctx.quota.usage();
  const limits = QUOTA_LIMITS[account];
  return {
    account,
    urlFetchToday: u.urlFetch,
    urlFetchLimit: limits.urlFetchPerDay,
    triggerMinutesToday: Math.round((u.triggerMs / 60_000) * 10) / 10,
    triggerMinutesLimit: limits.triggerMsPerDay / 60_000,
  };
}

/** Consumer or Workspace account. */
export const AccountInput = z.object({ account: z.enum(['consumer', 'workspace']) });

/** Save the account type (Workspace accounts get 5x the UrlFetch quota). */
export function saveAccountType(ctx: AppContext, input: unknown): QuotaView {
  const { account } = parseInput(AccountInput, input, 'the account type');
  ctx.userProps().setProperty(ACCOUNT_KEY, account);
  return quotaView(ctx, account);
}
