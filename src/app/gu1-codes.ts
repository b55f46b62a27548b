/** The integration codes the gu1 form offers: saved, used in this spreadsheet's runs, group refs, seen in answers. */
import { GU1_RUN, GU1_RUN_KIND } from '../jobs/gu1-run-data';
import { readableData } from '../jobs/kind';
import { JobStore } from '../jobs/store';
import { codeChoices, type CodeChoices } from '../providers/gu1/codes';
import { readKnownCosts } from '../providers/gu1/costs';
import type { AppContext } from './context';
import { getGu1Settings } from './gu1-settings';

/** The three lists of the code picker. */
export function gu1CodeChoices(ctx: AppContext): CodeChoices {
  const runs = new JobStore(ctx.docProps())
    .all()
    .filter((j) => j.kind === GU1_RUN_KIND)
    .map((j) => readableData(j, GU1_RUN))
    .filter((d) => d !== undefined)
    .map((d) => ({ codes: d.integrationCodes, refs: d.enrichmentGroupRefs }));
  return codeChoices(getGu1Settings(ctx).integrationCodes, runs, readKnownCosts(ctx.docProps()));
}
