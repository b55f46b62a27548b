/** The order status shape of `GET /orders/{id}` (and of list items). */
import { visibleDeliveries } from './lifecycle';
import type { SimOrder, SimState } from './model';
import { isoMicros, isoOrNull } from './time';

/**
 * Serializes an order exactly with the documented fields. `order_type` is included for both
 * types (the discovery guide's shape has it); the discovery-only configuration fields appear on
 * discovery orders only. `company_count` is the submitted count for enrichment and the number of
 * companies delivered so far for discovery (0 at submission). REJECTED/FAILED/CANCELLED reasons
 * are carried in `admin_notes`, the only message field the status response documents.
 */
export function orderView(state: SimState, o: SimOrder): Record<string, unknown> {
  const discovery = o.input.order_type === 'DISCOVERY';
  const view: Record<string, unknown> = {
    order_id: o.id,
    order_type: o.input.order_type,
    title: o.input.title,
    status: o.status,
    priority: o.input.priority,
    company_count: discovery ? visibleDeliveries(state, o).length : o.input.companies.length,
    features: [...o.input.features],
    estimated_cost: o.estimatedCost === null ? null : { ...o.estimatedCost },
    prospect_search_id: o.prospectSearchId,
    admin_notes: o.adminNotes,
    webhook_url: o.input.webhook_url,
  };
  if (discovery) {
    Object.assign(view, {
      seller_offering: o.input.seller_offering,
      seller_industry: o.input.seller_industry,
      excluded_industries: o.input.excluded_industries,
      target_countries: o.input.target_countries,
      target_cities: o.input.target_cities,
      output_language: o.input.output_language,
    });
  }
  return Object.assign(view, {
    created_at: isoMicros(o.createdAt),
    accepted_at: isoOrNull(o.acceptedAt),
    completed_at: isoOrNull(o.completedAt),
    cancelled_at: isoOrNull(o.cancelledAt),
  });
}
