/** Openmart: credits, business search to a tab, batches from rows, enrich from a column, deny rules. */
import type { BatchPreview, CreditCheck, OpenmartBatchInput, OpenmartSubmitResult } from '../src/app/contract';
import { sourceArg } from './source';
import { call, submitCall } from './rpc';
import { el, mount, runAction, setStatus } from './dom';
import { selectField, textField, type FormState } from './form';

const search: FormState = { title: '', query: '', tags: '', city: '', state: '', country: '', count: '100', has_website: '', has_contact_info: '', min_overall_rating: '', min_total_reviews: '', include_keywords: '', exclude_keywords: '' };
const batch: FormState = { operation: 'find_people', source: '', title: '', role: '', max_k: '3', tech_type: '' };
const enrich: FormState = { source: '', title: '' };
const deny: FormState = { type: 'email' };

function text(state: FormState, k: string): string {
  return typeof state[k] === 'string' ? (state[k] as string) : '';
}


function creditLine(c: CreditCheck): HTMLElement {
  const balance = c.balance === null ? 'balance unknown' : `balance ${c.balance}`;
  const warn = c.exceedsBalance ? ' — more than your balance' : c.needsConfirmation ? ' — above your confirmation threshold' : '';
  return el('div', { class: c.exceedsBalance ? 'error' : 'muted', text: `Estimate: ${c.estimate.credits} credits (${c.estimate.basis}); ${balance}${warn}.` });
}

/** A confirm checkbox + submit button pair that insists on confirmation when the preview asks. */
function submitWithConfirm(id: string, label: string, status: HTMLElement, needs: () => boolean, submit: (confirmed: boolean) => Promise<OpenmartSubmitResult>): HTMLElement {
  const confirm = el('input', { type: 'checkbox', id: `${id}-confirm` });
  const button = el('button', { type: 'button', class: 'create', id, text: label });
  button.addEventListener('click', () => {
    if (needs() && !confirm.checked) {
      setStatus(status, 'error', 'The credit estimate is above your threshold: tick "I accept these credits" first.');
      return;
    }
    void runAction(button, status, 'Submitting…', () => submit(confirm.checked), (r) => `Job "${r.job.title}" ${r.job.state}.${r.notice ? ` ${r.notice}` : ''}`);
  });
  return el('div', {}, el('div', { class: 'block' }, confirm, el('label', { for: `${id}-confirm`, text: ' I accept these credits', style: 'display:inline;font-weight:normal' })), el('div', { class: 'row' }, button));
}

function searchForm(): Record<string, unknown> {
  const location = ['city', 'state', 'country'].some((k) => text(search, k).trim() !== '') ? [{ city: text(search, 'city') || undefined, state: text(search, 'state') || undefined, country: text(search, 'country') || undefined }] : undefined;
  const form: Record<string, unknown> = { title: text(search, 'title'), count: text(search, 'count'), query: text(search, 'query'), tags: text(search, 'tags'), include_keywords: text(search, 'include_keywords'), exclude_keywords: text(search, 'exclude_keywords'), min_overall_rating: text(search, 'min_overall_rating'), min_total_reviews: text(search, 'min_total_reviews'), has_website: text(search, 'has_website'), has_contact_info: text(search, 'has_contact_info') };
  if (location) form['location'] = location;
  return form;
}

