/**
 * Checks before a scheduled run: the provider key is still saved, the source sheet still exists,
 * and the mapped columns are still found by their header text.
 */
import { PROVIDER_NAMES } from '../platform/providers';
import { KeyStore } from '../platform/keys';
import type { Job } from '../jobs/model';
import { OM_SEARCH_KIND, hasSearchBody } from '../jobs/openmart-search';
import type { JobSource } from '../jobs/handler';
import { resolveByHeader } from '../sheet/mapping-headers';
import { pinnedSheetName, readSource } from '../sheet/source';
import type { AppContext } from './context';
import { handlers } from './jobs';

/** Why a job cannot run now: its key is gone, its source sheet was deleted or renamed, or its search form is no longer kept. */
export function preflight(ctx: AppContext, job: Job): string | null {
  if (!new KeyStore(ctx.userProps()).get(job.provider))
    return `The ${PROVIDER_NAMES[job.provider]} key was removed; save it in Settings, then resume this schedule.`;
  const read = handlers()[job.kind]?.sourceOf?.(job);
  const sheet = read ? pinnedSheetName(read.source) : undefined;
  if (sheet !== undefined && ctx.spreadsheet().getSheetByName(sheet) === null)
    return `The source sheet "${sheet}" was deleted or renamed; resume the schedule once a sheet has that name again, or delete the schedule.`;
  if (job.kind === OM_SEARCH_KIND && !hasSearchBody(ctx.docProps(), job.id))
    return 'The search form of this job is no longer kept (finished searches keep it only while scheduled); run the search again from the sidebar and schedule the new job.';
  return read ? headersChanged(ctx, read) : null;
}

/** The sentence when a mapped header is gone from the source (jobs that keep headers), else null. */
function headersChanged(ctx: AppContext, data: JobSource): string | null {
  if (!data.mappingHeaders && !data.parameterHeaders) return null;
  let headers: string[];
  try {
    headers = readSource(ctx.spreadsheet(), data.source).headers;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  for (const [mapping, stored] of [
    [data.mapping ?? {}, data.mappingHeaders],
    [data.parameterColumns ?? {}, data.parameterHeaders],
  ] as const) {
    const r = resolveByHeader(mapping, stored, headers);
    if ('problem' in r) return r.problem;
  }
  return null;
}
