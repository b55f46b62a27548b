/**
 * The playground page script: draws the emulated spreadsheet (grid, tabs, formula bar, add-on menu, toasts;
 * dialogs in ./dialog.ts), sends edits and selections back, and follows the add-on's changes by polling
 * /api/meta. All text goes in through textContent.
 */
import { followDialogs, wireDialogClose } from './dialog';
import { drawGrid } from './grid';
import { a1, api, rangeA1, type CellView, type Meta, type MenuItem, type SheetView } from './model';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const grid = $<HTMLTableElement>('grid');
const tabs = $('tabs');
const nameBox = $<HTMLInputElement>('name-box');
const formulaInput = $<HTMLInputElement>('formula-input');
const menuButton = $<HTMLButtonElement>('extensions-menu');
const menuPopup = $('menu-popup');
const sidebar = $('sidebar');
const frame = $<HTMLIFrameElement>('sidebar-frame');
const toast = $('toast');

let meta: Meta | undefined;
let view: SheetView | undefined;
let active = '';
let shownVersion = -1;
let sel = { r0: 1, c0: 1, r1: 1, c1: 1 };
let dragging = false;
let editing: { r: number; c: number; input: HTMLInputElement } | undefined;
let lastToast = -1;
let sidebarsSeen = -1;
let toastTimer: number | undefined;
/** Set while the page itself switches tabs, so a poll answered before the switch cannot undo it. */
let switching = 0;

function cellAt(r: number, c: number): CellView | undefined {
  return view?.rows[r - 1]?.[c - 1];
}

function td(r: number, c: number): HTMLTableCellElement | null {
  return grid.querySelector(`td[data-cell="${a1(r, c)}"]`);
}

function paintSelection(): void {
  for (const el of Array.from(grid.querySelectorAll('td.selected, td.inrange'))) el.classList.remove('selected', 'inrange');
  const top = Math.min(sel.r0, sel.r1);
  const left = Math.min(sel.c0, sel.c1);
  const bottom = Math.max(sel.r0, sel.r1);
  const right = Math.max(sel.c0, sel.c1);
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) td(r, c)?.classList.add(r === sel.r0 && c === sel.c0 ? 'selected' : 'inrange');
  nameBox.value = rangeA1(sel);
  const cell = cellAt(sel.r0, sel.c0);
  if (document.activeElement !== formulaInput) formulaInput.value = cell?.f ?? (cell?.s ? '' : (cell?.v ?? ''));
}

function renderGrid(): void {
  if (!view) return;
  drawGrid(grid, view);
  paintSelection();
}

function renderTabs(): void {
  if (!meta) return;
  tabs.replaceChildren(
    ...meta.sheets.map((name) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = name;
      b.dataset['sheet'] = name;
      b.setAttribute('aria-selected', String(name === active));
      b.addEventListener('click', () => void switchTo(name));
      return b;
    }),
  );
}

function menuItems(items: MenuItem[], into: HTMLElement): void {
  for (const item of items) {
    if (item === 'separator') {
      into.appendChild(document.createElement('hr'));
    } else if ('items' in item) {
      const t = document.createElement('div');
      t.className = 'title';
      t.textContent = item.caption;
      into.appendChild(t);
      menuItems(item.items, into);
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'menuitem');
      b.textContent = item.caption;
      b.addEventListener('click', () => {
        closeMenu();
        void api<{ ok: boolean; message?: string }>('/api/menu', { functionName: item.functionName }).then((r) => {
          if (!r.ok && r.message) showToast('Error', r.message);
          return refresh();
        });
      });
      into.appendChild(b);
    }
  }
}

function renderMenu(): void {
  if (!meta) return;
  menuPopup.replaceChildren();
  for (const m of meta.menus) {
    const t = document.createElement('div');
    t.className = 'title';
    t.textContent = m.title;
    menuPopup.appendChild(t);
    menuItems(m.items, menuPopup);
  }
}

function closeMenu(): void {
  menuPopup.hidden = true;
  menuButton.setAttribute('aria-expanded', 'false');
}

function showToast(title: string, msg: string): void {
  const strong = document.createElement('strong');
  strong.textContent = title;
  toast.replaceChildren(strong, document.createTextNode(msg));
  toast.hidden = false;
  if (toastTimer !== undefined) window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => {
    toast.hidden = true;
  }, 6000);
}

