/** Sidebar surface, gu1 section: settings, preview, submit, retry of failed rows. */
import type * as C from '../app/contract';
import * as gu1 from '../app/gu1';
import * as gu1Retry from '../app/gu1-retry';
import * as gu1Settings from '../app/gu1-settings';
import * as gu1Codes from '../app/gu1-codes';
import { rpc } from './run';

/** Sidebar RPC: gu1 settings (the user's integration code list, the confirmation threshold, last known prices). */
export function getGu1Settings(): C.Gu1SettingsView {
  return rpc((ctx) => gu1Settings.getGu1Settings(ctx));
}

/** Sidebar RPC: save the gu1 code list and/or confirmation threshold (currency units); `forgetCosts` clears learnt prices. */
export function saveGu1Settings(input: C.Gu1SettingsInput): C.Gu1SettingsView {
  return rpc((ctx) => gu1Settings.saveGu1Settings(ctx, input));
}

/** Sidebar RPC: the integration codes the gu1 form offers (used, group refs, seen in answers). */
export function getGu1CodeChoices(): C.Gu1CodeChoices {
  return rpc((ctx) => gu1Codes.gu1CodeChoices(ctx));
}

/** Sidebar RPC: read a sheet or selection for gu1, check every row's external_id and estimate the cost (nothing sent). */
export function previewGu1(input: C.Gu1PreviewInput): C.Gu1Preview {
  return rpc((ctx) => gu1.previewGu1(ctx, input));
}

/** Sidebar RPC: start a gu1 enrichment run (a job) and send its first waves within this execution. */
export function submitGu1(input: C.Gu1SubmitInput): C.Gu1SubmitResult {
  return rpc((ctx) => gu1.submitGu1(ctx, input));
}

/** Sidebar RPC: send again, into the same tab, the rows of a finished gu1 run that did not succeed. */
export function retryGu1FailedRows(input: C.JobIdInput): C.Gu1SubmitResult {
  return rpc((ctx) => gu1Retry.retryGu1FailedRows(ctx, input));
}
