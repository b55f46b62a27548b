/** gu1 settings: the user's integration code list, the confirmation threshold, learnt prices. */
import * as z from 'zod/mini';
import { JsonStore } from '../platform/store';
import { forgetCosts, type KnownCosts, readKnownCosts } from '../providers/gu1/costs';
import { GU1_FIELDS } from '../providers/gu1/fields';
import { cleanList, DEFAULT_WAVE_SIZE, formatUnits, MAX_WAVE_SIZE, toCents } from '../providers/gu1/options';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';

const SETTINGS_KEY = 'gu1.settings';
const SettingsSchema = z.object({ integrationCodes: z.array(z.string()), confirmAboveCents: z.nullable(z.number()) });
type Settings = z.infer<typeof SettingsSchema>;

export function readSettings(ctx: AppContext): Settings {
  return new JsonStore(ctx.userProps()).get(SETTINGS_KEY, SettingsSchema) ?? { integrationCodes: [], confirmAboveCents: null };
}

/** What the gu1 settings and form show. */
export interface Gu1SettingsView {
  /** The user's own list of integration codes to pick from. */
  integrationCodes: string[];
  /** Above this estimate (currency units) a run needs an explicit confirmation; null: never. */
  confirmAbove: number | null;
  /** Last known price per code, learnt from earlier answers in this document. */
  knownCosts: Array<{ code: string; costCents: number; cost: string }>;
  /** Codes each group expanded to, as last seen. */
  knownGroups: Array<{ ref: string; codes: string[] }>;
  fields: Array<{ key: string; label: string; required: boolean }>;
  defaultWaveSize: number;
  maxWaveSize: number;
}

function knownView(known: KnownCosts): Pick<Gu1SettingsView, 'knownCosts' | 'knownGroups'> {
  return {
    knownCosts: Object.entries(known.costs)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([code, costCents]) => ({ code, costCents, cost: formatUnits(costCents) })),
    knownGroups: Object.entries(known.groups).map(([ref, codes]) => ({ ref, codes })),
  };
}

/** The gu1 settings. */
export function getGu1Settings(ctx: AppContext): Gu1SettingsView {
  const s = readSettings(ctx);
  return {
    integrationCodes: s.integrationCodes,
    confirmAbove: s.confirmAboveCents === null ? null : s.confirmAboveCents / 100,
    ...knownView(readKnownCosts(ctx.docProps())),
    fields: GU1_FIELDS.map((f) => ({ key: f.key, label: f.label, required: f.required === true })),
    defaultWaveSize: DEFAULT_WAVE_SIZE,
    maxWaveSize: MAX_WAVE_SIZE,
  };
}

export const SaveSettingsInput = z.object({
  integrationCodes: z.optional(z.array(z.string())),
  confirmAbove: z.optional(z.nullable(z.number())),
  forgetCosts: z.optional(z.boolean()),
});

/** Save the code list and/or the threshold; `forgetCosts` clears the learnt prices. */
export function saveGu1Settings(ctx: AppContext, input: unknown): Gu1SettingsView {
  const given = parseInput(SaveSettingsInput, input, 'the gu1 settings');
  const s = readSettings(ctx);
  const problems: string[] = [];
  if (given.integrationCodes !== undefined) s.integrationCodes = cleanList(given.integrationCodes, 'integration code', problems);
  if (given.confirmAbove !== undefined) {
    if (given.confirmAbove !== null && (!Number.isFinite(given.confirmAbove) || given.confirmAbove < 0))
      problems.push('The confirmation threshold must be 0 or more (or empty to never ask).');
    else s.confirmAboveCents = given.confirmAbove === null ? null : toCents(given.confirmAbove);
  }
  if (problems.length > 0) throw new UserInputError(problems.join(' '));
  new JsonStore(ctx.userProps()).set(SETTINGS_KEY, SettingsSchema, s);
  if (given.forgetCosts === true) forgetCosts(ctx.docProps());
  return getGu1Settings(ctx);
}

// ---- Preview -------------------------------------------------------------------------------
