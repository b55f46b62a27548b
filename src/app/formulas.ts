/**
 * Custom functions' side of the app: builds the FormulaEnv from the Apps Script services and
 * turns any failure into the sentence the cell shows as #ERROR!.
 */
import { BUDGET, Deadline } from '../platform/clock';
import { ApiError } from '../platform/errors';
import { PROVIDER_NAMES } from '../platform/providers';
import type { Provider } from '../platform/http-types';
import { MissingKeyError } from '../platform/keys';
import { FormulaError } from '../functions/args';
import { CreditMeter } from '../functions/credits';
import type { FormulaEnv } from '../functions/env';
import { JobStore } from '../jobs/store';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { formulaSettings } from './settings';

/** The key message for formulas: they read the spreadsheet OWNER's settings (docs/PLATFORM.md). */
export function missingKeyMessage(provider: Provider): string {
  const who = PROVIDER_NAMES[provider];
  return `No ${who} API key is saved for this spreadsheet's owner. Formulas use the owner's key (Sheets runs custom functions with the owner's settings): the owner saves it in Extensions > Prospect Enrich > Open settings. Co-editors can use the sidebar instead, which uses their own key.`;
}

/** The environment of one custom function call (its 25-s budget starts now). */
export function formulaEnv(ctx: AppContext): FormulaEnv {
  const deadline = new Deadline(ctx.clock, BUDGET.customFunctionMs);
  const cache = ctx.documentCache();
  let settings: FormulaEnv['spending'] | undefined;
  let meter: CreditMeter | undefined;
  return {
    cache,
    sha256: ctx.sha256,
    deadline,
    http: (provider) => {
      try {
        return httpFor(ctx, provider, deadline);
      } catch (e) {
        if (e instanceof MissingKeyError) throw new FormulaError(missingKeyMessage(provider));
        throw e;
      }
    },
    get spending() {
      settings ??= formulaSettings(ctx);
      return settings;
    },
    get meter() {
      meter ??= new CreditMeter(ctx.docProps(), ctx.documentLock(), () => ctx.clock.now());
      return meter;
    },
    spreadsheet: ctx.spreadsheet,
    resultTabs: () =>
      new JobStore(ctx.docProps())
        .all()
        .reverse()
        .flatMap((j) => Object.values(j.tabs)),
  };
}

/** The message a formula shows for any failure. */
export function formulaMessage(e: unknown): string {
  if (e instanceof FormulaError) return e.message;
  if (e instanceof MissingKeyError) return missingKeyMessage(e.provider);
  if (e instanceof ApiError) return e.userMessage();
  return e instanceof Error ? e.message : String(e);
}