function searchBlock(status: HTMLElement): HTMLElement {
  const out = el('div');
  let last: CreditCheck | undefined;
  const preview = el('button', { type: 'button', class: 'action', text: 'Estimate' });
  preview.addEventListener('click', () => {
    void runAction(preview, status, 'Checking…', () => call('previewOpenmartSearch', { form: searchForm() })).then((p) => {
      if (!p) return;
      last = p;
      mount(out, ...p.problems.map((m) => el('div', { class: 'error', text: m })), creditLine(p));
    });
  });
  const yesNo: Array<[string, string]> = [
    ['', 'Any'],
    ['true', 'Yes'],
    ['false', 'No'],
  ];
  return el(
    'details',
    { open: true },
    el('summary', { text: 'Business search to a tab' }),
    textField(search, 'title', 'Title * (names the tab)'),
    textField(search, 'query', 'Query', { placeholder: 'specialty coffee roaster' }),
    textField(search, 'tags', 'Tags (comma separated)'),
    textField(search, 'city', 'City'),
    textField(search, 'state', 'State / region'),
    textField(search, 'country', 'Country'),
    selectField(search, 'has_website', 'Has a website', yesNo),
    selectField(search, 'has_contact_info', 'Has contact info', yesNo),
    textField(search, 'min_overall_rating', 'Minimum rating (0-5)', { type: 'number' }),
    textField(search, 'min_total_reviews', 'Minimum reviews', { type: 'number' }),
    textField(search, 'include_keywords', 'Include keywords'),
    textField(search, 'exclude_keywords', 'Exclude keywords'),
    textField(search, 'count', 'Results wanted', { type: 'number' }),
    el('div', { class: 'row' }, preview),
    out,
    submitWithConfirm('submit-openmart-search', 'Search', status, () => last?.needsConfirmation === true, (confirmCredits) => submitCall('submitOpenmartSearch', { form: searchForm(), confirmCredits })),
  );
}

function batchBlock(status: HTMLElement, sources: Array<[string, string]>, operations: Array<{ operation: string }>): HTMLElement {
  const out = el('div');
  let last: BatchPreview | undefined;
  const options = (): Record<string, unknown> => ({ title: text(batch, 'title'), role: text(batch, 'role'), max_k: text(batch, 'max_k'), tech_type: text(batch, 'tech_type') });
  const preview = el('button', { type: 'button', class: 'action', text: 'Preview and estimate' });
  preview.addEventListener('click', () => {
    void runAction(preview, status, 'Reading rows…', () => call('previewOpenmartBatch', { operation: text(batch, 'operation') as OpenmartBatchInput['operation'], source: sourceArg(text(batch, 'source')), options: options() })).then((p) => {
      if (!p) return;
      last = p;
      mount(
        out,
        el('div', { text: `${p.validCount} row(s) in ${p.batches} batch(es), ${p.invalidCount} invalid; ${p.idsToGenerate} external_id(s) to generate.` }),
        creditLine(p),
        ...p.problems.map((m) => el('div', { class: 'error', text: m })),
        p.invalid.length > 0 ? el('details', {}, el('summary', { text: `Invalid rows (${p.invalidCount})` }), ...p.invalid.map((r) => el('div', { class: 'error', text: r.reasons.join(' ') }))) : null,
      );
    });
  });
  return el(
    'details',
    {},
    el('summary', { text: 'People, tech or emails from rows' }),
    selectField(batch, 'operation', 'What to find', operations.map((o) => [o.operation, o.operation.replace(/_/g, ' ')])),
    selectField(batch, 'source', 'Rows from', sources),
    textField(batch, 'title', 'Title'),
    textField(batch, 'role', 'Job title to look for (find people)'),
    textField(batch, 'max_k', 'People per company (1-8)', { type: 'number' }),
    textField(batch, 'tech_type', 'Technology type (find tech)'),
    el('div', { class: 'row' }, preview),
    out,
    submitWithConfirm('submit-openmart-batch', 'Submit batch', status, () => last?.needsConfirmation === true, (confirmCredits) =>
      submitCall('submitOpenmartBatch', { operation: text(batch, 'operation') as OpenmartBatchInput['operation'], source: sourceArg(text(batch, 'source')), options: options(), confirmCredits }),
    ),
  );
}

