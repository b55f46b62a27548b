/**
 * Openmart brand search to a tab (`POST /api/v2/brands/search`, one row per brand): search term,
 * location (country required), store counts, ownership, the three tri-state "has" filters, website
 * and social lists, and the ascending sort the API accepts.
 */
import { el } from './dom';
import { checkboxList, selectField, textField, type FormState } from './form';
import { pair, searchActions, text, YES_NO } from './openmart-common';
import { call, submitCall } from './rpc';

const state: FormState = {
  title: '',
  search_term: '',
  country: 'US',
  state: '',
  city: '',
  min_stores: '',
  max_stores: '',
  ownership_type: [],
  has_staff_info: '',
  has_business_email: '',
  has_business_phone_number: '',
  website_url: '',
  exclude_website_url: '',
  social_media_link: '',
  order_by: '',
  count: '100',
};

/** The form as buildBrandSearch reads it. */
export function brandForm(): Record<string, unknown> {
  const keys = [
    'title',
    'search_term',
    'min_stores',
    'max_stores',
    'has_staff_info',
    'has_business_email',
    'has_business_phone_number',
    'website_url',
    'exclude_website_url',
    'social_media_link',
    'order_by',
    'count',
  ];
  const form: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, text(state, k)]));
  const owners = state['ownership_type'];
  if (Array.isArray(owners) && owners.length > 0) form['ownership_type'] = owners;
  if (['country', 'state', 'city'].some((k) => text(state, k).trim() !== ''))
    form['location'] = [{ country: text(state, 'country'), state: text(state, 'state'), city: text(state, 'city') }];
  return form;
}

/** The brand search block (closed until opened). */
export function brandBlock(status: HTMLElement): HTMLElement {
  const num = { type: 'number' };
  return el(
    'details',
    { id: 'openmart-brand-search' },
    el('summary', { text: 'Brand search to a tab (one row per company)' }),
    textField(state, 'title', 'Title * (names the tab)'),
    textField(state, 'search_term', 'Search term', { placeholder: 'coffee shop' }),
    pair(textField(state, 'country', 'Country *'), textField(state, 'state', 'State / region')),
    textField(state, 'city', 'City'),
    pair(textField(state, 'min_stores', 'Min stores', num), textField(state, 'max_stores', 'Max stores', num)),
    checkboxList(state, 'ownership_type', 'Ownership', [
      { value: 'INDEPENDENT', text: 'Independent' },
      { value: 'FAMILY', text: 'Family' },
      { value: 'FRANCHISE', text: 'Franchise' },
      { value: 'CHAIN', text: 'Chain' },
    ]),
    selectField(state, 'has_staff_info', 'Has staff info', YES_NO),
    pair(selectField(state, 'has_business_email', 'Has an email', YES_NO), selectField(state, 'has_business_phone_number', 'Has a phone', YES_NO)),
    textField(state, 'website_url', 'Only these websites (up to 20)'),
    textField(state, 'exclude_website_url', 'Exclude websites (up to 20)'),
    textField(state, 'social_media_link', 'Social links (up to 20)'),
    selectField(state, 'order_by', 'Sort', [
      ['', 'Best match'],
      ['num_stores', 'Fewest stores first'],
    ]),
    textField(state, 'count', 'Brands wanted (1 credit per row)', num),
    el('div', { class: 'muted', text: 'Counting asks Openmart for one brand first (at most 1 credit).' }),
    searchActions(
      'submit-openmart-brands',
      'Search brands',
      status,
      () => call('previewOpenmartBrandSearch', { form: brandForm() }),
      (confirmCredits) => submitCall('submitOpenmartBrandSearch', { form: brandForm(), confirmCredits }),
    ),
  );
}
