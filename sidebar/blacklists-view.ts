/**
 * Discover > Blacklists: a new list from the selection (with a description), and for any existing
 * list: view its entries and count, rename it, add the selection to it, remove the entries that
 * match the selection, delete it. API text goes in as textContent only.
 */
import type { BlacklistDetail, BlacklistSummary } from '../src/app/contract';
import { call } from './rpc';
import { el, mount, runAction } from './dom';
import { selectField, textField, type FormState } from './form';

const fresh: FormState = { name: '', description: '' };
const manage: FormState = { blacklist: '', name: '', description: '' };

function text(state: FormState, k: string): string {
  return typeof state[k] === 'string' ? (state[k] as string) : '';
}

/** The selection as a source, or a sentence saying what to select. */
async function selection(what: string): Promise<{ a1: string }> {
  const sheets = await call('getSheetsInfo');
  if (!sheets.selection) throw new Error(`Select ${what} (with its header row: name, website, city, country or external_id) first.`);
  return { a1: sheets.selection };
}

function entriesTable(detail: BlacklistDetail): HTMLElement {
  const head = el('tr', {}, ...['Company', 'Website', 'City', 'Country', 'external_id'].map((h) => el('th', { text: h })));
  const rows = detail.entries.map((e) => el('tr', {}, ...[e.company_name, e.website_url, e.city, e.country, e.external_id].map((v) => el('td', { text: v }))));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'preview', id: 'blacklist-entries' }, head, ...rows));
}

function detailView(box: HTMLElement, status: HTMLElement, detail: BlacklistDetail): void {
  const count = detail.entryCount === null ? `${detail.entries.length}+ entries` : `${detail.entryCount} entr${detail.entryCount === 1 ? 'y' : 'ies'}`;
  const more = el('button', { type: 'button', text: 'Next entries' });
  more.addEventListener('click', () => void show(box, status, more, detail.id, detail.nextOffset ?? 0));
  const shown = detail.entries.length === 0 ? 'none' : `${detail.offset + 1}-${detail.offset + detail.entries.length}`;
  mount(
    box,
    el('div', {
      class: 'muted',
      id: 'blacklist-summary',
      text: `"${detail.name}": ${count}${detail.description ? ` · ${detail.description}` : ''} (showing ${shown})`,
    }),
    detail.entries.length > 0 ? entriesTable(detail) : null,
    detail.nextOffset !== null ? more : null,
  );
}

async function show(box: HTMLElement, status: HTMLElement, button: HTMLButtonElement, blacklistId: string, offset: number): Promise<void> {
  const detail = await runAction(button, status, 'Loading entries…', () => call('viewBlacklist', { blacklistId, offset }));
  if (detail) detailView(box, status, detail);
}

function createBlock(status: HTMLElement, onCreated: (id: string, said: string) => void): HTMLElement {
  const create = el('button', { type: 'button', text: 'Create from selection' });
  create.addEventListener('click', () => {
    void runAction(
      create,
      status,
      'Creating blacklist…',
      async () =>
        call('blacklistFromRange', { name: text(fresh, 'name'), description: text(fresh, 'description'), source: await selection('the companies to exclude') }),
      (r) => `Blacklist "${r.name}" created with ${r.added} entries.`,
    ).then((r) => r && onCreated(r.blacklistId, status.textContent ?? ''));
  });
  return el(
    'details',
    {},
    el('summary', { text: 'New blacklist from a range' }),
    textField(fresh, 'name', 'Blacklist name'),
    textField(fresh, 'description', 'Description (optional)'),
    create,
  );
}

function manageBlock(status: HTMLElement, blacklists: BlacklistSummary[], rerender: (said: string) => void): HTMLElement | null {
  if (blacklists.length === 0) return null;
  const current = (): BlacklistSummary | undefined => blacklists.find((b) => b.id === text(manage, 'blacklist')) ?? blacklists[0];
  const box = el('div', { class: 'blacklist-detail' });
  const button = (label: string): HTMLButtonElement => el('button', { type: 'button', text: label });
  const view = button('View entries');
  const add = button('Add selection');
  const remove = button('Remove selection');
  const rename = button('Rename');
  const del = button('Delete list');
  const id = (): string => current()?.id ?? '';
  view.addEventListener('click', () => void show(box, status, view, id(), 0));
  add.addEventListener('click', () => {
    void runAction(
      add,
      status,
      'Adding entries…',
      async () => call('blacklistFromRange', { name: '', blacklistId: id(), source: await selection('the companies to add') }),
      (r) => `${r.added} entr${r.added === 1 ? 'y' : 'ies'} added to "${current()?.name ?? ''}".`,
    );
  });
  remove.addEventListener('click', () => {
    void runAction(
      remove,
      status,
      'Removing entries…',
      async () => call('removeBlacklistEntriesFromRange', { blacklistId: id(), source: await selection('the rows to remove') }),
      (r) => `${r.removed} entr${r.removed === 1 ? 'y' : 'ies'} removed${r.notFound ? `, ${r.notFound} row(s) not on the list` : ''}.`,
    );
  });
  rename.addEventListener('click', () => {
    const b = current();
    void runAction(
      rename,
      status,
      'Renaming…',
      () => call('renameBlacklist', { blacklistId: id(), name: text(manage, 'name') || (b?.name ?? ''), description: text(manage, 'description') }),
      (r) => `Renamed to "${r.name}".`,
    ).then((r) => {
      if (r) rerender(status.textContent ?? '');
    });
  });
  del.addEventListener('click', () => {
    const b = current();
    if (!window.confirm(`Delete the blacklist "${b?.name ?? ''}"? Orders already placed keep their results; this cannot be undone.`)) return;
    void runAction(
      del,
      status,
      'Deleting…',
      () => call('deleteBlacklist', { blacklistId: id() }),
      () => `Blacklist "${b?.name ?? ''}" deleted.`,
    ).then((r) => {
      if (r) rerender(status.textContent ?? '');
    });
  });
  return el(
    'details',
    { id: 'blacklists-manage' },
    el('summary', { text: `Your blacklists (${blacklists.length})` }),
    selectField(
      manage,
      'blacklist',
      'Blacklist',
      blacklists.map((b) => [b.id, b.entryCount === null ? b.name : `${b.name} (${b.entryCount})`]),
      () => mount(box),
    ),
    el('div', { class: 'row' }, view, add, remove),
    textField(manage, 'name', 'New name'),
    textField(manage, 'description', 'New description'),
    el('div', { class: 'row' }, rename, del),
    box,
  );
}

/**
 * The blacklist blocks of the Discover section; `onCreated` attaches a new list to the order.
 * Both render the section again, passing on what the status line said so it stays visible.
 */
export function blacklistBlocks(
  status: HTMLElement,
  blacklists: BlacklistSummary[],
  onCreated: (id: string, said: string) => void,
  rerender: (said: string) => void,
): HTMLElement[] {
  const out = [createBlock(status, onCreated)];
  const managed = manageBlock(status, blacklists, rerender);
  if (managed) out.push(managed);
  return out;
}
