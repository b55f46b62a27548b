/** Discover: the ICP form, blacklists (from a range), search profiles, and importing an order. */
import type { SubmitResult } from '../src/app/contract';
import { call, submitCall } from './rpc';
import { el, mount, runAction, setStatus } from './dom';
import { checkboxList, selectField, textField, type FormState } from './form';
import type { BlacklistSummary } from '../src/app/contract';
import { blacklistBlocks } from './blacklists-view';
import { importBlock } from './orders-picker';
import { profileBlock, profileIdField } from './profile-view';

/** A status sentence to show again after the section renders anew (e.g. "Blacklist created"). */
let carried = '';
const form: FormState = { title: '', features: [], priority: 'NORMAL', blacklist_ids: [] };

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
  const submit = el('button', { type: 'button', class: 'create', id: 'submit-discovery', text: 'Submit discovery order' });
  submit.addEventListener('click', () => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(form)) body[k] = v;
    if (text(form, 'briefing_quantity') !== '') body['briefing_quantity'] = Number(text(form, 'briefing_quantity'));
    else delete body['briefing_quantity'];
    void runAction(submit, status, 'Submitting…', () => submitCall('submitDiscovery', body), (r: SubmitResult) => `Job "${r.job.title}" created: ${r.job.state}.${r.notice ? ` ${r.notice}` : ''}`);
  });
  const rerender = (said = ''): void => {
    carried = said;
    void renderDiscover(root);
  };
  mount(
    root,
    el('h2', { text: 'OpenProspect discovery' }),
    textField(form, 'title', 'Title *'),
    textField(form, 'ideal_customer_profile', 'Ideal customer profile *', { multiline: true }),
    textField(form, 'seller_offering', 'What you sell *', { multiline: true }),
    textField(form, 'target_countries', 'Target countries * (ISO codes, comma separated)', { placeholder: 'DE, AT, CH' }),
    textField(form, 'target_cities', 'Target cities'),
    textField(form, 'seller_industry', 'Your industry'),
    textField(form, 'excluded_industries', 'Excluded industries'),
    textField(form, 'briefing_quantity', 'Companies wanted', { type: 'number' }),
    textField(form, 'output_language', 'Output language', { placeholder: 'en' }),
    checkboxList(form, 'features', 'Features', info.features.map((f) => ({ value: f.key, text: f.label, title: f.description }))),
    textField(form, 'contact_roles', 'Contact roles (one per line)', { multiline: true }),
    selectField(form, 'priority', 'Priority', [
      ['NORMAL', 'Normal'],
      ['EXPRESS', 'Express'],
    ]),
    textField(form, 'profile_name', 'New profile name', { help: 'Or reuse a search profile by its id below.' }),
    profileIdField(form),
    el('details', {}, el('summary', { text: 'Webhook (optional)' }), textField(form, 'webhook_url', 'Webhook URL', { type: 'url' })),
    blacklists.length > 0 ? checkboxList(form, 'blacklist_ids', 'Blacklists', blacklists.map((b) => ({ value: b.id, text: b.name }))) : null,
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
    status,
    el('h2', { text: 'Existing orders' }),
    importBlock(status),
  );
}
