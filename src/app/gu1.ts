/**
 * gu1 from the sidebar: a preview with the cost estimate, and the submit that creates a run job
 * and sends its first waves inside this execution's budget (settings: gu1-settings.ts; retry of
 * failed rows: gu1-retry.ts).
 */
import { againOf } from './duplicates';
import { GU1_UNIT } from '../providers/gu1/costs';
import * as z from 'zod/mini';
import { KeyStore } from '../platform/keys';
import { newJob, type Job } from '../jobs/model';
import { GU1_RUN_KIND, type Gu1RunData } from '../jobs/gu1-run-data';
import { type CostEstimate, estimateCost, expandCodes, type KnownCosts, readKnownCosts } from '../providers/gu1/costs';
import { parameterNameProblem } from '../providers/gu1/fields';
import { checkRunOptions, formatUnits, type RunOptions, toCents } from '../providers/gu1/options';
import { readGu1Rows, type Gu1Rows } from '../jobs/gu1-source';
import { PlannedRecords } from '../jobs/gu1-run';
import { GU1_COLUMNS, GU1_KEY_COLUMNS } from '../providers/gu1/result-rows';
import { EXTERNAL_ID_KEY, type Mapping } from '../sheet/headers';
import { headersOf } from '../sheet/mapping-headers';
import { isOurTab, openResultTab } from '../sheet/result-tab';
import { freshTabName } from './result-tabs';
import { pinSource, type Source } from '../sheet/source';
import type { AppContext } from './context';
import { removeTabWithoutResults } from './sheets';
import { MappingInput, SourceInput, UserInputError, parseInput, sourceLabel } from './input';
import { startJob } from './job-start';
import { toView, type JobView } from './job-view';

const OptionsInput = z.object({
  title: z.optional(z.string()),
  integrationCodes: z.optional(z.array(z.string())),
  enrichmentGroupRefs: z.optional(z.array(z.string())),
  forceRefresh: z.optional(z.boolean()),
  /** Currency units (cents / 100); null or absent: no cap. */
  costCap: z.optional(z.nullable(z.number())),
  waveSize: z.optional(z.number()),
  /** Upsert into this existing results tab (a re-run) instead of a new one. */
  intoTab: z.optional(z.string()),
});
type OptionsInputType = z.infer<typeof OptionsInput>;
export const PreviewInput = z.object({
  source: SourceInput,
  mapping: z.optional(MappingInput),
  parameterColumns: z.optional(MappingInput),
  options: z.optional(OptionsInput),
});
export const SubmitInput = z.object({
  source: SourceInput,
  mapping: MappingInput,
  parameterColumns: z.optional(MappingInput),
  options: OptionsInput,
  confirmed: z.optional(z.boolean()),
});

import { readSettings } from './gu1-settings';
/** The preview: rows, codes, the estimate, every invalid row with its reason. Nothing is sent. */
export interface Gu1Preview {
  source: string;
  sheetName: string;
  headers: string[];
  mapping: Mapping;
  parameterColumns: Record<string, number>;
  /** The first rows as they would be sent. */
  rows: Array<{ rowNumber: number; externalId: string; parameters: Record<string, string> }>;
  validCount: number;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  emptyRows: number;
  integrationCodes: string[];
  enrichmentGroupRefs: string[];
  /** rows x codes x last known price; `total` is `unknown` while a price or a group was never seen. */
  estimate: CostEstimate;
  confirmAbove: number | null;
  /** The estimate is unknown, or above the threshold: submit needs `confirmed: true`. */
  needsConfirmation: boolean;
  /** Values Sheets changed (ids that lost leading zeros, `#ERROR!` phone cells). */
  hints: string[];
  problems: string[];
}

interface Checked {
  preview: Gu1Preview;
  read: Gu1Rows;
  options: RunOptions | null;
  known: KnownCosts;
}

function columnProblems(block: Source, mapping: Mapping, parameterColumns: Record<string, number>): string[] {
  const width = block.values.reduce((w, r) => Math.max(w, r.length), 0);
  const problems: string[] = [];
  const idCol = mapping[EXTERNAL_ID_KEY];
  if (idCol === undefined)
    problems.push("Map the column that holds each row's gu1 external_id: gu1 finds entities by the id you already use, so the add-on never makes one up.");
  for (const [name, col] of Object.entries({ ...mapping, ...parameterColumns })) {
    if (!Number.isInteger(col) || col < 0 || col >= width) problems.push(`The column chosen for ${name} is outside the source (it has ${width} columns).`);
  }
  for (const [name, col] of Object.entries(parameterColumns)) {
    const p = parameterNameProblem(name);
    if (p) problems.push(p);
    if (col === idCol) problems.push(`The external_id column cannot also be the parameter ${name}.`);
  }
  return problems;
}

