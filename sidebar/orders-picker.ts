/** Discover > Existing orders: import by id, or pick from the account's orders (a status filter, pages of 50). */
import type { OrdersPick, SubmitResult } from '../src/app/contract';
import { call } from './rpc';
import { el, mount, runAction } from './dom';
import { selectField, textField, type FormState } from './form';

const importForm: FormState = { orderId: '', status: '' };
const STATUSES = ['RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'];

function text(k: string): string {
  return typeof importForm[k] === 'string' ? (importForm[k] as string) : '';
}

const tracked = (r: SubmitResult): string => `Tracking "${r.job.title}" (${r.job.state}).`;

/** The import block. */
export function importBlock(status: HTMLElement): HTMLElement {
  const go = el('button', { type: 'button', text: 'Import order' });
  const pick = el('button', { type: 'button', text: 'List my orders' });
  const list = el('div', { id: 'orders-list' });
  go.addEventListener('click', () => void runAction(go, status, 'Importing…', () => call('importOrder', { orderId: text('orderId') }), tracked));
  const render = (page: OrdersPick): void => {
    const more = el('button', { type: 'button', text: 'More orders' });
    more.addEventListener('click', () => void load(more, page.nextOffset ?? 0));
    const first = page.orders.length === 0 ? 0 : page.offset + 1;
    const of = page.total === null ? '' : ` of ${page.total}`;
    mount(
      list,
      el('div', {
        class: 'muted',
        id: 'orders-count',
        text: page.orders.length === 0 ? `No ${page.status ? `${page.status} ` : ''}orders.` : `Orders ${first}-${page.offset + page.orders.length}${of}`,
      }),
      ...page.orders.map((o) => {
        const b = el('button', { type: 'button', text: `${o.title || o.orderId} · ${o.status}` });
        b.addEventListener('click', () => void runAction(b, status, 'Importing…', () => call('importOrder', { orderId: o.orderId }), tracked));
        return el('div', {}, b);
      }),
      page.nextOffset !== null ? more : null,
    );
  };
  const load = async (button: HTMLButtonElement, offset: number): Promise<void> => {
    const page = await runAction(button, status, 'Loading orders…', () => call('listOpenProspectOrders', { status: text('status'), offset }));
    if (page) render(page);
  };
  pick.addEventListener('click', () => void load(pick, 0));
  return el(
    'details',
    {},
    el('summary', { text: 'Import an existing order' }),
    textField(importForm, 'orderId', 'Order id'),
    selectField(importForm, 'status', 'Show orders', [['', 'Every status'], ...STATUSES.map((s): [string, string] => [s, s])]),
    el('div', { class: 'row' }, go, pick),
    list,
  );
}
