/** Openmart "enrich from a column": rows looked up by Openmart id, Google Place id or website. */
import * as z from 'zod/mini';
import { againOf } from './duplicates';
import { KeyStore } from '../platform/keys';
import { newJob } from '../jobs/model';
import { LANES, OM_ENRICH_KIND, lanesOf, PlannedLanes, type OmEnrichData } from '../jobs/openmart-enrich';
import { readOpenmartRows } from '../jobs/openmart-source';
import { writeIds, type RowsRead } from '../sheet/read-rows';
import { headersOf } from '../sheet/mapping-headers';
import { estimateEnrich } from '../providers/openmart/credits';
import { ENRICH_FIELDS } from '../providers/openmart/fields';
import { isRecord, numberOf, textOf, type Problem } from '../providers/openmart/form';
import { buildLocation } from '../providers/openmart/location';
import { LIMITS } from '../providers/openmart/schemas';
import type { Mapping } from '../sheet/headers';
import { freshTabName } from './result-tabs';
import type { AppContext } from './context';
import { MappingInput, SourceInput, UserInputError, parseInput, sourceLabel } from './input';
import { toView } from './job-view';
import { creditCheck, pinned, requireConfirmation, startOpenmartJob, type CreditCheck, type OpenmartSubmitResult } from './openmart';

export const EnrichInput = z.object({
  source: SourceInput,
  mapping: z.optional(MappingInput),
  options: z.optional(z.unknown()),
  confirmCredits: z.optional(z.boolean()),
});

export interface EnrichPreview extends CreditCheck {
  source: string;
  sheetName: string;
  headers: string[];
  mapping: Mapping;
  /** Rows per lane: by Openmart id, by Google Place id, by website / social link. */
  lanes: { openmart_id: number; google_place_id: number; website: number };
  /** Calls the job will make. */
  calls: number;
  validCount: number;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  idsToGenerate: number;
  /** Values Sheets changed (ids that lost leading zeros, `#ERROR!` phone cells). */
  hints: string[];
  problems: string[];
}

function enrichOptions(raw: unknown): { title: string; limit: number; location?: Record<string, unknown>; problems: Problem[] } {
  const o = isRecord(raw) ? raw : {};
  const problems: Problem[] = [];
  const title = textOf(o['title']) ?? '';
  if (title === '') problems.push({ field: 'title', message: 'Give the job a title (it names the result tab).' });
  const limit = numberOf(o['limit']) ?? 1;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.enrichLimitMax)
    problems.push({ field: 'limit', message: `Matches per website must be 1 to ${LIMITS.enrichLimitMax}.` });
  const out: { title: string; limit: number; location?: Record<string, unknown>; problems: Problem[] } = { title, limit, problems };
  // The same Location object as search (zip_code, long): blanks dropped, coordinates checked.
  const location = o['location'] === undefined || o['location'] === null ? undefined : buildLocation(o['location'], 0, problems);
  if (location) out.location = location;
  return out;
}

/** The rows of the enrich form, read once (ids previewed). */
function readEnrichRows(ctx: AppContext, input: z.infer<typeof EnrichInput>): RowsRead {
  return readOpenmartRows(ctx.spreadsheet(), input.source, { columns: input.mapping }, ENRICH_FIELDS);
}

/** The preview of rows read once (the same check for the preview and the submit), with the lanes. */
function enrichPreviewOf(ctx: AppContext, input: z.infer<typeof EnrichInput>, rows: RowsRead) {
  const { lanes, invalid: laneInvalid } = lanesOf(rows.records);
  const opts = enrichOptions(input.options);
  const invalid = [...rows.invalid, ...laneInvalid].sort((a, b) => a.rowNumber - b.rowNumber);
  const sizes = lanes.map((l) => l.length);
  const [om = 0, place = 0, web = 0] = sizes;
  const problems = opts.problems.map((p) => p.message);
  if (om + place + web === 0) problems.push('No row has an Openmart ID, a Google Place ID, a website or a social link to look up.');
  const preview: EnrichPreview = {
    source: sourceLabel(input.source),
    sheetName: rows.block.sheet.getName(),
    headers: rows.block.headers,
    mapping: rows.mapping,
    lanes: { openmart_id: om, google_place_id: place, website: web },
    calls: Math.ceil(om / LIMITS.recordIds) + Math.ceil(place / LIMITS.recordIds) + web,
    validCount: om + place + web,
    invalid: invalid.slice(0, 100),
    invalidCount: invalid.length,
    idsToGenerate: rows.idsToGenerate,
    hints: rows.hints,
    problems,
    ...creditCheck(ctx, estimateEnrich(om + place, web, opts.limit)),
  };
  return { preview, sizes, opts, lanes };
}

/** Read the rows, sort them by what they can be looked up by, estimate credits; nothing written or sent. */
export function previewOpenmartEnrich(ctx: AppContext, input: unknown): EnrichPreview {
  const parsed = parseInput(EnrichInput, input, 'the Openmart enrich form');
  return enrichPreviewOf(ctx, parsed, readEnrichRows(ctx, parsed)).preview;
}

/** Enrich rows from their Openmart id, Google Place id or website into `<title> - Businesses`, keyed by external_id. */
export function submitOpenmartEnrich(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  const parsed = parseInput(EnrichInput, input, 'the Openmart enrich form');
  new KeyStore(ctx.userProps()).require('openmart');
  // One read of the rows: checked as the preview checks them, then ids written back from it.
  const read = readEnrichRows(ctx, parsed);
  const check = enrichPreviewOf(ctx, parsed, read).preview;
  if (check.problems.length > 0) throw new UserInputError(check.problems.join(' '));
  requireConfirmation(check, parsed.confirmCredits);
  const source = pinned(parsed.source, read.block);
  const rows = writeIds(read);
  const { lanes } = lanesOf(rows.records);
  const sizes = lanes.map((l) => l.length);
  const opts = enrichOptions(parsed.options);
  const id = ctx.uuid();
  const mappingHeaders = headersOf(read.mapping, read.block.headers);
  const data: OmEnrichData = { source, mapping: read.mapping, mappingHeaders, limit: opts.limit, sizes, lane: 0, offset: 0 };
  if (opts.location) data.location = opts.location;
  const total = sizes.reduce((a, b) => a + b, 0);
  const tabName = freshTabName(ctx, `${opts.title} - Businesses`);
  const job = newJob({ id, provider: 'openmart', kind: OM_ENRICH_KIND, title: opts.title, now: ctx.clock.now(), tabs: { businesses: tabName }, data, total });
  job.counts = {
    rows: total,
    invalidRows: check.invalidCount,
    idsGenerated: rows.idsGenerated,
    ...Object.fromEntries(LANES.map((l, i) => [`${l}Rows`, sizes[i] ?? 0])),
  };
  const started = startOpenmartJob(ctx, job, true, { rows: rows.records, again: againOf(input) }, new PlannedLanes(lanes));
  return {
    job: toView(started.job),
    invalid: check.invalid,
    invalidCount: check.invalidCount,
    idsGenerated: rows.idsGenerated,
    estimate: check.estimate,
    notice: started.notice,
  };
}
