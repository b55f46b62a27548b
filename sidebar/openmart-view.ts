/** Openmart: credits, business search to a tab, batches from rows, enrich from a column, deny rules. */
import type { BatchPreview, CreditCheck, OpenmartBatchInput, SheetsInfo } from '../src/app/contract';
import { call, submitCall } from './rpc';
import { previewNotes } from './preview-notes';
import { el, mount, runAction } from './dom';
import { resetForm, selectField, textField, type FormState } from './form';
import { mappingTable, type Mapping } from './mapping-table';
import { goToSection } from './navigate';
import { rowsFromField, sourceArg } from './rows-from';
import { brandBlock } from './openmart-brands-form';
import { creditLine, pair, submitWithConfirm, text } from './openmart-common';
import { searchBlock } from './openmart-search-form';

// find_people's documented defaults: title "Owner", 3 contacts; info_access both (omitted).
const batch: FormState = { operation: 'find_people', source: '', title: '', role: 'Owner', max_k: '3', info_access: '', version: '', tech_type: '' };
const ENRICH_AREA = ['country', 'state', 'city', 'zip_code', 'lat', 'long', 'geo_radius'] as const;
const enrich: FormState = { source: '', title: '', limit: '1', ...Object.fromEntries(ENRICH_AREA.map((k) => [k, ''])) };
const deny: FormState = { type: 'email' };
/** The batch panel's own column mapping (guessed by the first preview, then the user's). */
let batchMapping: Mapping | undefined;

type OperationInfo = { operation: string; fields: Array<{ key: string; label: string; required: boolean }> };

/** The credit line, or, without a key, where to save one (a button to Settings). */
function creditsLine(node: HTMLElement): void {
  call('getOpenmartCredits').then(
    (c) => mount(node, `Credits: ${c.balance} · confirmation above ${c.creditThreshold}`),
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (!/^No Openmart API key/.test(message)) return mount(node, message);
      const go = el('button', { type: 'button', class: 'action', text: 'Open Settings' });
      go.addEventListener('click', () => goToSection('settings'));
      mount(node, el('div', { text: 'No Openmart key saved yet: paste it in Settings (the last tab above) to see your credits and run searches.' }), go);
    },
  );
}

function batchBlock(status: HTMLElement, sheets: SheetsInfo, operations: OperationInfo[]): HTMLElement {
  const out = el('div');
  const mapArea = el('div', { id: 'openmart-batch-mapping' });
  let last: BatchPreview | undefined;
  const options = (): Record<string, unknown> => ({
    title: text(batch, 'title'),
    role: text(batch, 'role'),
    max_k: text(batch, 'max_k'),
    info_access: text(batch, 'info_access'),
    version: text(batch, 'version'),
    tech_type: text(batch, 'tech_type'),
  });
  const input = (): OpenmartBatchInput => ({
    operation: text(batch, 'operation') as OpenmartBatchInput['operation'],
    source: sourceArg(text(batch, 'source')),
    options: options(),
    ...(batchMapping ? { mapping: batchMapping } : {}),
  });
  const preview = el('button', { type: 'button', class: 'action', text: 'Preview and estimate' });
  const show = (): void => {
    void runAction(preview, status, 'Reading rows…', () => call('previewOpenmartBatch', input())).then((p) => {
      if (!p) return;
      last = p;
      batchMapping = p.mapping;
      const fields = operations.find((o) => o.operation === p.operation)?.fields ?? [];
      mount(
        mapArea,
        el('h3', { text: 'Columns' }),
        mappingTable({ fields, headers: p.headers, mapping: p.mapping }, (next) => {
          batchMapping = next;
          show();
        }),
      );
      mount(
        out,
        el('div', { text: `${p.validCount} row(s) in ${p.batches} batch(es), ${p.invalidCount} invalid; ${p.idsToGenerate} external_id(s) to generate.` }),
        creditLine(p),
        ...previewNotes(p, false),
      );
    });
  };
  preview.addEventListener('click', show);
  // Another sheet or another operation: the mapping is guessed again.
  const again = (): void => {
    batchMapping = undefined;
    last = undefined;
    mount(mapArea);
    mount(out);
  };
  return el(
    'details',
    {},
    el('summary', { text: 'People, tech or emails from rows' }),
    selectField(
      batch,
      'operation',
      'What to find',
      operations.map((o) => [o.operation, o.operation.replace(/_/g, ' ')]),
      again,
    ),
    rowsFromField(batch, 'source', 'openmart-batch', sheets, again),
    textField(batch, 'title', 'Title', { help: 'Names the job and its result tab.' }),
    textField(batch, 'role', 'Job title to look for (find people; a title column wins)'),
    textField(batch, 'max_k', 'People per company (1-8)', { type: 'number' }),
    selectField(batch, 'info_access', 'Contact details (find / look up people)', [
      ['', 'Email and phone'],
      ['EMAIL', 'Email only'],
      ['PHONE', 'Phone only'],
    ]),
    selectField(batch, 'version', 'Pipeline (find people)', [
      ['', 'Default'],
      ['1', 'All-in-one variant'],
    ]),
    textField(batch, 'tech_type', 'Technology type (find tech)'),
    el('div', { class: 'row' }, preview),
    mapArea,
    out,
    submitWithConfirm(
      'submit-openmart-batch',
      'Submit batch',
      () => last?.needsConfirmation === true,
      (confirmCredits) => submitCall('submitOpenmartBatch', { ...input(), mapping: batchMapping ?? {}, confirmCredits }),
      () => {
        resetForm(batch, { role: 'Owner', max_k: '3' }, ['operation', 'source']);
        last = undefined;
        mount(out);
      },
    ),
  );
}

