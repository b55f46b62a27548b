/**
 * Order options both order types share (enrichment "Request Parameters", discovery "Optional
 * Fields"): title, features, profile_name XOR profile_id, priority, webhook_url,
 * ideal_customer_profile, contact_roles. Normalisation of sidebar input, one message per
 * problem, and the feature catalogue with the documented dependency hints.
 */
import * as z from 'zod/mini';
import { FEATURES, LIMITS, PRIORITIES, isFeature, type Feature, type Priority } from './schemas';
import { formatPath } from '../../platform/response';
import type { OrderBodyCommon } from './bodies';
import { OP_LABELS, requiredText } from './form-labels';

/** One problem with the input, named by the body field it concerns. */
export interface Problem {
  /** The documented body field (`title`, `features`, `target_countries`, ...). */
  field: string;
  /** A sentence for the user. */
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Feature catalogue (enrichment guide "Enrichment Features")
// ---------------------------------------------------------------------------------------------

/** Label and what each feature returns, for the sidebar's checkboxes. */
export const FEATURE_INFO: Record<Feature, { label: string; description: string }> = {
  COMPANY_DATA: { label: 'Company data', description: 'Company profile: description, employee count, phone numbers, social media, reviews, favicon' },
  CONTACTS: { label: 'Contacts', description: 'Decision-maker contacts: names, job titles, LinkedIn profiles, qualification scores' },
  TECHNOLOGIES: { label: 'Technologies', description: 'Web technology stack: CMS, analytics tools, frameworks, marketing platforms' },
  JOBS: { label: 'Jobs', description: 'Active job postings from the company (used for hiring signal analysis)' },
  HANDELSREGISTER: { label: 'Handelsregister', description: 'German commercial register data: legal form, registration, capital, founding date' },
  ANALYSIS: { label: 'Analysis', description: 'AI match scoring: how well the company fits your ICP, with detailed reasoning' },
  EMAIL_DISCOVERY: { label: 'Email discovery', description: 'Validated email addresses for discovered contacts' },
  EMAIL_GENERATION: { label: 'Email generation', description: 'AI-generated personalized outreach emails for contacts' },
};

/**
 * "Feature Dependencies": what each feature builds on. Hints, not rules (the guide says "for
 * best results"; the API does not reject a missing dependency), so they never block a submit.
 */
export const FEATURE_DEPENDENCIES: Record<Feature, readonly Feature[]> = {
  COMPANY_DATA: [],
  CONTACTS: ['COMPANY_DATA'],
  TECHNOLOGIES: ['COMPANY_DATA'],
  JOBS: ['COMPANY_DATA'],
  HANDELSREGISTER: ['COMPANY_DATA'],
  ANALYSIS: ['COMPANY_DATA'],
  EMAIL_DISCOVERY: ['CONTACTS'],
  EMAIL_GENERATION: ['CONTACTS'],
};

/** Extra notes the guide attaches to single features. */
export const FEATURE_NOTES: Partial<Record<Feature, string>> = {
  HANDELSREGISTER: 'German companies only.',
  ANALYSIS: 'Benefits from all other data; an ideal customer profile improves the scoring.',
  COMPANY_DATA: 'The foundation: it crawls the company website; most other features depend on it.',
};

/** "Recommended Combinations": the standard enrichment order. */
export const RECOMMENDED_FEATURES: readonly Feature[] = ['COMPANY_DATA', 'CONTACTS', 'ANALYSIS'];

/** Non-blocking hints for a feature selection: missing dependencies and feature notes. */
export function featureHints(features: readonly Feature[]): string[] {
  const hints: string[] = [];
  for (const f of features) {
    for (const dep of FEATURE_DEPENDENCIES[f]) {
      // In the checkboxes' words: "Email generation builds on Contacts: tick Contacts too ...".
      if (!features.includes(dep))
        hints.push(`${FEATURE_INFO[f].label} builds on ${FEATURE_INFO[dep].label}: tick ${FEATURE_INFO[dep].label} too for best results.`);
    }
  }
  if (features.includes('HANDELSREGISTER')) hints.push(`${FEATURE_INFO.HANDELSREGISTER.label}: ${FEATURE_NOTES.HANDELSREGISTER}`);
  return hints;
}

// ---------------------------------------------------------------------------------------------
// Normalisation and checks
// ---------------------------------------------------------------------------------------------

const Text = z.optional(z.nullable(z.string()));
const TextList = z.optional(z.nullable(z.union([z.array(z.string()), z.string()])));

/** Shape of the shared option fields as the sidebar sends them (blank = absent; lists as arrays or text). */
export const CommonOptionsShape = {
  title: Text,
  features: TextList,
  profile_name: Text,
  profile_id: Text,
  priority: Text,
  webhook_url: Text,
  ideal_customer_profile: Text,
  contact_roles: TextList,
};

/** Trimmed text, or undefined for null/blank. */
export function cleanText(v: string | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/**
 * A list from an array or from text with one item per line, or comma/semicolon separated
 * (how a sidebar textarea arrives). Blank items are dropped; undefined when nothing is left.
 */
export function cleanList(v: string[] | string | null | undefined): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  const parts = Array.isArray(v) ? v : v.split(/[\n,;]/);
  const out = parts.map((p) => p.trim()).filter((p) => p !== '');
  return out.length === 0 ? undefined : out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the 8-4-4-4-12 hex form the docs use for ids. */
export function isUuid(v: string): boolean {
  return UUID.test(v);
}

/** An absolute http(s) URL without whitespace. */
export function isHttpUrl(v: string): boolean {
  return /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i.test(v);
}

/** "Title is longer than 500 characters (612)." */
export function tooLong(label: string, max: number, length: number): string {
  return `${label} is longer than ${max.toLocaleString('en-US')} characters (${length.toLocaleString('en-US')}).`;
}

/** One problem per zod issue of a shape check (wrong types from a broken caller). */
export function shapeProblems(issues: ReadonlyArray<{ path: PropertyKey[]; code: string; expected?: unknown }>): Problem[] {
  return issues.map((i) => ({
    field: i.path.length === 0 ? '(input)' : String(i.path[0]),
    message: `${formatPath(i.path)} has the wrong type${i.code === 'invalid_type' ? ` (expected ${String(i.expected)})` : ''}.`,
  }));
}

/** The shared options after the shape check. */
export interface CommonOptionsInput {
  title?: string | null | undefined;
  features?: string[] | string | null | undefined;
  profile_name?: string | null | undefined;
  profile_id?: string | null | undefined;
  priority?: string | null | undefined;
  webhook_url?: string | null | undefined;
  ideal_customer_profile?: string | null | undefined;
  contact_roles?: string[] | string | null | undefined;
}

/**
 * Check the shared options and build their part of the body. `titleReserve` keeps room for a
 * " (part 2 of 3)" suffix. Every problem is reported, not only the first.
 */
export function checkCommonOptions(input: CommonOptionsInput, opts: { titleReserve?: number } = {}): { value: OrderBodyCommon; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  const title = cleanText(input.title);
  const reserve = opts.titleReserve ?? 0;
  if (title === undefined) add('title', requiredText('title', 'it names the job and its result tabs'));
  else if (title.length + reserve > LIMITS.title) {
    add(
      'title',
      reserve > 0
        ? `Title is too long: with the part suffix it would be ${title.length + reserve} characters; the limit is ${LIMITS.title}.`
        : tooLong(OP_LABELS.title, LIMITS.title, title.length),
    );
  }

  const features: Feature[] = [];
  const rawFeatures = cleanList(input.features);
  if (rawFeatures === undefined) add('features', `Tick at least one feature (${FEATURES.map((f) => FEATURE_INFO[f].label).join(', ')}).`);
  for (const f of rawFeatures ?? []) {
    // Documented 422s: "Invalid feature" and "Duplicate features"; refused here first.
    if (!isFeature(f)) add('features', `Feature "${f}" is not one of ${FEATURES.join(', ')}.`);
    else if (features.includes(f)) add('features', `Feature ${f} is listed twice.`);
    else features.push(f);
  }

  const profileName = cleanText(input.profile_name);
  const profileId = cleanText(input.profile_id);
  if (profileName !== undefined && profileId !== undefined) {
    add('profile_id', `Fill in either "${OP_LABELS.profile_name}" or "${OP_LABELS.profile_id}", not both.`);
  }
  if (profileName !== undefined && profileName.length > LIMITS.profileName)
    add('profile_name', tooLong(OP_LABELS.profile_name, LIMITS.profileName, profileName.length));
  if (profileId !== undefined && !isUuid(profileId))
    add('profile_id', `${OP_LABELS.profile_id} "${profileId}" is not a profile id (they look like 4f767705-03a2-4e91-a3e8-1ec3f9dea865).`);

  const priority = cleanText(input.priority);
  if (priority !== undefined && !(PRIORITIES as readonly string[]).includes(priority)) {
    add('priority', `Priority "${priority}" must be ${PRIORITIES.join(' or ')}.`);
  }

  const webhook = cleanText(input.webhook_url);
  if (webhook !== undefined && !isHttpUrl(webhook)) add('webhook_url', `${OP_LABELS.webhook_url} "${webhook}" is not an http(s) address.`);

  const icp = cleanText(input.ideal_customer_profile);
  if (icp !== undefined && icp.length > LIMITS.idealCustomerProfile) {
    add('ideal_customer_profile', tooLong(OP_LABELS.ideal_customer_profile, LIMITS.idealCustomerProfile, icp.length));
  }

  // Roles: blanks dropped, repeats removed (the docs set no other rule).
  const roles = cleanList(input.contact_roles)?.filter((r, i, all) => all.indexOf(r) === i);

  const value: OrderBodyCommon = { title: title ?? '', features };
  if (profileName !== undefined) value.profile_name = profileName;
  if (profileId !== undefined) value.profile_id = profileId;
  if (priority !== undefined) value.priority = priority as Priority;
  if (webhook !== undefined) value.webhook_url = webhook;
  if (icp !== undefined) value.ideal_customer_profile = icp;
  if (roles !== undefined) value.contact_roles = roles;
  return { value, problems };
}
