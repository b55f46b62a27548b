/**
 * Pure builder for discovery orders (discovery guide "Request Parameters"): a sidebar form ->
 * the `POST /orders/` body, or one field-named problem per broken rule.
 */
import * as z from 'zod/mini';
import { OP_LABELS, requiredText } from './form-labels';
import { CommonOptionsShape, checkCommonOptions, cleanList, cleanText, featureHints, isUuid, shapeProblems, tooLong, type Problem } from './order-options';
import { LIMITS } from './schemas';
import type { DiscoveryOrderBody } from './bodies';

const Text = z.optional(z.nullable(z.string()));
const TextList = z.optional(z.nullable(z.union([z.array(z.string()), z.string()])));

/**
 * The discovery form as the sidebar sends it: every documented field. Blank strings mean "not
 * set"; list fields may be arrays or text with one item per line (or comma separated).
 * `companies` is accepted by the shape only so that it can be refused with the documented
 * message ("companies is not allowed").
 */
export const DiscoveryFormSchema = z.object({
  ...CommonOptionsShape,
  seller_offering: Text,
  seller_industry: Text,
  target_countries: TextList,
  target_cities: TextList,
  excluded_industries: TextList,
  output_language: Text,
  blacklist_ids: TextList,
  briefing_quantity: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  companies: z.optional(z.unknown()),
});
/** The sidebar's discovery form. */
export type DiscoveryForm = z.infer<typeof DiscoveryFormSchema>;

/** Field order of the guide's tables: problems are reported in this order. */
export const DISCOVERY_FIELD_ORDER = [
  'order_type',
  'title',
  'features',
  'ideal_customer_profile',
  'seller_offering',
  'target_countries',
  'seller_industry',
  'target_cities',
  'excluded_industries',
  'output_language',
  'blacklist_ids',
  'briefing_quantity',
  'priority',
  'webhook_url',
  'contact_roles',
  'profile_name',
  'profile_id',
  'companies',
] as const;

/** Builder outcome. */
export type DiscoveryBuild = { ok: true; body: DiscoveryOrderBody; hints: string[] } | { ok: false; problems: Problem[]; hints: string[] };

/**
 * Validate a discovery form and build the body. Required: title (<= 500), features,
 * ideal_customer_profile (<= 5,000), seller_offering (<= 5,000), target_countries (>= 1).
 * Optional: seller_industry (<= 1,000), target_cities, excluded_industries, output_language
 * (<= 10), blacklist_ids (UUIDs), priority, webhook_url, contact_roles, profile_name (<= 500)
 * XOR profile_id (UUID). `companies` is forbidden.
 */
export function buildDiscoveryOrder(form: unknown): DiscoveryBuild {
  const shape = DiscoveryFormSchema.safeParse(form);
  if (!shape.success) return { ok: false, problems: shapeProblems(shape.error.issues), hints: [] };
  const f = shape.data;
  const { value: common, problems } = checkCommonOptions(f);
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  // Its length is checked with the shared options; here only its presence.
  const icp = common.ideal_customer_profile;
  if (icp === undefined) add('ideal_customer_profile', requiredText('ideal_customer_profile', 'describe the companies you want found'));

  const offering = cleanText(f.seller_offering);
  if (offering === undefined) add('seller_offering', requiredText('seller_offering', 'describe what you offer these companies'));
  else if (offering.length > LIMITS.sellerOffering) add('seller_offering', tooLong(OP_LABELS.seller_offering, LIMITS.sellerOffering, offering.length));

  const countries = cleanList(f.target_countries);
  if (countries === undefined) add('target_countries', requiredText('target_countries', 'name at least one country (Germany, or its code DE)'));

  const industry = cleanText(f.seller_industry);
  if (industry !== undefined && industry.length > LIMITS.sellerIndustry)
    add('seller_industry', tooLong(OP_LABELS.seller_industry, LIMITS.sellerIndustry, industry.length));

  const language = cleanText(f.output_language);
  if (language !== undefined && language.length > LIMITS.outputLanguage) {
    add(
      'output_language',
      `${OP_LABELS.output_language} "${language}" is longer than ${LIMITS.outputLanguage} characters; use a language code such as en or de.`,
    );
  }

  const blacklistIds = cleanList(f.blacklist_ids)?.filter((id, i, all) => all.indexOf(id) === i);
  for (const id of blacklistIds ?? []) {
    if (!isUuid(id)) add('blacklist_ids', `Blacklist ID "${id}" is not a UUID.`);
  }

  // The overview: discovery sends briefing_quantity, the number of qualified companies wanted.
  let quantity: number | undefined;
  const rawQuantity = f.briefing_quantity;
  if (rawQuantity !== undefined && rawQuantity !== null && String(rawQuantity).trim() !== '') {
    const n = Number(String(rawQuantity).trim());
    if (!Number.isInteger(n) || n < 1)
      add('briefing_quantity', `${OP_LABELS.briefing_quantity} must be a whole number of at least 1 (got "${String(rawQuantity).slice(0, 20)}").`);
    else quantity = n;
  }

  if (f.companies !== undefined && f.companies !== null) {
    add('companies', 'companies is not allowed in a discovery order: discovery finds the companies; use an enrichment order to send your own.');
  }

  const hints = featureHints(common.features);
  if (problems.length > 0) {
    const rank = (p: Problem): number => {
      const i = (DISCOVERY_FIELD_ORDER as readonly string[]).indexOf(p.field);
      return i < 0 ? DISCOVERY_FIELD_ORDER.length : i;
    };
    return {
      ok: false,
      problems: problems
        .map((p, i) => ({ p, i }))
        .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
        .map((x) => x.p),
      hints,
    };
  }

  const body: DiscoveryOrderBody = {
    order_type: 'DISCOVERY',
    ...common,
    ideal_customer_profile: icp as string,
    seller_offering: offering as string,
    target_countries: countries as string[],
  };
  if (industry !== undefined) body.seller_industry = industry;
  const cities = cleanList(f.target_cities);
  if (cities !== undefined) body.target_cities = cities;
  const excluded = cleanList(f.excluded_industries);
  if (excluded !== undefined) body.excluded_industries = excluded;
  if (language !== undefined) body.output_language = language;
  if (blacklistIds !== undefined) body.blacklist_ids = blacklistIds;
  if (quantity !== undefined) body.briefing_quantity = quantity;
  return { ok: true, body, hints };
}
