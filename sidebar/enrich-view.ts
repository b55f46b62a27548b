/** Enrich: source -> column mapping with a preview and every invalid row -> options -> Submit. */
import type { EnrichmentPreview, SubmitResult } from '../src/app/contract';
import { OP_HINTS, OP_LABELS } from '../src/providers/openprospect/form-labels';
import { call, submitCall } from './rpc';
import { previewNotes } from './preview-notes';
import { el, mount, runAction, setStatus } from './dom';
import { checkboxList, resetForm, selectField, textField, type FormState } from './form';
import { mappingTable, type Mapping } from './mapping-table';
import { rowsFromField, sourceArg } from './rows-from';
import { profileIdField } from './profile-view';
import { phoneOffer } from './phone-offer';

// Module state: survives tab switches and failed submissions.
const DEFAULTS: FormState = {
  source: '',
  title: '',
  features: [],
  priority: 'NORMAL',
  profile_name: '',
  profile_id: '',
  ideal_customer_profile: '',
  contact_roles: '',
  webhook_url: '',
};
const form: FormState = { ...DEFAULTS, features: [] };
let mapping: Mapping | undefined;
let preview: EnrichmentPreview | undefined;
/** "Send without the phone" for rows whose phone cell shows #ERROR! (asked per source). */
let withoutPhone = false;

/** The preview's columns: the first four mapped fields, each value in full (cells wrap). */
function previewBlock(p: EnrichmentPreview): HTMLElement {
  const cols = ['company_name', 'website_url', 'city', 'country'].filter((c) => p.mapping[c] !== undefined);
  const label = (key: string): string => p.fields.find((f) => f.key === key)?.label ?? key;
  const table = el(
    'table',
    { class: 'preview values' },
    el('tr', {}, el('th', { text: 'Row', scope: 'col' }), ...cols.map((c) => el('th', { text: label(c), scope: 'col' }))),
  );
  for (const r of p.rows)
    table.appendChild(
      el('tr', {}, el('td', { text: String(r.rowNumber) }), ...cols.map((c) => el('td', { text: (r.values[c] ?? '').replace(/^https?:\/\/(www\.)?/, '') }))),
    );
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
  if ((form['features'] as string[]).length === 0) form['features'] = [...info.recommended];
  const previewStatus = el('div', { class: 'status' });
  const submitStatus = el('div', { class: 'status submit-result', id: 'enrich-result' });
  const mapArea = el('div', { id: 'mapping' });
  const previewArea = el('div');
  const hints = el('div', { class: 'muted', id: 'feature-hints' });

  const load = async (): Promise<void> => {
    setStatus(previewStatus, 'busy', 'Reading rows…');
    try {
      preview = await call('previewEnrichment', {
        source: sourceArg(String(form['source'])),
        ...(mapping ? { mapping } : {}),
        ...(withoutPhone ? { withoutBrokenPhones: true } : {}),
      });
      mapping = preview.mapping;
      const p = preview;
      mount(
        mapArea,
        el('h2', { text: 'Columns' }),
        mappingTable(p, (next) => {
          mapping = next;
          void load();
        }),
      );
      const offer = phoneOffer(p.brokenPhoneRows, withoutPhone, (on) => {
        withoutPhone = on;
        void load();
      });
      mount(previewArea, el('h2', { text: 'Preview' }), previewBlock(p), offer);
      setStatus(previewStatus, 'idle');
    } catch (e) {
      setStatus(previewStatus, 'error', e instanceof Error ? e.message : String(e));
    }
  };
  const updateHints = (): void => {
    call('getFeatureHints', form['features'] as string[]).then(
      (h) => mount(hints, ...h.map((t) => el('div', { text: t }))),
      () => mount(hints),
    );
  };

  const submit = el('button', { type: 'button', class: 'create', id: 'submit-enrichment', text: 'Submit enrichment' });
  submit.addEventListener('click', () => {
    void runAction(
      submit,
      submitStatus,
      'Submitting…',
      () =>
        submitCall('submitEnrichment', {
          source: sourceArg(String(form['source'])),
          mapping: mapping ?? {},
          options: optionsFromForm(),
          ...(withoutPhone ? { withoutBrokenPhones: true } : {}),
        }),
      (r: SubmitResult) =>
        `Job "${r.job.title}" created: ${r.job.state}. Follow it in Jobs.${r.idsGenerated ? ` ${r.idsGenerated} external_id(s) written back.` : ''}${r.invalidCount ? ` ${r.invalidCount} row(s) skipped (see preview).` : ''}${r.notice ? ` ${r.notice}` : ''}`,
    ).then((r) => {
      if (!r) return;
      // A clean form for the next job (same sheet and mapping); the preview shows the ids written back.
      resetForm(form, { ...DEFAULTS, features: [...info.recommended] }, ['source']);
      updateHints();
      void load();
    });
  });

  mount(
    root,
    el('h2', { text: 'OpenProspect enrichment' }),
    rowsFromField(
      form,
      'source',
      'enrich',
      sheets,
      () => {
        mapping = undefined;
        withoutPhone = false;
        void load();
      },
      true,
    ),
    previewStatus,
    mapArea,
    previewArea,
    el('h2', { text: 'Order' }),
    textField(form, 'title', `${OP_LABELS.title} *`, { placeholder: 'e.g. Q1 Hotels', help: 'Names the job and its result tabs.' }),
    checkboxList(
      form,
      'features',
      OP_LABELS.features,
      info.features.map((f) => ({
        value: f.key,
        text: f.label,
        title: f.description + (f.needs.length ? ` Builds on: ${f.needs.map((n) => info.features.find((x) => x.key === n)?.label ?? n).join(', ')}.` : ''),
      })),
      updateHints,
    ),
    hints,
    textField(form, 'profile_name', OP_LABELS.profile_name, { help: OP_HINTS.profile_name }),
    profileIdField(form),
    selectField(form, 'priority', OP_LABELS.priority, [
      ['NORMAL', 'Normal'],
      ['EXPRESS', 'Express'],
    ]),
    textField(form, 'ideal_customer_profile', OP_LABELS.ideal_customer_profile, { multiline: true }),
    textField(form, 'contact_roles', OP_LABELS.contact_roles, { multiline: true }),
    el('details', {}, el('summary', { text: 'Webhook (optional)' }), textField(form, 'webhook_url', OP_LABELS.webhook_url, { type: 'url' })),
    el('div', { class: 'row' }, submit),
    submitStatus,
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