function enrichBlock(status: HTMLElement, sources: Array<[string, string]>): HTMLElement {
  const out = el('div');
  let last: CreditCheck | undefined;
  const preview = el('button', { type: 'button', class: 'action', text: 'Preview and estimate' });
  preview.addEventListener('click', () => {
    void runAction(preview, status, 'Reading rows…', () => call('previewOpenmartEnrich', { source: sourceArg(text(enrich, 'source')), options: { title: text(enrich, 'title') } })).then((p) => {
      if (!p) return;
      last = p;
      mount(out, el('div', { text: `${p.validCount} row(s): ${p.lanes.openmart_id} Openmart ids, ${p.lanes.google_place_id} Place ids, ${p.lanes.website} websites; ${p.calls} call(s).` }), creditLine(p));
    });
  });
  return el(
    'details',
    {},
    el('summary', { text: 'Enrich from a column (website, Openmart id, Place id)' }),
    selectField(enrich, 'source', 'Rows from', sources),
    textField(enrich, 'title', 'Title'),
    el('div', { class: 'row' }, preview),
    out,
    submitWithConfirm('submit-openmart-enrich', 'Enrich', status, () => last?.needsConfirmation === true, (confirmCredits) =>
      submitCall('submitOpenmartEnrich', { source: sourceArg(text(enrich, 'source')), options: { title: text(enrich, 'title') }, confirmCredits }),
    ),
  );
}

function denyBlock(status: HTMLElement): HTMLElement {
  const act = (name: 'addOpenmartDenyRules' | 'removeOpenmartDenyRules' | 'checkOpenmartDenyRules', label: string): HTMLButtonElement => {
    const b = el('button', { type: 'button', text: label });
    b.addEventListener('click', () => {
      void runAction(b, status, 'Working…', () => call(name, { type: text(deny, 'type') as 'email' | 'phone', source: 'selection' }), (r) => `${r.values} value(s) ${name.startsWith('add') ? 'added' : name.startsWith('remove') ? 'removed' : 'checked'}${r.skipped ? `, ${r.skipped} skipped` : ''}.`);
    });
    return b;
  };
  return el(
    'details',
    {},
    el('summary', { text: 'Deny rules (emails or phones from the selection)' }),
    selectField(deny, 'type', 'Type', [
      ['email', 'Emails'],
      ['phone', 'Phones'],
    ]),
    el('div', { class: 'row' }, act('addOpenmartDenyRules', 'Add'), act('checkOpenmartDenyRules', 'Check'), act('removeOpenmartDenyRules', 'Remove')),
  );
}

/** Render the Openmart section. */
export async function renderOpenmart(root: HTMLElement): Promise<void> {
  const [sheets, info] = await Promise.all([call('getSheetsInfo'), call('getOpenmartFormInfo')]);
  const sources: Array<[string, string]> = sheets.sheets.map((s) => [s.name, s.name]);
  if (sheets.selection) sources.unshift([sheets.selection, `Selection ${sheets.selection}`]);
  for (const f of [batch, enrich]) if (!f['source']) f['source'] = sheets.active;
  const status = el('div', { class: 'status' });
  const credits = el('div', { class: 'muted', id: 'openmart-credits', text: 'Credits: …' });
  call('getOpenmartCredits').then(
    (c) => mount(credits, `Credits: ${c.balance} · confirmation above ${c.creditThreshold}`),
    (e: unknown) => mount(credits, e instanceof Error ? e.message : String(e)),
  );
  const threshold = el('input', { type: 'number', id: 'openmart-threshold', min: '0', step: '1', value: String(info.creditThreshold) });
  const saveThreshold = el('button', { type: 'button', text: 'Save threshold' });
  saveThreshold.addEventListener('click', () => {
    void runAction(saveThreshold, status, 'Saving…', () => call('saveOpenmartCreditThreshold', { threshold: Number(threshold.value) }), (v) => `Billed actions above ${v.creditThreshold} credits ask for confirmation.`).then((v) => {
      if (v) mount(credits, `Confirmation above ${v.creditThreshold} credits.`);
    });
  });
  const thresholdBlock = el('details', {}, el('summary', { text: 'Credit confirmation threshold' }), el('label', { for: 'openmart-threshold', text: 'Ask before actions estimated above (credits)' }), threshold, saveThreshold);
  mount(root, el('h2', { text: 'Openmart' }), credits, thresholdBlock, searchBlock(status), batchBlock(status, sources, info.operations), enrichBlock(status, sources), denyBlock(status), status);
}