async function loadSheet(): Promise<void> {
  view = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(active)}`);
  shownVersion = view.version;
  renderGrid();
}

async function refresh(): Promise<void> {
  const m = await api<Meta>('/api/meta');
  const first = meta === undefined;
  meta = m;
  const activeChanged = switching === 0 && m.active !== active;
  if (activeChanged) {
    active = m.active;
    sel = { r0: 1, c0: 1, r1: 1, c1: 1 };
  }
  renderTabs();
  if (first) renderMenu();
  if (switching === 0 && (activeChanged || m.version !== shownVersion)) {
    renderMenu();
    if (!editing) await loadSheet();
  }
  const t = m.toasts[m.toasts.length - 1];
  if (t && t.id > lastToast) {
    if (lastToast >= 0 || !first) showToast(t.title || 'Prospect Enrich', t.msg);
    lastToast = t.id;
  }
  if (sidebarsSeen >= 0 && m.sidebars > sidebarsSeen) {
    // The add-on opened its sidebar (menu item): show it afresh.
    sidebar.hidden = false;
    frame.src = '/sidebar';
  }
  sidebarsSeen = m.sidebars;
  followDialogs(m);
}

async function switchTo(name: string): Promise<void> {
  switching++;
  try {
    active = name;
    sel = { r0: 1, c0: 1, r1: 1, c1: 1 };
    renderTabs();
    await api('/api/select', { sheet: name, a1: 'A1' });
    await loadSheet();
  } finally {
    switching--;
  }
}

async function commit(r: number, c: number, input: string): Promise<void> {
  await api('/api/cell', { sheet: active, row: r, col: c, input });
  await refresh();
}

function startEdit(r: number, c: number, initial?: string): void {
  const el = td(r, c);
  if (!el) return;
  const cell = cellAt(r, c);
  const input = document.createElement('input');
  input.value = initial ?? cell?.f ?? (cell?.s ? '' : (cell?.v ?? ''));
  el.replaceChildren(input);
  editing = { r, c, input };
  input.focus();
  const finish = (save: boolean, move: number): void => {
    if (!editing || editing.input !== input) return;
    editing = undefined;
    if (save) {
      void commit(r, c, input.value).then(() => {
        sel = { r0: r + move, c0: c, r1: r + move, c1: c };
        paintSelection();
      });
    } else {
      renderGrid();
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') finish(true, 1);
    else if (e.key === 'Escape') finish(false, 0);
    else if (e.key === 'Tab') {
      e.preventDefault();
      finish(true, 0);
    }
  });
  input.addEventListener('blur', () => finish(true, 0));
}

function selectFromServer(): void {
  void api('/api/select', { sheet: active, a1: rangeA1(sel) });
}

grid.addEventListener('mousedown', (e) => {
  const el = (e.target as HTMLElement).closest('td');
  if (!el || editing?.input === e.target) return;
  const r = Number(el.dataset['row']);
  const c = Number(el.dataset['col']);
  if (e.shiftKey) sel = { ...sel, r1: r, c1: c };
  else sel = { r0: r, c0: c, r1: r, c1: c };
  dragging = true;
  paintSelection();
});
grid.addEventListener('mouseover', (e) => {
  if (!dragging) return;
  const el = (e.target as HTMLElement).closest('td');
  if (!el) return;
  sel = { ...sel, r1: Number(el.dataset['row']), c1: Number(el.dataset['col']) };
  paintSelection();
});
document.addEventListener('mouseup', () => {
  if (!dragging) return;
  dragging = false;
  selectFromServer();
});
grid.addEventListener('dblclick', (e) => {
  const el = (e.target as HTMLElement).closest('td');
  if (el) startEdit(Number(el.dataset['row']), Number(el.dataset['col']));
});
document.addEventListener('keydown', (e) => {
  if (editing || e.target instanceof HTMLInputElement || document.activeElement === formulaInput || document.activeElement === nameBox) return;
  if (!(document.activeElement === document.body || document.activeElement === grid)) return;
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const mv = moves[e.key];
  if (mv) {
    e.preventDefault();
    const r = Math.max(1, sel.r0 + mv[0]);
    const c = Math.max(1, sel.c0 + mv[1]);
    sel = { r0: r, c0: c, r1: r, c1: c };
    paintSelection();
    selectFromServer();
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit(sel.r0, sel.c0);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    void commit(sel.r0, sel.c0, '');
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    startEdit(sel.r0, sel.c0, e.key);
  }
});
formulaInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    const { r0, c0 } = sel;
    formulaInput.blur();
    void commit(r0, c0, formulaInput.value);
  } else if (e.key === 'Escape') {
    formulaInput.blur();
    paintSelection();
  }
});
menuButton.addEventListener('click', () => {
  const open = menuPopup.hidden;
  menuPopup.hidden = !open;
  menuButton.setAttribute('aria-expanded', String(open));
});
document.addEventListener('click', (e) => {
  if (!menuPopup.hidden && !(e.target as HTMLElement).closest('#menubar')) closeMenu();
});
$('sort-az').addEventListener('click', () => {
  void api('/api/sort', { sheet: active, col: sel.c0, ascending: true }).then(() => refresh());
});
wireDialogClose();
$('sidebar-close').addEventListener('click', () => {
  sidebar.hidden = true;
});
window.addEventListener('message', (e) => {
  const data = e.data as { type?: string } | null;
  if (data?.type === 'rpc-done') void refresh();
  if (data?.type === 'close-sidebar') sidebar.hidden = true;
});
void refresh();
window.setInterval(() => void refresh().catch(() => undefined), 1000);
