/** Draws a sheet view into the grid table: column letters, row numbers, cells as text only. */
import { a1, letters, type SheetView } from './model';

/** Replace the grid's content with `view` (values go in through textContent). */
export function drawGrid(grid: HTMLTableElement, view: SheetView): void {
  const cols = Math.max(...view.rows.map((r) => r.length), 1);
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'rowhead';
  hr.appendChild(corner);
  for (let c = 1; c <= cols; c++) {
    const th = document.createElement('th');
    th.textContent = letters(c);
    hr.appendChild(th);
  }
  head.appendChild(hr);
  const body = document.createElement('tbody');
  view.rows.forEach((row, i) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.className = 'rowhead';
    th.textContent = String(i + 1);
    tr.appendChild(th);
    for (let j = 0; j < cols; j++) {
      const cell = row[j] ?? { v: '' };
      const el = document.createElement('td');
      el.dataset['cell'] = a1(i + 1, j + 1);
      el.dataset['row'] = String(i + 1);
      el.dataset['col'] = String(j + 1);
      el.textContent = cell.v;
      const cls = [cell.n ? 'num' : '', cell.s ? 'spill' : '', cell.f ? 'formula' : '', cell.e ? 'err' : ''].filter(Boolean);
      if (cls.length) el.className = cls.join(' ');
      el.title = cell.e ?? cell.f ?? cell.v;
      tr.appendChild(el);
    }
    body.appendChild(tr);
  });
  grid.replaceChildren(head, body);
  grid.dataset['sheet'] = view.name;
  grid.dataset['version'] = String(view.version);
}
