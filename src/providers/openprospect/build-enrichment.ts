/**
 * Pure builder for enrichment orders: sheet records + options -> `POST /orders/` bodies of at
 * most 10,000 companies each, and a reason per refused row. Nothing here talks to the network.
 */
import * as z from 'zod/mini';
import { ENRICHMENT_FIELDS, parseEmployeeCount, quote, type EnrichmentFieldKey } from './fields';
import { CommonOptionsShape, checkCommonOptions, featureHints, shapeProblems, type Problem } from './order-options';
import { LIMITS } from './schemas';
import type { EnrichmentCompany, EnrichmentOrderBody } from './bodies';

/**
 * The sidebar's enrichment-options input (an RPC argument, so its shape is checked): title,
 * features, profile_name XOR profile_id, priority, webhook_url, ideal_customer_profile,
 * contact_roles. Blank strings mean "not set"; lists may be arrays or one-per-line text. The
 * rules with their messages are applied by `buildEnrichmentOrders`.
 */
export const EnrichmentOptionsSchema = z.object(CommonOptionsShape);
/** The sidebar's enrichment options. */
export type EnrichmentOptions = z.infer<typeof EnrichmentOptionsSchema>;

/** One sheet row, values keyed by the documented field keys (`company_name`, `website_url`, ...). */
export interface SheetRecord {
  rowNumber: number;
  values: Record<string, string>;
}

/** One order to send, with the sheet rows it carries (in order). */
export interface PlannedEnrichmentOrder {
  body: EnrichmentOrderBody;
  rowNumbers: number[];
}

/** A refused row and every reason, each naming the row and the field. */
export interface InvalidRow {
  rowNumber: number;
  reasons: string[];
}

/** What the builder produced. */
export interface EnrichmentBuild {
  /** Empty when `problems` is not. */
  orders: PlannedEnrichmentOrder[];
  invalid: InvalidRow[];
  /** Problems that block the whole submission (options, no valid rows, title too long for the split). */
  problems: Problem[];
  /** Non-blocking advice (feature dependencies). */
  hints: string[];
}

/**
 * Check one record and turn it into a company. Values are trimmed; blank values are omitted.
 * `external_id` is required by the add-on (it comes back as `source_id`, the key results are
 * written by), although the API would auto-generate one.
 */
export function toCompany(record: SheetRecord): { company?: EnrichmentCompany; reasons: string[] } {
  const row = `Row ${record.rowNumber}`;
  const reasons: string[] = [];
  const company: Record<string, string | number> = {};
  for (const spec of ENRICHMENT_FIELDS) {
    const key = spec.key as EnrichmentFieldKey;
    const raw = record.values[key];
    // Cells can reach us as numbers or booleans despite the type; compare as text.
    const value = raw === undefined || raw === null ? '' : String(raw).trim();
    if (value === '') {
      if (spec.required) reasons.push(`${row}: ${spec.label} is empty`);
      else if (key === 'external_id') reasons.push(`${row}: ${spec.label} is empty (the add-on needs it to match results back to this row)`);
      continue;
    }
    const bad = spec.validate?.(value) ?? null;
    if (bad !== null) {
      // Same wording as sheet/records.ts: "Row N: <label> <phrase>".
      reasons.push(`${row}: ${spec.label} ${bad}`);
      continue;
    }
    // Documented type `integer`: send a number, not the cell text.
    company[key] = key === 'employee_count' ? (parseEmployeeCount(value) as number) : value;
  }
  return reasons.length > 0 ? { reasons } : { company: company as unknown as EnrichmentCompany, reasons };
}

/** " (part 2 of 3)" */
export function partSuffix(part: number, parts: number): string {
  return ` (part ${part} of ${parts})`;
}

/**
 * Build enrichment orders. Every row is checked (company name required and at most 500
 * characters, employee count a whole number, website and email in a usable shape, external ID
 * present and unique); valid rows are split in sheet order into orders of at most 10,000
 * companies, titled "Title (part 2 of 3)" when there is more than one. Options are checked with
 * one message per problem; any option problem means no orders.
 */
export function buildEnrichmentOrders(records: readonly SheetRecord[], options: unknown): EnrichmentBuild {
  const hints: string[] = [];
  const shape = EnrichmentOptionsSchema.safeParse(options);
  if (!shape.success) return { orders: [], invalid: [], problems: shapeProblems(shape.error.issues), hints };

  const invalid: InvalidRow[] = [];
  const companies: EnrichmentCompany[] = [];
  const rowNumbers: number[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const record of records) {
    const { company, reasons } = toCompany(record);
    const id = company?.external_id;
    if (company && id !== undefined) {
      const first = firstRowOfId.get(id);
      // Results come back keyed by source_id: two rows with one id could not be told apart.
      if (first !== undefined) reasons.push(`Row ${record.rowNumber}: external ID ${quote(id)} is also used by row ${first}`);
      else firstRowOfId.set(id, record.rowNumber);
    }
    if (reasons.length > 0 || !company) invalid.push({ rowNumber: record.rowNumber, reasons });
    else {
      companies.push(company);
      rowNumbers.push(record.rowNumber);
    }
  }

  const parts = Math.ceil(companies.length / LIMITS.companiesPerOrder);
  const reserve = parts > 1 ? partSuffix(parts, parts).length : 0;
  const { value: common, problems } = checkCommonOptions(shape.data, { titleReserve: reserve });
  hints.push(...featureHints(common.features));
  if (companies.length === 0) {
    problems.push({
      field: 'companies',
      message: records.length === 0 ? 'There are no rows to send.' : 'None of the rows is valid; fix the rows listed and try again.',
    });
  }
  if (problems.length > 0) return { orders: [], invalid, problems, hints };

  const orders: PlannedEnrichmentOrder[] = [];
  for (let p = 0; p < parts; p++) {
    const from = p * LIMITS.companiesPerOrder;
    const to = from + LIMITS.companiesPerOrder;
    const title = parts > 1 ? `${common.title}${partSuffix(p + 1, parts)}` : common.title;
    orders.push({
      // order_type is not in the enrichment table but is the documented discriminator (discovery guide).
      body: { order_type: 'ENRICHMENT', ...common, title, companies: companies.slice(from, to) },
      rowNumbers: rowNumbers.slice(from, to),
    });
  }
  return { orders, invalid, problems, hints };
}
