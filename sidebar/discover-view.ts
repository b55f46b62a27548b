/** Discover: the ICP form, blacklists (from a range), search profiles, and importing an order. */
import type { SubmitResult } from '../src/app/contract';
import { call, submitCall } from './rpc';
import { el, mount, runAction, setStatus } from './dom';
import { checkboxList, selectField, textField, type FormState } from './form';

const form: FormState = { title: '', features: [], priority: 'NORMAL', blacklist_ids: [] };
const profile: FormState = {};
const importForm: FormState = { orderId: '' };
const blacklist: FormState = { name: '' };

function text(state: FormState, k: string): string {
  return typeof state[k] === 'string' ? (state[k] as string) : '';
}

function removeEntriesBlock(status: HTMLElement, blacklists: Array<{ id: string; name: string }>): HTMLElement | null {
  if (blacklists.length === 0) return null;
  const state: FormState = {};
  const go = el('button', { type: 'button', text: 'Remove entries matching selection' });
  go.addEventListener('click', () => {
    void runAction(
      go,
      status,
      'Removing entries…',
      async () => {
        const sheets = await call('getSheetsInfo');
        if (!sheets.selection) throw new Error('Select the rows to remove (with their header row) first.');
        return call('removeBlacklistEntriesFromRange', { blacklistId: text(state, 'blacklist'), source: { a1: sheets.selection } });
      },
      (r) => `${r.removed} entr${r.removed === 1 ? 'y' : 'ies'} removed${r.notFound ? `, ${r.notFound} row(s) not on the list` : ''}.`,
    );
  });
  return el(
    'details',
    {},
    el('summary', { text: 'Remove blacklist entries' }),
    selectField(state, 'blacklist', 'Blacklist', blacklists.map((b) => [b.id, b.name])),
    go,
  );
}

function blacklistBlock(status: HTMLElement, rerender: () => void): HTMLElement {
  const create = el('button', { type: 'button', text: 'Create from selection' });
  create.addEventListener('click', () => {
    void runAction(
      create,
      status,
      'Creating blacklist…',
      async () => {
        const sheets = await call('getSheetsInfo');
        if (!sheets.selection) throw new Error('Select a range with a header row (name, website, city, country) first.');
        return call('blacklistFromRange', { name: text(blacklist, 'name'), source: { a1: sheets.selection } });
      },
      (r) => `Blacklist "${r.name}" created with ${r.added} entries.`,
    ).then((r) => {
      if (r) {
        form['blacklist_ids'] = [...((form['blacklist_ids'] as string[]) ?? []), r.blacklistId];
        rerender();
      }
    });
  });
  return el('details', {}, el('summary', { text: 'New blacklist from a range' }), textField(blacklist, 'name', 'Blacklist name'), create);
}

function profileBlock(status: HTMLElement): HTMLElement {
  const go = el('button', { type: 'button', text: 'Create profile' });
  const result = el('div', { class: 'status' });
  go.addEventListener('click', () => {
    void runAction(go, status, 'Creating profile…', async () => {
      let s = await call('createSearchProfile', {
        profile_name: text(profile, 'profile_name'),
        ideal_customer_profile: text(form, 'ideal_customer_profile'),
        seller_offering: text(form, 'seller_offering'),
        target_countries: text(form, 'target_countries').split(/[\n,;]/).map((x) => x.trim()).filter(Boolean),
      });
      for (let i = 0; i < 60 && (s.status === 'PENDING' || s.status === 'RUNNING'); i++) {
        setStatus(result, 'busy', `Profile ${s.status.toLowerCase()}…`);
        await new Promise((r) => window.setTimeout(r, 3000));
        s = await call('getSearchProfileCreation', { profileCreationId: s.profileCreationId });
      }
      if (s.status === 'SUCCEEDED' && s.profileId) {
        form['profile_id'] = s.profileId;
        setStatus(result, 'ok', `Profile ready: ${s.profileId} (used by the order below).`);
      } else setStatus(result, 'error', `Profile creation ${s.status}${s.reason ? `: ${s.reason}` : ''}. Fix the form and create it again.`);
      return s;
    });
  });
  return el('details', {}, el('summary', { text: 'Search profile' }), textField(profile, 'profile_name', 'Profile name'), go, result);
}

function importBlock(status: HTMLElement): HTMLElement {
  const go = el('button', { type: 'button', text: 'Import order' });
  const pick = el('button', { type: 'button', text: 'List my orders' });
  const list = el('div');
  go.addEventListener('click', () => void runAction(go, status, 'Importing…', () => call('importOrder', { orderId: text(importForm, 'orderId') }), (r: SubmitResult) => `Tracking "${r.job.title}" (${r.job.state}).`));
  pick.addEventListener('click', () => {
    void runAction(pick, status, 'Loading orders…', () => call('listOpenProspectOrders')).then((orders) => {
      if (!orders) return;
      mount(
        list,
        ...orders.map((o) => {
          const b = el('button', { type: 'button', text: `${o.title || o.orderId} · ${o.status}` });
          b.addEventListener('click', () => void runAction(b, status, 'Importing…', () => call('importOrder', { orderId: o.orderId }), (r: SubmitResult) => `Tracking "${r.job.title}" (${r.job.state}).`));
          return el('div', {}, b);
        }),
      );
    });
  });
  return el('details', {}, el('summary', { text: 'Import an existing order' }), textField(importForm, 'orderId', 'Order id'), el('div', { class: 'row' }, go, pick), list);
}

/** Render the Discover section. */
export async function renderDiscover(root: HTMLElement): Promise<void> {
  const info = await call('getOpenProspectFormInfo');
  let blacklists: Array<{ id: string; name: string }> = [];
  try {
    blacklists = await call('listBlacklists');
  } catch {
    // no key yet, or no blacklist scope: the form still works without blacklists
  }
  if ((form['features'] as string[]).length === 0) form['features'] = [...info.recommended];
  const status = el('div', { class: 'status' });
  const submit = el('button', { type: 'button', class: 'create', id: 'submit-discovery', text: 'Submit discovery order' });
  submit.addEventListener('click', () => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(form)) body[k] = v;
    if (text(form, 'briefing_quantity') !== '') body['briefing_quantity'] = Number(text(form, 'briefing_quantity'));
    else delete body['briefing_quantity'];
    void runAction(submit, status, 'Submitting…', () => submitCall('submitDiscovery', body), (r: SubmitResult) => `Job "${r.job.title}" created: ${r.job.state}.${r.notice ? ` ${r.notice}` : ''}`);
  });
  const rerender = (): void => void renderDiscover(root);
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
    textField(form, 'profile_id', 'Profile id (optional)'),
    blacklists.length > 0 ? checkboxList(form, 'blacklist_ids', 'Blacklists', blacklists.map((b) => ({ value: b.id, text: b.name }))) : null,
    blacklistBlock(status, rerender),
    removeEntriesBlock(status, blacklists),
    profileBlock(status),
    el('div', { class: 'cost', id: 'discover-cost', text: info.cost }),
    el('div', { class: 'row' }, submit),
    status,
    el('h2', { text: 'Existing orders' }),
    importBlock(status),
  );
}
