/**
 * Names for a new job's result tabs: never a tab that exists, nor one an open job will write
 * (two jobs titled "Q1" started before the first completes get "Q1 - Companies" and
 * "Q1 - Companies (2)").
 */
import { JobStore } from '../jobs/store';
import { uniqueTabName } from '../sheet/result-tab';
import type { AppContext } from './context';

/** The tab names open jobs of this document hold. */
export function reservedTabNames(ctx: AppContext): string[] {
  return new JobStore(ctx.docProps()).open().flatMap((j) => Object.values(j.tabs));
}

/** A fresh tab name from `base`, avoiding existing tabs, open jobs' tabs and `also`. */
export function freshTabName(ctx: AppContext, base: string, also: readonly string[] = []): string {
  return uniqueTabName(ctx.spreadsheet(), base, [...reservedTabNames(ctx), ...also]);
}
