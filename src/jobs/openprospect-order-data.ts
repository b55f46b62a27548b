/** An OpenProspect order job's saved state (its zod schema) and the pure helpers over its parts. */
import * as z from 'zod/mini';
import { type KindData, readableData } from './kind';
import type { Job } from './model';

export const OP_ORDERS_KIND = 'openprospect.orders';

const PartSchema = z.object({
  /** Idempotency-Key, stored before the POST so a killed run reuses it. */
  key: z.string(),
  orderId: z.optional(z.string()),
  status: z.optional(z.string()),
  companies: z.number(),
  /** OpenProspect's `estimated_cost` once the order carries one (set at review). */
  cost: z.optional(z.object({ total: z.number(), currency: z.string() })),
  /** Set when this part's results are fully written for the current pass. */
  synced: z.boolean(),
  /** Results cursor of the current pass. */
  offset: z.number(),
  /** delivered_since of the current pass (unchanged while the pass runs). */
  passSince: z.optional(z.string()),
  /** Latest delivered_at seen in the current pass. */
  passMax: z.optional(z.string()),
  /** Watermark of the last complete pass: the next refresh asks only for later deliveries. */
  watermark: z.optional(z.string()),
  /** A user-asked sync of what an IN_PROGRESS order has delivered so far. */
  early: z.optional(z.boolean()),
  written: z.number(),
});
export type OrderPart = z.infer<typeof PartSchema>;

export const OpOrdersDataSchema = z.object({
  orderType: z.enum(['ENRICHMENT', 'DISCOVERY']),
  /** How to rebuild the bodies of parts not yet accepted (a killed submission). */
  rebuild: z.optional(z.unknown()),
  parts: z.array(PartSchema),
});
export type OpOrdersData = z.infer<typeof OpOrdersDataSchema>;

/** The kind's data, read with `dataOf(job, OP_ORDERS)`. */
export const OP_ORDERS: KindData<OpOrdersData> = { kind: OP_ORDERS_KIND, schema: OpOrdersDataSchema };

/** The job with its data, counters and progress from the parts. */
export function withData(job: Job, data: OpOrdersData): Job {
  const written = data.parts.reduce((n, p) => n + p.written, 0);
  const total = data.parts.reduce((n, p) => n + p.companies, 0);
  return {
    ...job,
    data,
    counts: { ...job.counts, companiesWritten: written },
    progress: { done: Math.min(written, total || written), total: total || written },
  };
}

/** The data with part `i` changed. */
export function updatePart(data: OpOrdersData, i: number, patch: Partial<OrderPart>): OpOrdersData {
  const parts = data.parts.map((p, k) => (k === i ? { ...p, ...patch } : p));
  return { ...data, parts };
}

/** The part's cost from an answer's `estimated_cost` (nothing while the order has none). */
export function costOf(cost: { total: number; currency: string } | null | undefined): Partial<OrderPart> {
  return cost && Number.isFinite(cost.total) ? { cost: { total: cost.total, currency: cost.currency } } : {};
}

/** "Estimated by OpenProspect: 120.00 EUR", or "priced at review" while no order carries an estimate. */
export function openProspectCostLine(job: Job): string {
  const parts = readableData(job, OP_ORDERS)?.parts ?? [];
  const sums = new Map<string, number>();
  for (const p of parts) if (p.cost) sums.set(p.cost.currency, (sums.get(p.cost.currency) ?? 0) + p.cost.total);
  if (sums.size === 0) return 'Cost: priced by OpenProspect at review; its estimate shows here once the order carries one.';
  const pending = parts.filter((p) => !p.cost).length;
  const text = [...sums].map(([cur, n]) => `${n.toFixed(2)} ${cur}`).join(' + ');
  return `Cost: estimated by OpenProspect at ${text}${pending > 0 ? ` (${pending} order(s) not priced yet)` : ''}.`;
}

/** How notes name part `i`: "Order", or "Order 2 of 3". */
export function label(data: OpOrdersData, i: number): string {
  return data.parts.length > 1 ? `Order ${i + 1} of ${data.parts.length}` : 'Order';
}
