/** Settings: one key per provider (masked once saved), base URL for staging. */
import type { AccountInput, ProviderSettingsView, QuotaView, SettingsView } from '../src/app/contract';
import { call } from './rpc';
import { SCOPE_REASONS } from '../src/app/scopes';
import { el, mount, runAction, setStatus } from './dom';

function providerBlock(p: ProviderSettingsView, rerender: (s: SettingsView) => void): HTMLElement {
  const id = `key-${p.provider}`;
  const input = el('input', { type: 'password', id, autocomplete: 'off', placeholder: p.maskedKey ? `Saved: ${p.maskedKey}` : 'Paste your API key' });
  const status = el('div', { class: 'status' });
  const save = el('button', { class: 'action', type: 'button', text: 'Save key' });
  save.addEventListener('click', () => {
    void runAction(
      save,
      status,
      'Saving…',
      () => call('saveApiKey', { provider: p.provider, key: input.value }),
      () => 'Saved.',
    ).then((s) => {
      if (s) rerender(s);
    });
  });
  const remove = el('button', { type: 'button', text: 'Remove', disabled: !p.maskedKey });
  remove.addEventListener('click', () => {
    void runAction(
      remove,
      status,
      'Removing…',
      () => call('removeApiKey', { provider: p.provider }),
      () => 'Removed.',
    ).then((s) => {
      if (s) rerender(s);
    });
  });
  const test = el('button', { type: 'button', text: 'Test connection', disabled: !p.maskedKey });
  test.addEventListener('click', () => {
    void runAction(test, status, 'Testing…', () => call('testConnection', { provider: p.provider })).then((r) => {
      if (r) {
        status.className = `status ${r.ok ? 'ok' : 'error'}`;
        status.textContent = r.message;
      }
    });
  });
  const urlInput = el('input', { type: 'url', id: `url-${p.provider}`, value: p.baseUrl });
  const urlLabel = el('label', { for: `url-${p.provider}`, text: `${p.label} base URL` });
  const saveUrl = el('button', { type: 'button', text: 'Save URL' });
  saveUrl.addEventListener('click', () => {
    void runAction(
      saveUrl,
      status,
      'Saving…',
      () => call('saveBaseUrl', { provider: p.provider, baseUrl: urlInput.value }),
      () => 'Base URL saved.',
    ).then((s) => {
      if (s) rerender(s);
    });
  });
  return el(
    'div',
    { class: 'provider', 'data-provider': p.provider },
    el('h2', { text: p.label }),
    el('div', { class: 'muted', text: p.maskedKey ? `Key saved (${p.maskedKey}).` : 'No key saved.' }),
    el('label', { for: id, text: 'API key' }),
    input,
    el('div', { class: 'row' }, save, remove, test),
    el('details', {}, el('summary', { text: 'Base URL (staging)' }), urlLabel, urlInput, saveUrl),
    status,
  );
}

/** "Formulas may spend credits" and the daily formula credit cap (Openmart custom functions). */
function formulasBlock(s: SettingsView, rerender: (s: SettingsView) => void): HTMLElement {
  const f = s.formulas;
  const spend = el('input', { type: 'checkbox', id: 'formula-spend' });
  spend.checked = f.spendCredits;
  const cap = el('input', { type: 'number', id: 'formula-cap', min: '0', step: '1', value: String(f.dailyCap) });
  const status = el('div', { class: 'status' });
  const save = el('button', { class: 'action', type: 'button', id: 'save-formulas', text: 'Save' });
  save.addEventListener('click', () => {
    void runAction(
      save,
      status,
      'Saving…',
      () => call('saveFormulaSettings', { spendCredits: spend.checked, dailyCap: Number(cap.value) }),
      () => 'Saved.',
    ).then((v) => {
      if (v) rerender(v);
    });
  });
  return el(
    'div',
    { class: 'provider', id: 'formulas' },
    el('h2', { text: 'Formulas' }),
    el('div', {}, spend, el('label', { for: 'formula-spend', text: 'Formulas may spend credits', style: 'display:inline' })),
    el('div', {
      class: 'muted',
      text: 'OPENMART_SEARCH, OPENMART_ENRICH and OPENMART_BUSINESS spend 1 Openmart credit per row. Sheets recalculates formulas on open, sort and edit; answers are cached for 6 hours.',
    }),
    el('label', { for: 'formula-cap', text: 'Daily credit cap for formulas' }),
    cap,
    el('div', {
      class: 'muted',
      id: 'formula-used',
      text: `Used today: ${f.usedToday} of ${f.dailyCap}. Formulas use the spreadsheet owner's keys and settings.`,
    }),
    el('div', { class: 'row' }, save),
    status,
  );
}