function check(
  ctx: AppContext,
  source: z.infer<typeof SourceInput>,
  givenMapping: Mapping | undefined,
  parameterColumns: Record<string, number>,
  rawOptions: OptionsInputType | undefined,
): Checked {
  const read = readGu1Rows(ctx.spreadsheet(), source, { mapping: givenMapping, parameterColumns });
  const mapping = read.mapping;
  const problems = columnProblems(read.read.block, mapping, parameterColumns);
  let options: RunOptions | null = null;
  if (rawOptions !== undefined) {
    const checked = checkRunOptions(rawOptions);
    if (checked.ok) options = checked.options;
    else problems.push(...checked.problems);
  }
  const known = readKnownCosts(ctx.docProps());
  const codes = options?.integrationCodes ?? [];
  const refs = options?.enrichmentGroupRefs ?? [];
  const estimate = estimateCost(read.records.length, codes, refs, known);
  const threshold = readSettings(ctx).confirmAboveCents;
  // An unknown price always asks (whatever the threshold): gu1 would bill before the add-on learns it.
  const needsConfirmation = estimate.totalCents === null || (threshold !== null && estimate.totalCents > threshold);
  const preview: Gu1Preview = {
    source: sourceLabel(source),
    sheetName: read.read.block.sheet.getName(),
    headers: read.read.block.headers,
    mapping,
    parameterColumns,
    rows: read.records.slice(0, 5),
    validCount: read.records.length,
    invalid: read.invalid.slice(0, 100),
    invalidCount: read.invalid.length,
    emptyRows: read.emptyRows,
    hints: read.read.hints,
    integrationCodes: codes,
    enrichmentGroupRefs: refs,
    estimate,
    confirmAbove: threshold === null ? null : threshold / 100,
    needsConfirmation,
    problems,
  };
  return { preview, read, options, known };
}

/** What has no price yet: "ar_afip_enrichment, group kyb-basic". */
function unpricedText(e: CostEstimate): string {
  const parts = [...e.codes.filter((c) => c.costCents === null).map((c) => c.code), ...e.unknownGroups.map((g) => `group ${g}`)];
  return parts.length > 0 ? parts.join(', ') : 'these integrations';
}

/** Read the source, guess (or apply) the mapping, check every row and estimate the cost. */
export function previewGu1(ctx: AppContext, input: unknown): Gu1Preview {
  const { source, mapping, parameterColumns, options } = parseInput(PreviewInput, input, 'the gu1 source');
  return check(ctx, source, mapping, parameterColumns ?? {}, options).preview;
}

// ---- Submit --------------------------------------------------------------------------------

/** What the submit returns. */
export interface Gu1SubmitResult {
  job: JobView;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  estimate: CostEstimate;
  notice: string | null;
}

function resultTabName(ctx: AppContext, options: OptionsInputType, title: string): string {
  const ss = ctx.spreadsheet();
  const into = options.intoTab?.trim();
  if (!into) return freshTabName(ctx, `${title} - gu1`);
  const target = ss.getSheetByName(into);
  if (target === null) throw new UserInputError(`There is no tab named "${into}" to write the results into.`);
  if (!isOurTab(target))
    throw new UserInputError(
      `The tab "${into}" was not made by Prospect Enrich, so the add-on does not write into it; pick a gu1 result tab, or leave the field empty for a new tab.`,
    );
  // Refuses (with a sentence) a tab without the external_id and integration_code columns.
  openResultTab(ss, { tabName: into, keyColumns: GU1_KEY_COLUMNS, columns: [...GU1_COLUMNS] });
  return into;
}

export function refusedBeforeAnything(job: Job): boolean {
  const c = job.counts;
  return job.state === 'FAILED' && (c['rowsDone'] ?? 0) + (c['rowsFailed'] ?? 0) + (c['rowsNotFound'] ?? 0) === 0 && (c['costCents'] ?? 0) === 0;
}

