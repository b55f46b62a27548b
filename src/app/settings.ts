/** Settings RPCs: keys (masked), base URLs, and a connection test per provider. */
import * as z from 'zod/mini';
import type { Provider } from '../platform/http-types';
import { KeyStore, normaliseKey } from '../platform/keys';
import { JsonStore } from '../platform/store';
import { PROVIDERS, PROVIDER_IDS, providerOf } from '../platform/providers';
import { CreditMeter, DEFAULT_FORMULA_CAP, MAX_FORMULA_CAP } from '../functions/credits';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';

export const ProviderSchema = z.enum(PROVIDER_IDS);

export interface ProviderSettingsView {
  provider: Provider;
  /** How the sidebar names it ("OpenProspect"). */
  label: string;
  /** Masked key, or null when none is saved. */
  maskedKey: string | null;
  baseUrl: string;
  defaultBaseUrl: string;
}

/** The custom functions' credit switch, daily cap, and what formulas spent today. */
export interface FormulaSettingsView {
  spendCredits: boolean;
  dailyCap: number;
  usedToday: number;
}

export interface SettingsView {
  providers: ProviderSettingsView[];
  pollMinutes: number;
  formulas: FormulaSettingsView;
}

const PrefsSchema = z.object({
  baseUrls: z.optional(z.partialRecord(ProviderSchema, z.string())),
  pollMinutes: z.optional(z.number()),
  /** "Formulas may spend credits" (Openmart custom functions); off unless set. */
  formulaSpend: z.optional(z.boolean()),
  /** Daily credit cap for formulas. */
  formulaDailyCap: z.optional(z.number()),
});
export type Prefs = z.infer<typeof PrefsSchema>;
const PREFS_KEY = 'prefs';

/** User preferences (non-secret), in user properties. */
export function readPrefs(ctx: AppContext): Prefs {
  return new JsonStore(ctx.userProps()).get(PREFS_KEY, PrefsSchema) ?? {};
}

function writePrefs(ctx: AppContext, prefs: Prefs): void {
  new JsonStore(ctx.userProps()).set(PREFS_KEY, PrefsSchema, prefs);
}

/** The base URL in force for a provider (a staging URL the user set, or the default). */
export function baseUrlFor(ctx: AppContext, provider: Provider): string {
  return readPrefs(ctx).baseUrls?.[provider] ?? providerOf(provider).defaultBaseUrl;
}

/** What the Settings section shows. Keys are masked; a whole key never leaves the server. */
export function getSettings(ctx: AppContext): SettingsView {
  const keys = new KeyStore(ctx.userProps());
  const prefs = readPrefs(ctx);
  return {
    providers: PROVIDERS.map(({ name: provider, label, defaultBaseUrl }) => ({
      provider,
      label,
      maskedKey: keys.masked(provider),
      baseUrl: prefs.baseUrls?.[provider] ?? defaultBaseUrl,
      defaultBaseUrl,
    })),
    pollMinutes: prefs.pollMinutes ?? 15,
    formulas: { ...formulaSettingsOf(prefs), usedToday: formulaCreditsUsed(ctx) },
  };
}

function formulaSettingsOf(prefs: Prefs): Omit<FormulaSettingsView, 'usedToday'> {
  return { spendCredits: prefs.formulaSpend === true, dailyCap: prefs.formulaDailyCap ?? DEFAULT_FORMULA_CAP };
}

/** The owner's formula switch and cap (custom functions read the owner's user properties). */
export function formulaSettings(ctx: AppContext): { enabled: boolean; dailyCap: number } {
  const { spendCredits, dailyCap } = formulaSettingsOf(readPrefs(ctx));
  return { enabled: spendCredits, dailyCap };
}

function formulaCreditsUsed(ctx: AppContext): number {
  return new CreditMeter(ctx.docProps(), ctx.documentLock(), () => ctx.clock.now()).used();
}

export const SaveKeyInput = z.object({ provider: ProviderSchema, key: z.string() });

/** Save (or replace) a provider key in the user's properties. */
export function saveApiKey(ctx: AppContext, input: unknown): SettingsView {
  const { provider, key } = parseInput(SaveKeyInput, input, 'the key form');
  const n = normaliseKey(key);
  if ('error' in n) throw new UserInputError(n.error);
  new KeyStore(ctx.userProps()).set(provider, n.key);
  return getSettings(ctx);
}

export const RemoveKeyInput = z.object({ provider: ProviderSchema });

export function removeApiKey(ctx: AppContext, input: unknown): SettingsView {
  const { provider } = parseInput(RemoveKeyInput, input, 'the key form');
  new KeyStore(ctx.userProps()).remove(provider);
  return getSettings(ctx);
}

export const BaseUrlInput = z.object({ provider: ProviderSchema, baseUrl: z.string() });

/** Set a staging base URL (https only, no credentials in it); empty resets to the default. */
export function saveBaseUrl(ctx: AppContext, input: unknown): SettingsView {
  const { provider, baseUrl } = parseInput(BaseUrlInput, input, 'the base URL form');
  const prefs = readPrefs(ctx);
  const urls = { ...(prefs.baseUrls ?? {}) };
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  if (trimmed === '' || trimmed === providerOf(provider).defaultBaseUrl) {
    delete urls[provider];
  } else {
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?(\/[\w./-]*)?$/i.test(trimmed)) {
      throw new UserInputError('The base URL must start with https:// and contain only a host and a path.');
    }
    urls[provider] = trimmed;
  }
  writePrefs(ctx, { ...prefs, baseUrls: urls });
  return getSettings(ctx);
}

export const PollInput = z.object({ pollMinutes: z.number() });

/** How often the poller should run (5, 10, 15, 30 or 60 minutes; add-ons get hourly at best). */
export function savePollMinutes(ctx: AppContext, input: unknown): SettingsView {
  const { pollMinutes } = parseInput(PollInput, input, 'the poll frequency');
  if (![5, 10, 15, 30, 60].includes(pollMinutes)) throw new UserInputError('Choose 5, 10, 15, 30 or 60 minutes.');
  writePrefs(ctx, { ...readPrefs(ctx), pollMinutes });
  return getSettings(ctx);
}

export const FormulaInput = z.object({ spendCredits: z.boolean(), dailyCap: z.number() });

/** Turn "formulas may spend credits" on or off and set their daily cap (0 to 100,000 credits). */
export function saveFormulaSettings(ctx: AppContext, input: unknown): SettingsView {
  const { spendCredits, dailyCap } = parseInput(FormulaInput, input, 'the formula settings');
  if (!Number.isInteger(dailyCap) || dailyCap < 0 || dailyCap > MAX_FORMULA_CAP) {
    throw new UserInputError(`The daily cap must be a whole number of credits from 0 to ${MAX_FORMULA_CAP.toLocaleString('en-US')}.`);
  }
  writePrefs(ctx, { ...readPrefs(ctx), formulaSpend: spendCredits, formulaDailyCap: dailyCap });
  return getSettings(ctx);
}
