/**
 * The Jobs view world (issue 20): `finished` OpenProspect enrichments taken to DONE through the
 * bundle, plus one order left WAITING at the server; and the open Jobs view refreshing it.
 */
import { rpcOf } from './rpc';
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, type OpScenario } from './scenarios';

/** The sidebar's Jobs view polls every 20 s while it is open (sidebar/jobs-view.ts). */
export const JOBS_VIEW_REFRESH_MS = 20_000;

/** An add-on with `finished` DONE enrichments (2 rows each) and one WAITING one. */
export function givenFinishedJobs(finished: number, opts: Parameters<typeof givenOpenProspect>[0] = {}): OpScenario {
  const s = givenOpenProspect(opts);
  const rpc = rpcOf(s.addOn);
  const submit = (i: number): void => {
    givenCompanies(s.addOn, `Leads ${i}`, COMPANY_HEADER, companyRows(2, 2 * i));
    rpc('submitEnrichment', {
      source: { sheetName: `Leads ${i}` },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions(`List ${i}`),
    });
  };
  const settle = (): void => {
    for (let i = 0; i < 10 && rpc('listJobs').jobs.some((j) => j.open); i++) rpc('refreshJobs');
  };
  for (let i = 0; i < finished; i++) {
    submit(i);
    s.sim.advance(s.sim.orders()[i]!.id, 'COMPLETED');
    // A refresh of the Jobs view syncs them (an editor may have 25 open jobs at a time).
    if (i % 10 === 9) settle();
  }
  settle();
  submit(finished);
  return s;
}

/** Refresh the open Jobs view every 20 s for `ms` of virtual time; returns the refreshes made. */
export function keepJobsViewOpen(s: OpScenario, ms: number): number {
  let n = 0;
  const rpc = rpcOf(s.addOn);
  let stamp = rpc('listJobs').stamp;
  for (let t = 0; t < ms; t += JOBS_VIEW_REFRESH_MS, n++) {
    s.addOn.emulator.clock.advance(JOBS_VIEW_REFRESH_MS);
    // As the sidebar's timer calls it (sidebar/jobs-view.ts): null means nothing new since `stamp`.
    const view = rpc('refreshJobs', { auto: true, since: stamp });
    if (view) stamp = view.stamp;
  }
  return n;
}