/** The prices and group expansions the run's codes need (the cap works from these). */
function knownForRun(known: KnownCosts, options: RunOptions): KnownCosts {
  const groups: Record<string, string[]> = {};
  for (const ref of options.enrichmentGroupRefs) {
    const g = known.groups[ref];
    if (g) groups[ref] = g;
  }
  const costs: Record<string, number> = {};
  for (const code of expandCodes(options.integrationCodes, options.enrichmentGroupRefs, known).codes) {
    const c = known.costs[code];
    if (c !== undefined) costs[code] = c;
  }
  return { costs, groups };
}

/**
 * Check everything first (nothing is sent when the rows, the options or the confirmation are
 * missing), create the run job, make sure the trigger exists (so a run killed now still
 * continues), then send the first waves within this execution's budget.
 */
export function submitGu1(ctx: AppContext, input: unknown): Gu1SubmitResult {
  const { source, mapping, parameterColumns, options: rawOptions, confirmed } = parseInput(SubmitInput, input, 'the gu1 form');
  new KeyStore(ctx.userProps()).require('gu1');
  const { preview, read, options, known } = check(ctx, source, mapping, parameterColumns ?? {}, rawOptions);
  if (preview.problems.length > 0 || options === null) throw new UserInputError(preview.problems.join(' '));
  if (preview.validCount === 0 && preview.invalidCount === 0) throw new UserInputError('There are no rows to send.');
  if (preview.validCount === 0)
    throw new UserInputError('None of the rows can be sent: every row needs its gu1 external_id. Fix the rows listed in the preview and try again.');
  if (preview.needsConfirmation && confirmed !== true) {
    if (preview.estimate.totalCents === null)
      throw new UserInputError(
        `The cost is unknown: gu1 has not priced ${unpricedText(preview.estimate)} for you yet, and bills each row it enriches. Confirm to send (the cost cap, if you set one, still holds).`,
      );
    throw new UserInputError(
      `The estimated cost is ${preview.estimate.total} ${GU1_UNIT}, above your confirmation threshold of ${formatUnits(toCents(preview.confirmAbove ?? 0))}. Confirm to send.`,
    );
  }
  const tabName = resultTabName(ctx, rawOptions, options.title);
  const runKnown = knownForRun(known, options);
  const data: Gu1RunData = {
    source: typeof source === 'string' ? pinSource(read.read.block) : source,
    mapping: preview.mapping,
    parameterColumns: parameterColumns ?? {},
    mappingHeaders: headersOf(preview.mapping, read.read.block.headers),
    parameterHeaders: headersOf(parameterColumns ?? {}, read.read.block.headers),
    integrationCodes: options.integrationCodes,
    enrichmentGroupRefs: options.enrichmentGroupRefs,
    forceRefresh: options.forceRefresh,
    costCapCents: options.costCapCents,
    waveSize: options.waveSize,
    // No size given: the waves adapt to gu1's answers (issue 16); a given size stays fixed.
    ...(rawOptions?.waveSize === undefined ? { adaptive: true } : {}),
    cursor: 0,
    doneAhead: [],
    inflight: [],
    spentCents: 0,
    maybeBilledCents: 0,
    costs: runKnown.costs,
    groups: runKnown.groups,
  };
  const first = read.records[0];
  if (first) data.cursorId = first.externalId;
  const job = newJob({
    id: ctx.uuid(),
    provider: 'gu1',
    kind: GU1_RUN_KIND,
    title: options.title,
    now: ctx.clock.now(),
    tabs: { results: tabName },
    data,
    total: read.records.length,
  });
  job.counts = { rows: read.records.length, invalidRows: read.invalid.length, rowsDone: 0, rowsFailed: 0, rowsNotFound: 0, costCents: 0, resends: 0 };
  const { job: latest, notice } = startJob(ctx, job, {
    repeat: { rows: [read.records, options.integrationCodes, options.enrichmentGroupRefs, options.forceRefresh], again: againOf(input) },
    // Refused before a row was written or a cent billed (key, balance, a code).
    refused: refusedBeforeAnything,
    cleanup: () => {
      if (rawOptions.intoTab === undefined) removeTabWithoutResults(ctx, tabName);
    },
    prepared: new PlannedRecords(read.records),
  });
  return { job: toView(latest), invalid: preview.invalid, invalidCount: preview.invalidCount, estimate: preview.estimate, notice };
}