function quotaBlock(): HTMLElement {
  const box = el('div', { class: 'provider', id: 'quota' }, el('h2', { text: 'Google quotas today' }));
  const status = el('div', { class: 'status' });
  const show = (q: QuotaView): void => {
    const account = el('select', { 'aria-label': 'Account type', id: 'account-type' });
    account.appendChild(el('option', { value: 'consumer', text: 'Gmail account (20,000 calls a day)' }));
    account.appendChild(el('option', { value: 'workspace', text: 'Workspace account (100,000 calls a day)' }));
    account.value = q.account;
    account.addEventListener('change', () => {
      void call('saveAccountType', { account: account.value as AccountInput['account'] }).then(show, (e: unknown) =>
        setStatus(status, 'error', e instanceof Error ? e.message : String(e)),
      );
    });
    const pct = (a: number, b: number): string => `${Math.min(100, Math.round((a / b) * 100))} %`;
    mount(
      box,
      el('h2', { text: 'Google quotas today' }),
      el('div', {
        text: `External calls: ${q.urlFetchToday.toLocaleString()} of ${q.urlFetchLimit.toLocaleString()} (${pct(q.urlFetchToday, q.urlFetchLimit)})`,
      }),
      el('div', { text: `Trigger run time: ${q.triggerMinutesToday} of ${q.triggerMinutesLimit} min (${pct(q.triggerMinutesToday, q.triggerMinutesLimit)})` }),
      el('div', { class: 'muted', text: 'Near a limit, jobs pause and continue the next day instead of failing.' }),
      account,
      status,
    );
  };
  call('getQuota').then(show, (e: unknown) => setStatus(status, 'error', e instanceof Error ? e.message : String(e)));
  return box;
}

/** How often the trigger checks jobs (add-ons installed from the Marketplace get hourly at most). */
function pollBlock(s: SettingsView, rerender: (v: SettingsView) => void): HTMLElement {
  const status = el('div', { class: 'status' });
  const select = el('select', { id: 'poll-minutes' });
  for (const m of [5, 10, 15, 30, 60]) select.appendChild(el('option', { value: String(m), text: m === 60 ? 'hour' : `${m} minutes` }));
  select.value = String(s.pollMinutes);
  select.addEventListener('change', () => {
    void call('savePollMinutes', { pollMinutes: Number(select.value) }).then(rerender, (e: unknown) =>
      setStatus(status, 'error', e instanceof Error ? e.message : String(e)),
    );
  });
  return el(
    'div',
    { class: 'provider' },
    el('h2', { text: 'Background checks' }),
    el('label', { for: 'poll-minutes', text: 'Check open jobs every' }),
    select,
    el('div', {
      class: 'muted',
      text: 'Google lets an add-on installed from the Marketplace check at most every hour, whatever you choose here; a script bound to this spreadsheet checks as often as chosen. While the sidebar is open, it moves the jobs on itself either way.',
    }),
    status,
  );
}

function scopesBlock(): HTMLElement {
  return el(
    'details',
    { class: 'provider', id: 'scopes' },
    el('summary', { text: 'Why the add-on asks for these permissions' }),
    ...SCOPE_REASONS.map((r) => el('div', { class: 'block' }, el('strong', { text: r.title }), el('div', { class: 'muted', text: r.why }))),
  );
}

/** First open without any key: what to do, in three steps. */
function guideBlock(): HTMLElement {
  return el(
    'section',
    { class: 'provider guide', id: 'first-steps', 'aria-labelledby': 'first-steps-title' },
    el('h2', { id: 'first-steps-title', text: 'Start in three steps' }),
    el(
      'ol',
      {},
      el('li', { text: 'Paste the API key of OpenProspect, Openmart or gu1 below and press Save key (you need only the providers you use).' }),
      el('li', { text: 'Press Test connection: it says whether the provider accepts the key.' }),
      el('li', { text: 'Open Enrich, Openmart or gu1 above, pick the sheet under "Rows from", read the preview and submit. Jobs shows the progress.' }),
    ),
  );
}

/** Render the Settings section into `root`. */
export async function renderSettings(root: HTMLElement): Promise<void> {
  const rerender = (s: SettingsView): void => {
    mount(
      root,
      s.providers.every((p) => !p.maskedKey) ? guideBlock() : null,
      el('p', { class: 'muted', text: 'Keys are stored in your own user properties: not in the sheet, and never shown again in full.' }),
      ...s.providers.map((p) => providerBlock(p, rerender)),
      formulasBlock(s, rerender),
      pollBlock(s, rerender),
      quotaBlock(),
      scopesBlock(),
    );
  };
  rerender(await call('getSettings'));
}
