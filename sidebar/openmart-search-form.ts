/**
 * Openmart business search to a tab: the common fields open, every other documented filter of
 * `POST /api/v1/search` under "More filters" (collapsed by default). "Count and estimate" sizes the
 * search (only_ids) before any row is paid for.
 */
import { el } from './dom';
import { selectField, textField, type FormState } from './form';
import { pair, searchActions, text, YES_NO } from './openmart-common';
import { call, submitCall } from './rpc';

const LOCATION = ['country', 'state', 'city', 'zip_code', 'lat', 'long', 'geo_radius', 'use_geo_fuzz'] as const;
const FLAT = [
  'title',
  'count',
  'query',
  'tags',
  'store_name',
  'has_website',
  'has_valid_website',
  'has_contact_info',
  'min_overall_rating',
  'max_overall_rating',
  'min_total_reviews',
  'max_total_reviews',
  'min_price_tier',
  'max_price_tier',
  'min_locations',
  'max_locations',
  'ownership_type',
  'include_keywords',
  'exclude_keywords',
  'exclude_root_domains',
  'open_date_after',
  'open_date_before',
  'info_updated_after',
  'info_updated_before',
] as const;

const state: FormState = Object.fromEntries([...FLAT, ...LOCATION].map((k) => [k, ''])) as FormState;
state['count'] = '100';

const TIERS: Array<[string, string]> = [
  ['', 'Any'],
  ['1', '1 ($)'],
  ['2', '2 ($$)'],
  ['3', '3 ($$$)'],
  ['4', '4 ($$$$)'],
];
const OWNERSHIP: Array<[string, string]> = [
  ['', 'Any'],
  ['INDEPENDENT', 'Independent'],
  ['FAMILY', 'Family'],
  ['FRANCHISE', 'Franchise'],
  ['CHAIN', 'Chain'],
];

/** The form as buildSearch reads it (blank fields are no filter). */
export function searchForm(): Record<string, unknown> {
  const form: Record<string, unknown> = Object.fromEntries(FLAT.map((k) => [k, text(state, k)]));
  if (LOCATION.some((k) => text(state, k).trim() !== '')) form['location'] = [Object.fromEntries(LOCATION.map((k) => [k, text(state, k)]))];
  return form;
}

function advanced(): HTMLElement {
  const num = { type: 'number' };
  return el(
    'details',
    { class: 'advanced', id: 'openmart-search-advanced' },
    el('summary', { text: 'More filters (area, quality, price, dates, exclusions)' }),
    textField(state, 'zip_code', 'Zip / postal codes (comma separated)'),
    pair(textField(state, 'lat', 'Latitude', num), textField(state, 'long', 'Longitude', num)),
    pair(textField(state, 'geo_radius', 'Radius (meters)', num), selectField(state, 'use_geo_fuzz', 'Prefer the radius', YES_NO)),
    selectField(state, 'has_valid_website', 'Has a validated website', YES_NO),
    textField(state, 'store_name', 'Store name'),
    pair(textField(state, 'min_overall_rating', 'Min rating (0-5)', num), textField(state, 'max_overall_rating', 'Max rating (0-5)', num)),
    pair(textField(state, 'min_total_reviews', 'Min reviews', num), textField(state, 'max_total_reviews', 'Max reviews', num)),
    pair(selectField(state, 'min_price_tier', 'Min price tier', TIERS), selectField(state, 'max_price_tier', 'Max price tier', TIERS)),
    pair(textField(state, 'min_locations', 'Min locations', num), textField(state, 'max_locations', 'Max locations', num)),
    selectField(state, 'ownership_type', 'Ownership', OWNERSHIP),
    textField(state, 'exclude_keywords', 'Exclude keywords (up to 64)'),
    textField(state, 'exclude_root_domains', 'Exclude domains (comma separated)'),
    pair(textField(state, 'open_date_after', 'Opened after', { type: 'date' }), textField(state, 'open_date_before', 'Opened before', { type: 'date' })),
    pair(
      textField(state, 'info_updated_after', 'Updated after', { type: 'date' }),
      textField(state, 'info_updated_before', 'Updated before', { type: 'date' }),
    ),
  );
}

/** The business search block. */
export function searchBlock(status: HTMLElement): HTMLElement {
  return el(
    'details',
    { open: true, id: 'openmart-search' },
    el('summary', { text: 'Business search to a tab' }),
    textField(state, 'title', 'Title * (names the tab)'),
    textField(state, 'query', 'Query', { placeholder: 'specialty coffee roaster' }),
    textField(state, 'tags', 'Tags (comma separated; take the place of the words above)'),
    textField(state, 'city', 'City'),
    pair(textField(state, 'state', 'State / region'), textField(state, 'country', 'Country')),
    pair(selectField(state, 'has_website', 'Has a website', YES_NO), selectField(state, 'has_contact_info', 'Has contact info', YES_NO)),
    textField(state, 'include_keywords', 'Include keywords (up to 64)'),
    advanced(),
    textField(state, 'count', 'Results wanted (1 credit per row)', { type: 'number' }),
    el('div', { class: 'muted', text: 'Counting asks Openmart for one id first (at most 1 credit).' }),
    searchActions(
      'submit-openmart-search',
      'Search',
      status,
      () => call('previewOpenmartSearch', { form: searchForm() }),
      (confirmCredits) => submitCall('submitOpenmartSearch', { form: searchForm(), confirmCredits }),
    ),
  );
}
