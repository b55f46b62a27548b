/** OpenProspect result, profile-creation and blacklist shapes (read tolerantly: require only what is used). */
import * as z from 'zod/mini';
import { Num, Str, StrList, loose } from './readers';
import { NonEmptyString } from './schemas';

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/** `social_media_links[]`: `{ platform, url }`. */
export const SocialLinkSchema = z.looseObject({ platform: Str, url: Str });
/** One social link. */
export type SocialLink = z.infer<typeof SocialLinkSchema>;

/**
 * `legal_registration_info` (HANDELSREGISTER): documented keys company_name, legal_form,
 * registration_number, registration_court, founding_date, share_capital_amount,
 * business_purpose, status, is_dissolved; typed `Record<string, unknown> | null`, so any value
 * type is accepted.
 */
export const LegalRegistrationSchema = z.record(z.string(), z.unknown());
/** Documented legal registration keys, in display order. */
export const LEGAL_FIELDS = [
  'company_name',
  'legal_form',
  'registration_number',
  'registration_court',
  'founding_date',
  'share_capital_amount',
  'business_purpose',
  'status',
  'is_dissolved',
] as const;

/** One prospect (contact) inside a result company (guides' `Prospect` interface). */
export const ProspectSchema = z.looseObject({
  id: NonEmptyString,
  company_id: Str,
  first_name: Str,
  last_name: Str,
  job_title: Str,
  email: Str,
  phone_number: Str,
  linkedin_url: Str,
  qualification_score: Num,
  qualification_reason: Str,
  /** PERSONAL, GENERAL or ROLE; other strings kept. */
  email_type: Str,
  validation_confidence: Num,
  bounce_risk_score: Num,
});
/** One parsed prospect. */
export type Prospect = z.infer<typeof ProspectSchema>;

/**
 * One result company (guides' `Company` interface plus the COMPANY_DATA extras street,
 * postal_code, review_rating, review_count, favicon_url). `source_id` echoes the submitted
 * `external_id` for enrichment and is null for discovery.
 */
export const ResultCompanySchema = z.looseObject({
  id: NonEmptyString,
  name: Str,
  website_url: Str,
  normalized_url: Str,
  business_type: Str,
  street: Str,
  postal_code: Str,
  city: Str,
  country: Str,
  description: Str,
  employee_count: Num,
  phone_numbers: StrList,
  social_media_links: loose(z.array(SocialLinkSchema)),
  review_rating: Num,
  review_count: Num,
  favicon_url: Str,
  match_score: Num,
  match_reasons: StrList,
  match_reasoning: Str,
  web_technologies: StrList,
  web_technologies_analyzed_at: Str,
  source_id: Str,
  delivered_at: Str,
  legal_registration_info: loose(LegalRegistrationSchema),
  prospects: loose(z.array(ProspectSchema)),
});
/** One parsed result company. */
export type ResultCompany = z.infer<typeof ResultCompanySchema>;

/** `GET /orders/{id}/results` page: pagination fields are strict, the sync depends on them. */
export const ResultsPageSchema = z.looseObject({
  items: z.array(ResultCompanySchema),
  total: z.int().check(z.nonnegative()),
  limit: Num,
  offset: Num,
  has_more: z.boolean(),
});
/** One parsed results page. */
export type ResultsPage = z.infer<typeof ResultsPageSchema>;

// ---------------------------------------------------------------------------------------------
// Search profile creation (NOTES only; response shapes undocumented, read defensively)
// ---------------------------------------------------------------------------------------------

/** `POST /search-profile-creations` and `GET /search-profile-creations/{id}` body. */
export const ProfileCreationSchema = z.looseObject({
  profile_creation_id: Str,
  id: Str,
  status: NonEmptyString,
  profile_id: Str,
  reason: Str,
  failure_reason: Str,
  error_message: Str,
  message: Str,
  error: z.optional(z.unknown()),
});
/** Parsed profile creation body. */
export type ProfileCreation = z.infer<typeof ProfileCreationSchema>;

// ---------------------------------------------------------------------------------------------
// Blacklists (discovery guide + NOTES; response shapes undocumented, read defensively)
// ---------------------------------------------------------------------------------------------

/** A blacklist: `id` (or `blacklist_id`), `name`, `description`. */
export const BlacklistSchema = z.looseObject({
  id: Str,
  blacklist_id: Str,
  name: Str,
  description: Str,
  entry_count: Num,
  created_at: Str,
  updated_at: Str,
});
/** Parsed blacklist. */
export type Blacklist = z.infer<typeof BlacklistSchema>;

/** A blacklist entry as sent in `POST /blacklists/{id}/entries` (discovery guide). */
export const BlacklistEntrySchema = z.looseObject({
  id: Str,
  company_name: Str,
  website_url: Str,
  city: Str,
  country: Str,
  external_id: Str,
});
/** Parsed blacklist entry. */
export type BlacklistEntry = z.infer<typeof BlacklistEntrySchema>;
