/**
 * The one way a job opens a result tab: by the name it recorded for a role, never writing a tab
 * the add-on did not create (see sheet/tab-names.ts). When the user holds that name, the tab made
 * instead (never a name an open job holds) is recorded in the job, so the sidebar links to it and
 * later runs write it.
 */
import { openResultTab, type ResultTab, type ResultTabSpec } from '../sheet/result-tab';
import type { JobEnv } from './handler';
import { isOpen, type Job } from './model';
import { JobStore } from './store';

/** Open the job's tab for `role` (`fallback` when the job recorded none) and record its real name. */
export function openJobTab(
  env: Pick<JobEnv, 'spreadsheet' | 'docProps'>,
  job: Job,
  role: string,
  fallback: string,
  spec: Omit<ResultTabSpec, 'tabName' | 'owner' | 'reserved'>,
): ResultTab {
  const reserved = (): string[] =>
    new JobStore(env.docProps)
      .all()
      .filter((j) => isOpen(j) && j.id !== job.id)
      .flatMap((j) => Object.values(j.tabs));
  // A job of a version before tab marks (no tabsMarked) keeps writing the tabs it made then.
  const legacy = job.tabsMarked !== true && job.tabs[role] !== undefined;
  const tab = openResultTab(env.spreadsheet, { ...spec, tabName: job.tabs[role] ?? fallback, owner: job.id, reserved, legacy });
  job.tabs[role] = tab.sheet.getName();
  return tab;
}
