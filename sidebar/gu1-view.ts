/** gu1: KYC/KYB enrichment of rows by their external_id, with a cost estimate and a cost cap. */
import type { Gu1Preview, Gu1SettingsView, Gu1SubmitResult } from '../src/app/contract';
import { call, submitCall } from './rpc';
import { previewNotes } from './preview-notes';
import { el, mount, runAction, setStatus } from './dom';
import { resetForm, textField, type FormState } from './form';
import { rowsFromField, sourceArg } from './rows-from';
import { codePicker, parameterColumns, parametersField } from './gu1-extras';

const form: FormState = { source: '', title: '', codes: '', groups: '', costCap: '', forceRefresh: false, parameters: '' };
let mapping: Record<string, number> | undefined;
/** The source's headers from the last preview (the parameter columns are found by them). */
let headers: string[] | undefined;

/** The parameter columns of the form, or a sentence when they cannot be found. */
function params(): { parameterColumns?: Record<string, number> } {
  const text = String(form['parameters'] ?? '').trim();
  if (text === '') return {};
  if (!headers) throw new Error('Preview first, so the parameter columns can be found by their headers.');
  const r = parameterColumns(text, headers);
  if (r.problems.length > 0) throw new Error(r.problems.join(' '));
  return { parameterColumns: r.columns };
}

