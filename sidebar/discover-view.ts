/** Discover: the ICP form, blacklists (from a range), search profiles, and importing an order. */
import type { SubmitResult } from '../src/app/contract';
import { call, submitCall } from './rpc';
import { el, mount, runAction, setStatus } from './dom';
import { checkboxList, resetForm, selectField, textField, type FormState } from './form';
import { OP_HINTS, OP_LABELS } from '../src/providers/openprospect/form-labels';
import type { BlacklistSummary } from '../src/app/contract';
import { blacklistBlocks } from './blacklists-view';
import { importBlock } from './orders-picker';
import { profileBlock, profileIdField } from './profile-view';

/** A status sentence to show again after the section renders anew (e.g. "Blacklist created"). */
let carried = '';
const DEFAULTS: FormState = { title: '', features: [], priority: 'NORMAL', blacklist_ids: [] };
const form: FormState = { ...DEFAULTS, features: [], blacklist_ids: [] };

function text(state: FormState, k: string): string {
  return typeof state[k] === 'string' ? (state[k] as string) : '';
}

/** Render the Discover section. */
export async function renderDiscover(root: HTMLElement): Promise<void> {
  const info = await call('getOpenProspectFormInfo');
  let blacklists: BlacklistSummary[] = [];
  try {
    blacklists = await call('listBlacklists');
  } catch {
    // no key yet, or no blacklist scope: the form still works without blacklists
  }
  if ((form['features'] as string[]).length === 0) form['features'] = [...info.recommended];
  const status = el('div', { class: 'status' });
  if (carried) setStatus(status, 'ok', carried);
  carried = '';
  const submitStatus = el('div', { class: 'status submit-result', id: 'discover-result' });
  const submit = el('button', { type: 'button', class: 'create', id: 'submit-discovery', text: 'Submit discovery order' });
  submit.addEventListener('click', () => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(form)) body[k] = v;
    if (text(form, 'briefing_quantity') !== '') body['briefing_quantity'] = Number(text(form, 'briefing_quantity'));
    else delete body['briefing_quantity'];
    void runAction(
      submit,
      submitStatus,
      'Submitting…',
      () => submitCall('submitDiscovery', body),
      (r: SubmitResult) => `Job "${r.job.title}" created: ${r.job.state}. Follow it in Jobs.${r.notice ? ` ${r.notice}` : ''}`,
    ).then((r) => {
      if (r) resetForm(form, { ...DEFAULTS, features: [...info.recommended] });
    });
  });
  const rerender = (said = ''): void => {
    carried = said;
    void renderDiscover(root);
  };
  mount(
    root,
    el('h2', { text: 'OpenProspect discovery' }),
    textField(form, 'title', `${OP_LABELS.title} *`, { help: 'Names the job and its result tabs.' }),
    textField(form, 'ideal_customer_profile', `${OP_LABELS.ideal_customer_profile} *`, { multiline: true }),
    textField(form, 'seller_offering', `${OP_LABELS.seller_offering} *`, { multiline: true }),
    textField(form, 'target_countries', `${OP_LABELS.target_countries} *`, { placeholder: 'Germany, AT, CH', help: OP_HINTS.target_countries }),
    textField(form, 'target_cities', OP_LABELS.target_cities),
    textField(form, 'seller_industry', OP_LABELS.seller_industry),
    textField(form, 'excluded_industries', OP_LABELS.excluded_industries),
    textField(form, 'briefing_quantity', OP_LABELS.briefing_quantity, { type: 'number', help: OP_HINTS.briefing_quantity }),
    textField(form, 'output_language', OP_LABELS.output_language, { placeholder: 'en', help: OP_HINTS.output_language }),
    checkboxList(
      form,
      'features',
      OP_LABELS.features,
      info.features.map((f) => ({ value: f.key, text: f.label, title: f.description })),
    ),
    textField(form, 'contact_roles', OP_LABELS.contact_roles, { multiline: true }),
    selectField(form, 'priority', OP_LABELS.priority, [
      ['NORMAL', 'Normal'],
      ['EXPRESS', 'Express'],
    ]),
    textField(form, 'profile_name', OP_LABELS.profile_name, { help: OP_HINTS.profile_name }),
    profileIdField(form),
    el('details', {}, el('summary', { text: 'Webhook (optional)' }), textField(form, 'webhook_url', OP_LABELS.webhook_url, { type: 'url' })),
    blacklists.length > 0
      ? checkboxList(
          form,
          'blacklist_ids',
          OP_LABELS.blacklist_ids,
          blacklists.map((b) => ({ value: b.id, text: b.name })),
        )
      : null,
    ...blacklistBlocks(
      status,
      blacklists,
      (id, said) => {
        form['blacklist_ids'] = [...((form['blacklist_ids'] as string[]) ?? []), id];
        rerender(said);
      },
      rerender,
    ),
    profileBlock(status),
    el('div', { class: 'cost', id: 'discover-cost', text: info.cost }),
    el('div', { class: 'row' }, submit),
    submitStatus,
    status,
    el('h2', { text: 'Existing orders' }),
    importBlock(status),
  );
}
