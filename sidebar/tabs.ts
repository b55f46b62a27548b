/**
 * The section tabs, as the WAI-ARIA tabs pattern asks: one tab in the Tab order (the selected
 * one), Left/Right move and select, Home/End jump to the ends, the panel is labelled by its tab.
 */
import { el } from './dom';

export interface TabSpec {
  id: string;
  label: string;
}

export interface TabBar {
  nav: HTMLElement;
  /** Mark `id` selected (and the panel labelled by it) without running `onSelect`. */
  select(id: string): void;
}

/** The tab bar for `panel`; `onSelect` runs when the user picks a tab (click or keys). */
export function tabBar(tabs: readonly TabSpec[], panel: HTMLElement, onSelect: (id: string) => void): TabBar {
  const nav = el('nav', { class: 'tabs', role: 'tablist', 'aria-label': 'Sections' });
  const buttons = tabs.map((t) =>
    el('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${t.id}`,
      'aria-controls': panel.id,
      'aria-selected': 'false',
      tabindex: '-1',
      'data-section': t.id,
      text: t.label,
    }),
  );
  panel.setAttribute('role', 'tabpanel');
  const select = (id: string): void => {
    for (const b of buttons) {
      const on = b.getAttribute('data-section') === id;
      b.setAttribute('aria-selected', String(on));
      b.setAttribute('tabindex', on ? '0' : '-1');
      if (on) panel.setAttribute('aria-labelledby', b.id);
    }
  };
  const pick = (i: number): void => {
    const b = buttons[(i + buttons.length) % buttons.length];
    if (!b) return;
    b.focus();
    const id = b.getAttribute('data-section') ?? '';
    select(id);
    onSelect(id);
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => pick(i));
    b.addEventListener('keydown', (ev) => {
      const key = (ev as KeyboardEvent).key;
      const to = key === 'ArrowRight' ? i + 1 : key === 'ArrowLeft' ? i - 1 : key === 'Home' ? 0 : key === 'End' ? buttons.length - 1 : undefined;
      if (to === undefined) return;
      ev.preventDefault();
      pick(to);
    });
    nav.appendChild(b);
  });
  return { nav, select };
}
