/**
 * The words the OpenProspect forms show, in one place: the sidebar's labels and hints and the
 * validation messages use these, so "What you sell is required" names the field the user sees.
 */
export const OP_LABELS = {
  title: 'Title',
  features: 'Features',
  ideal_customer_profile: 'Ideal customer profile',
  seller_offering: 'What you sell',
  target_countries: 'Target countries',
  target_cities: 'Target cities',
  seller_industry: 'Your industry',
  excluded_industries: 'Excluded industries',
  briefing_quantity: 'Companies wanted',
  output_language: 'Output language',
  contact_roles: 'Contact roles (one per line)',
  profile_name: 'New search profile name',
  profile_id: 'Existing search profile id',
  priority: 'Priority',
  webhook_url: 'Webhook URL',
  blacklist_ids: 'Blacklists',
} as const;

export type OpField = keyof typeof OP_LABELS;

/** The hints under the fields that need one. */
export const OP_HINTS = {
  target_countries: 'Country names or ISO codes, comma separated: Germany, AT, CH.',
  profile_name: 'Optional. OpenProspect saves this order’s search settings as a profile under this name, to reuse in later orders.',
  profile_id: 'Optional. Reuse a profile saved before (Discover > Search profile shows its id). Give a new name or an id, not both.',
  output_language: 'A language code: en, de, fr.',
  briefing_quantity: 'How many qualified companies you want found.',
} as const satisfies Partial<Record<OpField, string>>;

/** "What you sell is required." */
export function requiredText(field: OpField, what = ''): string {
  return `${OP_LABELS[field]} is required${what ? `: ${what}` : ''}.`;
}
