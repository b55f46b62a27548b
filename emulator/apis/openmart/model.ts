/** State and shapes of the Openmart simulator. */
import type { SimRequest } from '../types';

/** The four async batch routes. */
export const BATCH_OPS = ['find_people', 'find_tech', 'lookup_business_email', 'lookup_people'] as const;
export type BatchOp = (typeof BATCH_OPS)[number];

/** Documented task statuses. */
export type TaskStatus = 'PROCESSING' | 'COMPLETED' | 'ERRORED' | 'CANCELLED';

/** One generated store (the `content` object of search rows and record values). */
export interface Business {
  /** Position in the generated index (drives the hostile subsets). */
  n: number;
  id: string;
  placeId: string;
  brandId: string;
  /** Searchable text: name, tags, categories, description (lower case). */
  text: string;
  rating: number;
  reviews: number;
  priceTier: number;
  validWebsite: boolean;
  content: Record<string, unknown>;
}

/** A brand row as `POST /api/v2/brands/search` returns it, plus what its filters need. */
export interface Brand {
  id: string;
  text: string;
  stores: Business[];
  row: Record<string, unknown>;
}

export interface SimTask {
  id: string;
  /** Creation order over the whole simulator (0-based). */
  seq: number;
  /** Position inside its batch. */
  index: number;
  batchId: string;
  op: BatchOp;
  key: string;
  input: Record<string, unknown>;
  trackingId: string | null;
  status: TaskStatus;
  createdAt: number;
  data?: unknown;
  error?: string;
}

export interface SimBatch {
  id: string;
  op: BatchOp;
  key: string;
  createdAt: number;
  taskIds: string[];
}

/** Counters tests read. */
export interface OpenmartCounts {
  requests: number;
  unauthorized: number;
  paymentRequired: number;
  validationErrors: number;
  batchesCreated: number;
  tasksCreated: number;
  creditsBilled: number;
  /** Search/enrich bodies that carried keys the API ignores (e.g. a nested `filters`). */
  ignoredKeys: number;
  /** GET records requests that arrived without a body. */
  getWithoutBody: number;
}

export const zeroCounts = (): OpenmartCounts => ({
  requests: 0,
  unauthorized: 0,
  paymentRequired: 0,
  validationErrors: 0,
  batchesCreated: 0,
  tasksCreated: 0,
  creditsBilled: 0,
  ignoredKeys: 0,
  getWithoutBody: 0,
});

export type Plan = 'subscription' | 'trial' | 'unlimited';

export interface AutoComplete {
  /** Tasks finish this long after their batch was created. */
  afterMs: number;
  /** Reason for tasks that should end ERRORED, else null. */
  error?: (task: SimTask) => string | null;
}

export interface SimState {
  seed: number;
  keys: Set<string>;
  plan: Plan;
  balance: number;
  /** Status of "out of credits" answers: the API documents 402; its own client also maps 429. */
  creditStatus: 402 | 429;
  periodStart: string;
  periodEnd: string;
  businesses: Business[];
  byId: Map<string, Business>;
  byPlace: Map<string, Business>;
  brands: Brand[];
  batches: Map<string, SimBatch>;
  tasks: Map<string, SimTask>;
  taskSeq: number;
  /** Deny rules per API key: type -> normalised values. */
  deny: Map<string, { email: Set<string>; phone: Set<string> }>;
  auto: AutoComplete | null;
  searchEnvelope: 'array' | 'results';
  latency: Latency;
  /** Task reads drop `tracking_id` (NOTES: it may be null). */
  nullTrackingIds: boolean;
  requests: SimRequest[];
  counts: OpenmartCounts;
  lastNow: number;
}

/** Server time per route family, in virtual ms. */
export interface Latency {
  /** lookup_business_email and lookup_people sleep this long before the handler (doc: ~26 s). */
  lookupSleepMs: number;
  /** find_people / find_tech submit. */
  submitMs: number;
  searchMs: number;
  recordsMs: number;
  statusMs: number;
  taskReadMs: number;
  otherMs: number;
}

export const DEFAULT_LATENCY: Latency = {
  lookupSleepMs: 26_000,
  submitMs: 1_500,
  searchMs: 400,
  recordsMs: 300,
  statusMs: 100,
  taskReadMs: 150,
  otherMs: 100,
};
