/** Sidebar surface, Openmart section: batches from rows, search, brand search, enrich, credits, deny rules. */
import type * as C from '../app/contract';
import * as om from '../app/openmart';
import * as omAccount from '../app/openmart-account';
import * as omBatches from '../app/openmart-batches';
import * as omEnrich from '../app/openmart-enrich';
import * as omSearch from '../app/openmart-search';
import { rpc } from './run';

/** Sidebar RPC: the Openmart flows (batch routes with their columns, enrich columns), limits and the credit threshold. */
export function getOpenmartFormInfo(): C.OpenmartFormInfo {
  return rpc((ctx) => om.openmartFormInfo(ctx));
}

/** Sidebar RPC: check rows for an Openmart batch (find_people, find_tech, lookup_business_email, lookup_people) and estimate credits; nothing sent. */
export function previewOpenmartBatch(input: C.OpenmartBatchInput): C.BatchPreview {
  return rpc((ctx) => omBatches.previewOpenmartBatch(ctx, input));
}

/** Sidebar RPC: submit an Openmart batch job from rows (batches of 100, tracking_id = external_id); `confirmCredits` above the threshold. */
export function submitOpenmartBatch(input: C.OpenmartBatchInput): C.OpenmartSubmitResult {
  return rpc((ctx) => omBatches.submitOpenmartBatch(ctx, input));
}

/** Sidebar RPC: resubmit rows marked "submitted, outcome unknown" (may bill twice) or not sent for lack of credits; without `confirm` it only returns the warning. */
export function resubmitOpenmartRows(input: C.ResubmitInput): C.ResubmitResult {
  return rpc((ctx) => omBatches.resubmitOpenmartRows(ctx, input));
}

/** Sidebar RPC: check an Openmart business search form (flat filters) and estimate credits. */
export function previewOpenmartSearch(input: C.OpenmartSearchInput): C.SearchPreview {
  return rpc((ctx) => omSearch.previewOpenmartSearch(ctx, input));
}

/** Sidebar RPC: run an Openmart business search into `<title> - Businesses`. */
export function submitOpenmartSearch(input: C.OpenmartSearchInput): C.OpenmartSubmitResult {
  return rpc((ctx) => omSearch.submitOpenmartSearch(ctx, input));
}

/** Sidebar RPC: check an Openmart brand search form and estimate credits. */
export function previewOpenmartBrandSearch(input: C.OpenmartSearchInput): C.SearchPreview {
  return rpc((ctx) => omSearch.previewOpenmartBrandSearch(ctx, input));
}

/** Sidebar RPC: run an Openmart brand search into `<title> - Brands`. */
export function submitOpenmartBrandSearch(input: C.OpenmartSearchInput): C.OpenmartSubmitResult {
  return rpc((ctx) => omSearch.submitOpenmartBrandSearch(ctx, input));
}

/** Sidebar RPC: check rows for "enrich from a column" (Openmart id, Google Place id, website or social link) and estimate credits. */
export function previewOpenmartEnrich(input: C.OpenmartEnrichInput): C.EnrichPreview {
  return rpc((ctx) => omEnrich.previewOpenmartEnrich(ctx, input));
}

/** Sidebar RPC: enrich rows from a column into `<title> - Businesses`, keyed by external_id. */
export function submitOpenmartEnrich(input: C.OpenmartEnrichInput): C.OpenmartSubmitResult {
  return rpc((ctx) => omEnrich.submitOpenmartEnrich(ctx, input));
}

/** Sidebar RPC: the Openmart credit balance and the confirmation threshold. */
export function getOpenmartCredits(): C.OpenmartCreditsView {
  return rpc((ctx) => omAccount.openmartCredits(ctx));
}

/** Sidebar RPC: set the credit estimate above which an Openmart submit asks for confirmation. */
export function saveOpenmartCreditThreshold(input: C.ThresholdInput): C.ThresholdView {
  return rpc((ctx) => omAccount.saveOpenmartCreditThreshold(ctx, input));
}

/** Sidebar RPC: add Openmart deny rules for the emails or phones in the selected range. */
export function addOpenmartDenyRules(input: C.DenyInput): C.DenyResult {
  return rpc((ctx) => omAccount.addOpenmartDenyRules(ctx, input));
}

/** Sidebar RPC: check the selected emails or phones against the deny rules; results go in the column right of the range. */
export function checkOpenmartDenyRules(input: C.DenyInput): C.DenyCheckResult {
  return rpc((ctx) => omAccount.checkOpenmartDenyRules(ctx, input));
}

/** Sidebar RPC: remove Openmart deny rules for the emails or phones in the selected range. */
export function removeOpenmartDenyRules(input: C.DenyInput): C.DenyResult {
  return rpc((ctx) => omAccount.removeOpenmartDenyRules(ctx, input));
}
