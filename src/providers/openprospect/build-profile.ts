/**
 * Pure builder for `POST /search-profile-creations` (NOTES: its ten fields): the sidebar's
 * profile form -> the body, or one field-named problem per broken rule. Text limits are the
 * discovery guide's for the same fields; profile_name and ideal_customer_profile are required
 * (a profile is synthesised from the ICP and referred to by its name).
 */
import * as z from 'zod/mini';
import { cleanList, cleanText, shapeProblems, tooLong, type Problem } from './order-options';
import type { SearchProfileCreationBody } from './profiles';
import { LIMITS } from './schemas';

const Text = z.optional(z.nullable(z.string()));
const TextList = z.optional(z.nullable(z.union([z.array(z.string()), z.string()])));

/** The profile form: lists may be arrays or text with one item per line (or comma separated). */
export const ProfileFormSchema = z.object({
  profile_name: Text,
  ideal_customer_profile: Text,
  seller_offering: Text,
  seller_industry: Text,
  target_countries: TextList,
  target_cities: TextList,
  target_industries: TextList,
  excluded_industries: TextList,
  contact_roles: TextList,
  output_language: Text,
});

const TEXTS: Array<{
  key: 'profile_name' | 'ideal_customer_profile' | 'seller_offering' | 'seller_industry' | 'output_language';
  label: string;
  max: number;
  required?: boolean;
}> = [
  { key: 'profile_name', label: 'Profile name', max: LIMITS.profileName, required: true },
  { key: 'ideal_customer_profile', label: 'Ideal customer profile', max: LIMITS.idealCustomerProfile, required: true },
  { key: 'seller_offering', label: 'Seller offering', max: LIMITS.sellerOffering },
  { key: 'seller_industry', label: 'Seller industry', max: LIMITS.sellerIndustry },
  { key: 'output_language', label: 'Output language', max: LIMITS.outputLanguage },
];
const LISTS = ['target_countries', 'target_cities', 'target_industries', 'excluded_industries', 'contact_roles'] as const;

/** Validate the form and build the body (only the fields given are sent). */
export function buildProfileCreation(form: unknown): { ok: true; body: SearchProfileCreationBody } | { ok: false; problems: Problem[] } {
  const shape = ProfileFormSchema.safeParse(form);
  if (!shape.success) return { ok: false, problems: shapeProblems(shape.error.issues) };
  const f = shape.data;
  const problems: Problem[] = [];
  const body: SearchProfileCreationBody = {};
  for (const t of TEXTS) {
    const v = cleanText(f[t.key]);
    if (v === undefined) {
      if (t.required) problems.push({ field: t.key, message: `${t.label} is required.` });
    } else if (v.length > t.max) problems.push({ field: t.key, message: tooLong(t.label, t.max, v.length) });
    else body[t.key] = v;
  }
  for (const key of LISTS) {
    const v = cleanList(f[key]);
    if (v !== undefined) body[key] = v;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, body };
}