/** enrich_company's `limit` and `location` with the title. */
function enrichOptions(): Record<string, unknown> {
  const o: Record<string, unknown> = { title: text(enrich, 'title'), limit: text(enrich, 'limit') };
  if (ENRICH_AREA.some((k) => text(enrich, k).trim() !== '')) o['location'] = Object.fromEntries(ENRICH_AREA.map((k) => [k, text(enrich, k)]));
  return o;
}

function enrichBlock(status: HTMLElement, sheets: SheetsInfo): HTMLElement {
  const out = el('div');
  let last: CreditCheck | undefined;
  const preview = el('button', { type: 'button', class: 'action', text: 'Preview and estimate' });
  preview.addEventListener('click', () => {
    void runAction(preview, status, 'Reading rows…', () =>
      call('previewOpenmartEnrich', { source: sourceArg(text(enrich, 'source')), options: enrichOptions() }),
    ).then((p) => {
      if (!p) return;
      last = p;
      mount(
        out,
        el('div', {
          text: `${p.validCount} row(s): ${p.lanes.openmart_id} Openmart ids, ${p.lanes.google_place_id} Place ids, ${p.lanes.website} websites; ${p.calls} call(s).`,
        }),
        creditLine(p),
      );
    });
  });
  return el(
    'details',
    {},
    el('summary', { text: 'Enrich from a column (website, Openmart id, Place id)' }),
    rowsFromField(enrich, 'source', 'openmart-enrich', sheets),
    textField(enrich, 'title', 'Title'),
    textField(enrich, 'limit', 'Matches per website (1-50; 1 credit each)', { type: 'number' }),
    el(
      'details',
      { class: 'advanced', id: 'openmart-enrich-area' },
      el('summary', { text: 'Only matches in an area (websites and social links)' }),
      pair(textField(enrich, 'country', 'Country'), textField(enrich, 'state', 'State / region')),
      textField(enrich, 'city', 'City'),
      textField(enrich, 'zip_code', 'Zip / postal codes (comma separated)'),
      pair(textField(enrich, 'lat', 'Latitude', { type: 'number' }), textField(enrich, 'long', 'Longitude', { type: 'number' })),
      textField(enrich, 'geo_radius', 'Radius (meters)', { type: 'number' }),
    ),
    el('div', { class: 'row' }, preview),
    out,
    submitWithConfirm(
      'submit-openmart-enrich',
      'Enrich',
      () => last?.needsConfirmation === true,
      (confirmCredits) => submitCall('submitOpenmartEnrich', { source: sourceArg(text(enrich, 'source')), options: enrichOptions(), confirmCredits }),
      () => {
        resetForm(enrich, { limit: '1' }, ['source']);
        last = undefined;
        mount(out);
      },
    ),
  );
}

function denyBlock(status: HTMLElement): HTMLElement {
  const act = (name: 'addOpenmartDenyRules' | 'removeOpenmartDenyRules' | 'checkOpenmartDenyRules', label: string): HTMLButtonElement => {
    const b = el('button', { type: 'button', text: label });
    b.addEventListener('click', () => {
      void runAction(
        b,
        status,
        'Working…',
        () => call(name, { type: text(deny, 'type') as 'email' | 'phone', source: 'selection' }),
        (r) =>
          `${r.values} value(s) ${name.startsWith('add') ? 'added' : name.startsWith('remove') ? 'removed' : 'checked'}${r.skipped ? `, ${r.skipped} skipped` : ''}.`,
      );
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
  const status = el('div', { class: 'status' });
  const credits = el('div', { class: 'muted', id: 'openmart-credits', text: 'Credits: …' });
  creditsLine(credits);
  const threshold = el('input', { type: 'number', id: 'openmart-threshold', min: '0', step: '1', value: String(info.creditThreshold) });
  const saveThreshold = el('button', { type: 'button', text: 'Save threshold' });
  saveThreshold.addEventListener('click', () => {
    void runAction(
      saveThreshold,
      status,
      'Saving…',
      () => call('saveOpenmartCreditThreshold', { threshold: Number(threshold.value) }),
      (v) => `Billed actions above ${v.creditThreshold} credits ask for confirmation.`,
    ).then((v) => {
      if (v) mount(credits, `Confirmation above ${v.creditThreshold} credits.`);
    });
  });
  const thresholdBlock = el(
    'details',
    {},
    el('summary', { text: 'Credit confirmation threshold' }),
    el('label', { for: 'openmart-threshold', text: 'Ask before actions estimated above (credits)' }),
    threshold,
    saveThreshold,
  );
  mount(
    root,
    el('h2', { text: 'Openmart' }),
    credits,
    thresholdBlock,
    searchBlock(status),
    brandBlock(status),
    batchBlock(status, sheets, info.operations),
    enrichBlock(status, sheets),
    denyBlock(status),
    status,
  );
}
