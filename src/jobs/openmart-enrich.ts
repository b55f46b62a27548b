/**
 * Openmart "enrich from a column": each source row goes by the first id it has: an Openmart id
 * or a Google Place id -> the records routes (100 ids per call), else a website or social link
 * -> `enrich_company` (one call per row). Calls go out in fetchAll waves; results land in
 * `<title> - Businesses` keyed by the row's external_id + match number. The job keeps a lane
 * and an offset, never the rows: each run reads the source again.
 */
import * as z from 'zod/mini';
import { isOutcomeUnknown } from '../platform/billing';
import { ApiError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import type { ApiRequest } from '../platform/http-types';
import { enrichCompanyRequest, readEnrichCompany } from '../providers/openmart/enrich-company';
import { isOutOfCredits } from '../providers/openmart/errors';
import { ENRICH_FIELDS } from '../providers/openmart/fields';
import { barePlaceId, isOpenmartId, readRecords, recordsRequest } from '../providers/openmart/records';
import { ENRICH_COLUMNS, ENRICH_KEY, ROW_STATUS, enrichRows, type Row } from '../providers/openmart/result-rows';
import { LIMITS } from '../providers/openmart/schemas';
import type { SheetRecord } from '../sheet/records';
import { openJobTab } from './job-tabs';
import type { JobEnv } from './handler';
import { defineJobKind, type JobKind, type KindData } from './kind';
import { note, transition, warn, type Job } from './model';
import { PinnedSourceSchema } from '../sheet/source';
import { runRows } from './openmart-source';
import { stopOn } from './openmart-stop';

export const OM_ENRICH_KIND = 'openmart.enrich';
export const LANES = ['openmart_id', 'google_place_id', 'website'] as const;
export type Lane = (typeof LANES)[number];

export const OmEnrichDataSchema = z.object({
  source: PinnedSourceSchema,
  mapping: z.record(z.string(), z.number()),
  /** The header text of each mapped column when submitted: a run finds moved columns by it. */
  mappingHeaders: z.optional(z.record(z.string(), z.string())),
  /** enrich_company matches per row (1-50) and an optional location filter. */
  limit: z.number(),
  location: z.optional(z.record(z.string(), z.unknown())),
  /** Rows per lane when submitted (a changed sheet is noticed). */
  sizes: z.array(z.number()),
  lane: z.number(),
  offset: z.number(),
});
export type OmEnrichData = z.infer<typeof OmEnrichDataSchema>;

/** The kind's data, read with `dataOf(job, OM_ENRICH)`. */
export const OM_ENRICH: KindData<OmEnrichData> = { kind: OM_ENRICH_KIND, schema: OmEnrichDataSchema };

const WAVE = 20;
const RESERVE_MS = 30_000;

/** One row of the source, sorted into its lane. */
export interface LaneRow {
  rowNumber: number;
  externalId: string;
  /** The id sent (records lanes) or the website / social link (enrich lane). */
  value: string;
  social?: boolean;
}

/** Sort records into lanes; rows with nothing usable are returned as invalid. */
export function lanesOf(records: readonly SheetRecord[]): { lanes: LaneRow[][]; invalid: Array<{ rowNumber: number; reasons: string[] }> } {
  const lanes: LaneRow[][] = [[], [], []];
  const invalid: Array<{ rowNumber: number; reasons: string[] }> = [];
  for (const r of records) {
    const v = r.values;
    const externalId = v['external_id'];
    if (!externalId) {
      invalid.push({ rowNumber: r.rowNumber, reasons: [`Row ${r.rowNumber}: external_id is empty`] });
      continue;
    }
    const om = v['openmart_id'];
    if (om && isOpenmartId(om)) lanes[0]?.push({ rowNumber: r.rowNumber, externalId, value: om.trim() });
    else if (v['google_place_id']) lanes[1]?.push({ rowNumber: r.rowNumber, externalId, value: barePlaceId(v['google_place_id']) });
    else if (v['website']) lanes[2]?.push({ rowNumber: r.rowNumber, externalId, value: v['website'] });
    else if (v['social_media_link']) lanes[2]?.push({ rowNumber: r.rowNumber, externalId, value: v['social_media_link'], social: true });
    else {
      const why = om
        ? `Openmart ID "${om.slice(0, 40)}" is not a UUID, and there is no Place ID or website`
        : 'has no Openmart ID, Google Place ID, website or social link';
      invalid.push({ rowNumber: r.rowNumber, reasons: [`Row ${r.rowNumber}: ${why}`] });
    }
  }
  return { lanes, invalid };
}

/** The calls of one step from `offset` in `lane`, and the rows each covers. */
function step(data: OmEnrichData, lane: number, rows: LaneRow[]): Array<{ req: ApiRequest; rows: LaneRow[] }> {
  const out: Array<{ req: ApiRequest; rows: LaneRow[] }> = [];
  let at = data.offset;
  while (at < rows.length && out.length < WAVE) {
    if (lane < 2) {
      const part = rows.slice(at, at + LIMITS.recordIds);
      out.push({
        req: recordsRequest(
          LANES[lane] as 'openmart_id' | 'google_place_id',
          part.map((r) => r.value),
        ),
        rows: part,
      });
      at += part.length;
    } else {
      const r = rows[at] as LaneRow;
      const target = r.social ? { social_media_link: r.value } : { website: r.value };
      out.push({ req: enrichCompanyRequest(target, { limit: data.limit, location: data.location }), rows: [r] });
      at += 1;
    }
  }
  return out;
}

function progress(job: Job, data: OmEnrichData): Job {
  const total = data.sizes.reduce((a, b) => a + b, 0);
  const done = data.sizes.slice(0, data.lane).reduce((a, b) => a + b, 0) + (data.lane < data.sizes.length ? data.offset : 0);
  return { ...job, data, counts: { ...job.counts, rowsDone: done }, progress: { done: Math.min(done, total), total } };
}

const UNKNOWN_LOOKUP =
  "Looked up, outcome unknown: Openmart's answer was lost or was a gateway error (these come after the work is done). Never looked up again by itself; run these rows again only if they have no results (it may bill them twice).";

/** The lanes a submit planned (JobEnv.prepared): its first advance reads no rows. */
export class PlannedLanes {
  constructor(readonly lanes: LaneRow[][]) {}
}

/** The rows per lane: the submit's plan in its own execution, else read again (moved columns found by header). */
function lanesFor(job: Job, data: OmEnrichData, env: JobEnv): LaneRow[][] {
  const prepared = env.prepared;
  if (prepared?.jobId === job.id && prepared.plan instanceof PlannedLanes) return prepared.plan.lanes;
  return lanesOf(runRows(env.spreadsheet, data.source, { columns: data.mapping, headers: data.mappingHeaders }, ENRICH_FIELDS).records).lanes;
}

/** The enrich job kind (no side records: the job keeps a lane and an offset). */
export function openmartEnrichHandler(): JobKind<OmEnrichData> {
  return defineJobKind({
    ...OM_ENRICH,
    source: ({ source, mapping, mappingHeaders }) => ({ source, mapping, mappingHeaders }),
    advance(job, stored, env) {
      let data = stored;
      const lanes = lanesFor(job, data, env);
      if (lanes.some((l, i) => l.length !== data.sizes[i])) {
        const why = 'The source rows changed since this job was submitted (rows added, removed or their ids changed); start it again from the sidebar.';
        return transition({ ...job, lastError: why }, 'FAILED', env.clock.now(), why);
      }
      const http = env.http('openmart');
      const tab = openJobTab(env, job, 'businesses', `${job.title} - Businesses`, { keyColumns: ENRICH_KEY, columns: ENRICH_COLUMNS });
      job = transition(job, 'FETCHING', env.clock.now());
      while (data.lane < LANES.length) {
        const rows = lanes[data.lane] ?? [];
        if (data.offset >= rows.length) {
          data = { ...data, lane: data.lane + 1, offset: 0 };
          continue;
        }
        if (env.deadline.nearlyOver(RESERVE_MS)) return progress(job, data);
        const calls = step(data, data.lane, rows);
        const answers = http.requestAll<unknown>(
          calls.map((c) => c.req),
          { waveSize: WAVE },
        );
        const out: Row[] = [];
        let covered = 0;
        let unknown = 0;
        let failure: unknown;
        for (let k = 0; k < calls.length; k++) {
          const call = calls[k] as (typeof calls)[number];
          const a = answers[k];
          try {
            if (a === undefined) throw new NotSentError('openmart');
            if (data.lane < 2) {
              const found = readRecords(a, LANES[data.lane] as 'openmart_id' | 'google_place_id');
              for (const r of call.rows) {
                const content = found[r.value];
                out.push(...enrichRows(r.externalId, content ? [{ id: String(content['store_id'] ?? r.value), content }] : []));
              }
            } else {
              const matches = readEnrichCompany(a);
              out.push(
                ...enrichRows(
                  call.rows[0]?.externalId ?? '',
                  matches.map((m) => ({ id: m.id, content: m.content, score: m.match_score, highlights: m.match_highlights })),
                ),
              );
            }
          } catch (e) {
            if (isOutcomeUnknown(e)) {
              // Openmart may have looked these rows up and billed them: never sent again by itself.
              for (const r of call.rows) out.push({ external_id: r.externalId, match: 0, status: ROW_STATUS.unknown, reason: UNKNOWN_LOOKUP });
              unknown += call.rows.length;
              covered += call.rows.length;
              continue;
            }
            const bad = e instanceof ApiError && !isOutOfCredits(e) && e.status >= 400 && e.status < 500 && e.status !== 429 && data.lane === 2;
            if (!bad) {
              failure = e;
              break;
            }
            // One website Openmart refuses is that row's problem, not the job's.
            const r = call.rows[0] as LaneRow;
            out.push({ external_id: r.externalId, match: 0, status: ROW_STATUS.rejected, reason: (e as ApiError).userMessage() });
          }
          covered += call.rows.length;
        }
        tab.upsert(out);
        data = { ...data, offset: data.offset + covered };
        job = progress(job, data);
        if (unknown > 0)
          job = warn(
            { ...job, counts: { ...job.counts, unknownRows: (job.counts['unknownRows'] ?? 0) + unknown } },
            `${(job.counts['unknownRows'] ?? 0) + unknown} row(s): looked up, outcome unknown (Openmart's answer was lost or was a gateway error). Run them again only if they have no results: it may bill them twice.`,
          );
        if (covered > 0) job = note(job, env.clock.now(), `${covered} row(s) looked up`);
        env.checkpoint(job);
        if (failure !== undefined)
          return stopOn(job, failure, env.clock.now(), `The results of the ${job.progress.done} row(s) looked up before are in the tab.`);
      }
      return transition(progress(job, data), 'DONE', env.clock.now(), `${job.progress.total} row(s) looked up`);
    },
  });
}
