/** Enrich: source -> column mapping with a preview and every invalid row -> options -> Submit. */
import type { EnrichmentPreview, SubmitResult } from '../src/app/contract';
import { sourceArg } from './source';
import { call, submitCall } from './rpc';
import { profileIdField } from './profile-view';
import { previewNotes } from './preview-notes';
import { el, mount, runAction, setStatus } from './dom';
import { checkboxList, selectField, textField, type FormState } from './form';
import { phoneOffer } from './phone-offer';

// Module state: survives tab switches and failed submissions.
const form: FormState = { source: '', title: '', features: [], priority: 'NORMAL' };
let mapping: Record<string, number> | undefined;
let preview: EnrichmentPreview | undefined;
/** "Send without the phone" for rows whose phone cell shows #ERROR! (asked per source). */
let withoutPhone = false;


function mappingTable(p: EnrichmentPreview, onChange: () => void): HTMLElement {
  const table = el('table', { class: 'preview' }, el('tr', {}, el('th', { text: 'Field' }), el('th', { text: 'Column' })));
  for (const f of p.fields) {
    const select = el('select', { 'aria-label': `Column for ${f.label}`, 'data-field': f.key });
    select.appendChild(el('option', { value: '-1', text: '— not mapped —' }));
    p.headers.forEach((h, i) => {
      select.appendChild(el('option', { value: String(i), text: h || `(column ${i + 1})` }));
    });
    select.value = String(p.mapping[f.key] ?? -1);
    select.addEventListener('change', () => {
      const next = { ...(mapping ?? p.mapping) };
      const v = Number(select.value);
      if (v < 0) delete next[f.key];
      else next[f.key] = v;
      mapping = next;
      onChange();
    });
    table.appendChild(el('tr', {}, el('td', { text: `${f.label}${f.required ? ' *' : ''}` }), el('td', {}, select)));
  }
  return table;
}

function previewBlock(p: EnrichmentPreview): HTMLElement {
  const cols = ['company_name', 'website_url', 'city', 'country'];
  const label = (key: string): string => p.fields.find((f) => f.key === key)?.label ?? key;
  const table = el('table', { class: 'preview' }, el('tr', {}, el('th', { text: 'Row' }), ...cols.map((c) => el('th', { text: label(c) }))));
  for (const r of p.rows) table.appendChild(el('tr', {}, el('td', { text: String(r.rowNumber) }), ...cols.map((c) => el('td', { text: r.values[c] ?? '', title: r.values[c] ?? '' }))));
  const summary = `${p.validCount} row(s) ready${p.orders > 1 ? ` in ${p.orders} orders` : ''}, ${p.invalidCount} invalid, ${p.emptyRows} empty; ${p.idsToGenerate} external_id(s) will be generated and written back.`;
  return el(
    'div',
    { class: 'block', id: 'preview' },
    el('div', { text: summary, id: 'preview-summary' }),
    el('div', { class: 'cost', id: 'enrich-cost', text: p.cost }),
    table,
    ...previewNotes(p),
  );
}

/** Render the Enrich section. */
export async function renderEnrich(root: HTMLElement): Promise<void> {
  const [sheets, info] = await Promise.all([call('getSheetsInfo'), call('getOpenProspectFormInfo')]);
  if (!form['source']) form['source'] = sheets.active;
  if ((form['features'] as string[]).length === 0) form['features'] = [...info.recommended];
  const status = el('div', { class: 'status' });
  const mapArea = el('div', { id: 'mapping' });
  const previewArea = el('div');
  const hints = el('div', { class: 'muted', id: 'feature-hints' });

  const load = async (): Promise<void> => {
    setStatus(status, 'busy', 'Reading rows…');
    try {
      preview = await call('previewEnrichment', { source: sourceArg(String(form['source'])), ...(mapping ? { mapping } : {}), ...(withoutPhone ? { withoutBrokenPhones: true } : {}) });
      mapping = preview.mapping;
      mount(mapArea, el('h2', { text: 'Columns' }), mappingTable(preview, () => void load()));
      const offer = phoneOffer(preview.brokenPhoneRows, withoutPhone, (on) => {
        withoutPhone = on;
        void load();
      });
      mount(previewArea, el('h2', { text: 'Preview' }), previewBlock(preview), offer);
      setStatus(status, 'idle');
    } catch (e) {
      setStatus(status, 'error', e instanceof Error ? e.message : String(e));
    }
  };
  const updateHints = (): void => {
    call('getFeatureHints', form['features'] as string[]).then(
      (h) => mount(hints, ...h.map((t) => el('div', { text: t }))),
      () => mount(hints),
    );
  };

  const sourceOptions: Array<[string, string]> = sheets.sheets.map((s) => [s.name, `${s.name} (${Math.max(0, s.rows - 1)} rows)`]);
  if (sheets.selection) sourceOptions.unshift([sheets.selection, `Selection ${sheets.selection}`]);
  const submit = el('button', { type: 'button', class: 'create', id: 'submit-enrichment', text: 'Submit enrichment' });
  submit.addEventListener('click', () => {
    void runAction(
      submit,
      status,
      'Submitting…',
      () => submitCall('submitEnrichment', { source: sourceArg(String(form['source'])), mapping: mapping ?? {}, options: optionsFromForm(), ...(withoutPhone ? { withoutBrokenPhones: true } : {}) }),
      (r: SubmitResult) => `Job "${r.job.title}" created: ${r.job.state}.${r.idsGenerated ? ` ${r.idsGenerated} external_id(s) written back.` : ''}${r.invalidCount ? ` ${r.invalidCount} row(s) skipped (see preview).` : ''}${r.notice ? ` ${r.notice}` : ''}`,
    );
  });

  mount(
    root,
    el('h2', { text: 'OpenProspect enrichment' }),
    selectField(form, 'source', 'Rows from', sourceOptions, () => {
      mapping = undefined;
      withoutPhone = false;
      void load();
    }),
    mapArea,
    previewArea,
    el('h2', { text: 'Order' }),
    textField(form, 'title', 'Title *', { placeholder: 'e.g. Q1 Hotels' }),
    checkboxList(
      form,
      'features',
      'Features',
      info.features.map((f) => ({ value: f.key, text: f.label, title: f.description + (f.needs.length ? ` Needs: ${f.needs.join(', ')}` : '') })),
      updateHints,
    ),
    hints,
    textField(form, 'profile_name', 'New profile name', { help: 'Or reuse a search profile by its id below.' }),
    profileIdField(form),
    selectField(form, 'priority', 'Priority', [
      ['NORMAL', 'Normal'],
      ['EXPRESS', 'Express'],
    ]),
    textField(form, 'ideal_customer_profile', 'Ideal customer profile', { multiline: true }),
    textField(form, 'contact_roles', 'Contact roles (one per line)', { multiline: true }),
    el('details', {}, el('summary', { text: 'Webhook (optional)' }), textField(form, 'webhook_url', 'Webhook URL', { type: 'url' })),
    el('div', { class: 'row' }, submit),
    status,
  );
  updateHints();
  await load();
}

function optionsFromForm(): Record<string, unknown> {
  const text = (k: string): string => (typeof form[k] === 'string' ? (form[k] as string) : '');
  return {
    title: text('title'),
    features: form['features'],
    profile_name: text('profile_name'),
    profile_id: text('profile_id'),
    priority: text('priority'),
    ideal_customer_profile: text('ideal_customer_profile'),
    contact_roles: text('contact_roles'),
    webhook_url: text('webhook_url'),
  };
}