function list(v: unknown): string[] {
  return String(v ?? '')
    .split(/[\n,;]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function options(): Record<string, unknown> {
  const cap = String(form['costCap'] ?? '').trim();
  return {
    title: String(form['title'] ?? ''),
    integrationCodes: list(form['codes']),
    enrichmentGroupRefs: list(form['groups']),
    forceRefresh: form['forceRefresh'] === true,
    costCap: cap === '' ? null : Number(cap),
  };
}

/** The estimate in gu1's unit, and why it asks for a tick. */
function estimateText(p: Gu1Preview): string {
  if (p.estimate.totalCents === null)
    return 'Estimated cost: unknown (gu1 has not priced these integrations for you yet; it bills each row it enriches). Tick "I accept this cost" to send.';
  const above = p.needsConfirmation ? ' (above your confirmation threshold: tick "I accept this cost" to send)' : '';
  return `Estimated cost: ${p.estimate.total} in your gu1 account's currency${above}.`;
}

/** The parameters the first row sends, so the user sees the columns were found. */
function sentParameters(p: Gu1Preview): HTMLElement | null {
  const first = p.rows[0];
  if (!first || Object.keys(first.parameters).length === 0) return null;
  const pairs = Object.entries(first.parameters).map(([k, v]) => `${k} = ${v}`);
  return el('div', { class: 'muted', id: 'gu1-parameters', text: `Row ${first.rowNumber} sends parameters: ${pairs.join(', ')}` });
}

function previewBlock(p: Gu1Preview): HTMLElement {
  const codes = p.estimate.codes.map((c) => `${c.code}: ${c.costCents === null ? 'price unknown' : `${(c.costCents / 100).toFixed(2)} per row`}`);
  return el(
    'div',
    { class: 'block', id: 'gu1-preview' },
    el('div', { text: `${p.validCount} row(s) ready, ${p.invalidCount} invalid, ${p.emptyRows} empty.` }),
    el('div', { id: 'gu1-estimate', class: 'cost', text: estimateText(p) }),
    ...codes.map((c) => el('div', { class: 'muted', text: c })),
    sentParameters(p),
    ...previewNotes(p),
  );
}

/** The user's saved code list, the confirmation threshold and the learnt prices. */
function settingsBlock(settings: Gu1SettingsView, status: HTMLElement): HTMLElement {
  const threshold = el('input', {
    type: 'number',
    id: 'gu1-threshold',
    min: '0',
    step: '0.01',
    value: settings.confirmAbove === null ? '' : String(settings.confirmAbove),
  });
  const saveCodes = el('button', { type: 'button', text: 'Save the codes above as my list' });
  saveCodes.addEventListener(
    'click',
    () =>
      void runAction(
        saveCodes,
        status,
        'Saving…',
        () => call('saveGu1Settings', { integrationCodes: list(form['codes']) }),
        (v) => `Saved ${v.integrationCodes.length} code(s).`,
      ),
  );
  const saveThreshold = el('button', { type: 'button', text: 'Save threshold' });
  saveThreshold.addEventListener('click', () => {
    const t = threshold.value.trim();
    void runAction(
      saveThreshold,
      status,
      'Saving…',
      () => call('saveGu1Settings', { confirmAbove: t === '' ? null : Number(t) }),
      (v) => (v.confirmAbove === null ? 'Runs never ask for confirmation.' : `Runs above ${v.confirmAbove} ask for confirmation.`),
    );
  });
  const forget = el('button', { type: 'button', text: 'Forget learnt prices' });
  forget.addEventListener(
    'click',
    () =>
      void runAction(
        forget,
        status,
        'Forgetting…',
        () => call('saveGu1Settings', { forgetCosts: true }),
        () => 'Prices forgotten; the next estimates say "unknown" until gu1 answers again.',
      ),
  );
  return el(
    'details',
    {},
    el('summary', { text: 'gu1 settings' }),
    el('div', { class: 'row' }, saveCodes),
    el('label', { for: 'gu1-threshold', text: 'Ask for confirmation above (currency units; empty: never)' }),
    threshold,
    el('div', { class: 'row' }, saveThreshold),
    el('div', {
      class: 'muted',
      text: settings.knownCosts.length > 0 ? `Prices seen: ${settings.knownCosts.map((c) => `${c.code} ${c.cost}`).join(', ')}` : 'No prices seen yet.',
    }),
    forget,
  );
}

/** Render the gu1 section. */
export async function renderGu1(root: HTMLElement): Promise<void> {
  const [sheets, settings] = await Promise.all([call('getSheetsInfo'), call('getGu1Settings')]);
  if (!form['codes'] && settings.integrationCodes.length > 0) form['codes'] = settings.integrationCodes.join('\n');
  const status = el('div', { class: 'status' });
  const submitStatus = el('div', { class: 'status submit-result', id: 'gu1-result' });
  const previewArea = el('div');
  const confirm = el('input', { type: 'checkbox', id: 'gu1-confirm' });
  let last: Gu1Preview | undefined;

  const preview = el('button', { type: 'button', class: 'action', text: 'Preview and estimate' });
  preview.addEventListener('click', () => {
    const read = async (): Promise<Gu1Preview> => {
      const source = sourceArg(String(form['source']));
      let p = await call('previewGu1', { source, ...(mapping ? { mapping } : {}), ...(headers ? params() : {}), options: options() });
      // The first preview of a source brings its headers; the parameter columns are found by them.
      if (!headers && String(form['parameters'] ?? '').trim() !== '') {
        headers = p.headers;
        p = await call('previewGu1', { source, mapping: p.mapping, ...params(), options: options() });
      }
      headers = p.headers;
      return p;
    };
    void runAction(preview, status, 'Reading rows…', read).then((p) => {
      if (!p) return;
      last = p;
      mapping = p.mapping;
      mount(previewArea, previewBlock(p));
    });
  });
  const submit = el('button', { type: 'button', class: 'create', id: 'submit-gu1', text: 'Run gu1 enrichment' });
  submit.addEventListener('click', () => {
    if (last?.needsConfirmation && !confirm.checked) {
      setStatus(
        submitStatus,
        'error',
        last.estimate.totalCents === null
          ? 'The price is unknown: tick "I accept this cost" first.'
          : 'The estimate is above your threshold: tick "I accept this cost" first.',
      );
      return;
    }
    void runAction(
      submit,
      submitStatus,
      'Submitting…',
      async () =>
        submitCall('submitGu1', {
          source: sourceArg(String(form['source'])),
          mapping: mapping ?? {},
          ...params(),
          options: options(),
          confirmed: confirm.checked,
        }),
      (r: Gu1SubmitResult) =>
        `Job "${r.job.title}" ${r.job.state}: ${r.job.counts['rowsDone'] ?? 0} row(s) done so far. Follow it in Jobs.${r.notice ? ` ${r.notice}` : ''}`,
    ).then((r) => {
      if (!r) return;
      // The next run starts clean; the codes, groups and parameter columns stay (the user's usual choice).
      resetForm(form, { forceRefresh: false }, ['source', 'codes', 'groups', 'parameters']);
      force.checked = false;
      confirm.checked = false;
      last = undefined;
      mount(previewArea);
    });
  });
  const codesField = textField(form, 'codes', 'Integration codes (one per line)', { multiline: true, placeholder: 'ar_afip_enrichment' });
  const groupsField = textField(form, 'groups', 'Enrichment groups (slug or id)', { placeholder: 'kyb-argentina' });
  const force = el('input', { type: 'checkbox', id: 'gu1-force' });
  force.checked = form['forceRefresh'] === true;
  force.addEventListener('change', () => {
    form['forceRefresh'] = force.checked;
  });
  mount(
    root,
    el('h2', { text: 'gu1 KYC/KYB enrichment' }),
    el('p', { class: 'muted', text: 'Rows need the external_id gu1 knows the entity by (it is never generated for gu1).' }),
    rowsFromField(form, 'source', 'gu1', sheets, () => {
      mapping = undefined;
      headers = undefined;
    }),
    textField(form, 'title', 'Title'),
    codesField,
    groupsField,
    codePicker(form, codesField, groupsField),
    parametersField(form),
    textField(form, 'costCap', 'Cost cap (currency units, optional)', { type: 'number' }),
    el(
      'div',
      { class: 'block' },
      force,
      el('label', { for: 'gu1-force', text: ' Force refresh (bypass gu1’s cache; costs again)', style: 'display:inline;font-weight:normal' }),
    ),
    el('div', { class: 'row' }, preview),
    previewArea,
    el('div', { class: 'block' }, confirm, el('label', { for: 'gu1-confirm', text: ' I accept this cost', style: 'display:inline;font-weight:normal' })),
    el('div', { class: 'row' }, submit),
    submitStatus,
    status,
    settingsBlock(settings, status),
  );
}
