/**
 * The RPC contract, written once: what the sidebar may send (the input types of app/'s zod
 * schemas, which parse every argument at the boundary) and the views it gets back. src/entry/
 * declares the RPCs with these types, sidebar/ reads them, and the test harness's typed `rpc`
 * checks its calls against them. Types only: nothing here runs.
 */
import type * as z from 'zod/mini';
import type * as advance from './advance';
import type * as connection from './connection';
import type * as rowsFrom from './rows-from';
import type * as gu1 from './gu1';
import type * as gu1Settings from './gu1-settings';
import type * as jobs from './jobs';
import type * as omAccount from './openmart-account';
import type * as omBatches from './openmart-batches';
import type * as omEnrich from './openmart-enrich';
import type * as omSearch from './openmart-search';
import type * as op from './openprospect';
import type * as opBlacklists from './openprospect-blacklists';
import type * as opOrders from './openprospect-orders-list';
import type * as opProfiles from './openprospect-profiles';
import type * as gu1Codes from './gu1-codes';
import type * as resultColumns from './result-columns';
import type * as om from './openmart';
import type * as quota from './quota';
import type * as schedules from './schedules';
import type * as settings from './settings';
import type * as sheets from './sheets';

type In<S extends z.ZodMiniType> = z.input<S>;

// ---- Inputs --------------------------------------------------------------------------------

export type SaveKeyInput = In<typeof settings.SaveKeyInput>;
export type RemoveKeyInput = In<typeof settings.RemoveKeyInput>;
export type BaseUrlInput = In<typeof settings.BaseUrlInput>;
export type PollInput = In<typeof settings.PollInput>;
export type FormulaInput = In<typeof settings.FormulaInput>;
export type AccountInput = In<typeof quota.AccountInput>;
export type ConnectionInput = In<typeof connection.ConnectionInput>;
export type TabInput = In<typeof sheets.TabInput>;
export type RefreshInput = In<typeof jobs.RefreshInput>;
export type AdvanceInput = In<typeof advance.AdvanceInput>;
export type JobIdInput = In<typeof jobs.JobIdInput>;
export type CreateScheduleInput = In<typeof schedules.CreateInput>;
export type ScheduleIdInput = In<typeof schedules.IdInput>;
export type RememberRowsFromInput = In<typeof rowsFrom.RememberInput>;
export type EnrichmentPreviewInput = In<typeof op.PreviewInput>;
export type SubmitEnrichmentInput = In<typeof op.SubmitEnrichmentInput>;
/** The ICP form: checked field by field by providers/openprospect/build-discovery.ts. */
export type DiscoveryInput = Record<string, unknown>;
export type ImportInput = In<typeof op.ImportInput>;
export type FeaturesInput = In<typeof op.FeaturesInput>;
/** The search profile form: checked field by field by providers/openprospect/build-profile.ts. */
export type ProfileInput = Record<string, unknown>;
export type OrdersPickInput = In<typeof opOrders.OrdersPickInput>;
export type BlacklistIdInput = In<typeof opBlacklists.BlacklistIdInput>;
export type BlacklistViewInput = BlacklistIdInput & { offset?: number };
export type RenameBlacklistInput = In<typeof opBlacklists.RenameBlacklistInput>;
export type ResultColumnsOptionsInput = In<typeof resultColumns.ResultColumnsOptionsInput>;
export type AddResultColumnsInput = In<typeof resultColumns.AddResultColumnsInput>;
export type BlacklistFromRangeInput = In<typeof opBlacklists.BlacklistFromRangeInput>;
export type RemoveFromRangeInput = In<typeof opBlacklists.RemoveFromRangeInput>;
export type Gu1SettingsInput = In<typeof gu1Settings.SaveSettingsInput>;
export type Gu1PreviewInput = In<typeof gu1.PreviewInput>;
export type Gu1SubmitInput = In<typeof gu1.SubmitInput>;
export type OpenmartBatchInput = In<typeof omBatches.BatchInput>;
export type ResubmitInput = In<typeof omBatches.ResubmitInput>;
export type OpenmartSearchInput = In<typeof omSearch.SearchInput>;
export type OpenmartEnrichInput = In<typeof omEnrich.EnrichInput>;
export type ThresholdInput = In<typeof omAccount.ThresholdInput>;
export type DenyInput = In<typeof omAccount.DenyInput>;

// ---- Views ---------------------------------------------------------------------------------

export type { SidebarSection } from './menu';
export type { SettingsView, ProviderSettingsView } from './settings';
export type { QuotaView } from './quota';
export type { ConnectionResult } from './connection';
export type { SheetsInfo } from './sheets';
export type { RowsFromForm } from './rows-from';
export type { JobsView, JobView } from './job-view';
export type { AdvanceAnswer } from './advance';
export type { ScheduleView } from './schedules';
export type { EnrichmentPreview, SubmitResult } from './openprospect';
export type { Gu1SettingsView } from './gu1-settings';
export type { Gu1Preview, Gu1SubmitResult } from './gu1';
export type { CreditCheck, OpenmartSubmitResult } from './openmart';
export type { BatchPreview, ResubmitResult } from './openmart-batches';
export type { SearchPreview } from './openmart-search';
export type { EnrichPreview } from './openmart-enrich';
export type { DenyResult } from './openmart-account';
export type OpenProspectFormInfo = ReturnType<typeof op.openProspectFormInfo>;
export type { OrdersPick } from './openprospect-orders-list';
export type { BlacklistSummary, BlacklistDetail } from './openprospect-blacklists';
export type { ResultColumnsOptions } from './result-columns';
export type ProfileJobView = ReturnType<typeof opProfiles.createProfileJob>;
export type ProfileList = ReturnType<typeof opProfiles.listProfiles>;
export type Gu1CodeChoices = ReturnType<typeof gu1Codes.gu1CodeChoices>;
export type AddResultColumnsResult = ReturnType<typeof resultColumns.addResultColumns>;
export type BlacklistFromRangeResult = ReturnType<typeof opBlacklists.blacklistFromRange>;
export type RemoveFromRangeResult = ReturnType<typeof opBlacklists.removeBlacklistEntriesFromRange>;
export type OpenmartFormInfo = ReturnType<typeof om.openmartFormInfo>;
export type OpenmartCreditsView = ReturnType<typeof omAccount.openmartCredits>;
export type ThresholdView = ReturnType<typeof omAccount.saveOpenmartCreditThreshold>;
export type DenyCheckResult = ReturnType<typeof omAccount.checkOpenmartDenyRules>;
