/** Sidebar entry: tabs and sections. */
import { call } from './rpc';
import { el, mount, setStatus } from './dom';
import { renderDiscover } from './discover-view';
import { renderEnrich } from './enrich-view';
import { renderGu1 } from './gu1-view';
import { renderJobs } from './jobs-view';
import { renderOpenmart } from './openmart-view';
import { renderSettings } from './settings-view';
import { startPump } from './pump';

type Section = 'enrich' | 'discover' | 'openmart' | 'gu1' | 'jobs' | 'settings';
const SECTIONS: Array<{ id: Section; label: string; render: (root: HTMLElement) => Promise<void> }> = [
  { id: 'enrich', label: 'Enrich', render: renderEnrich },
  { id: 'discover', label: 'Discover', render: renderDiscover },
  { id: 'openmart', label: 'Openmart', render: renderOpenmart },
  { id: 'gu1', label: 'gu1', render: renderGu1 },
  { id: 'jobs', label: 'Jobs', render: renderJobs },
  { id: 'settings', label: 'Settings', render: renderSettings },
];

function start(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const body = el('main', { id: 'section' });
  const status = el('div', { class: 'status', id: 'global-status' });
  const tabs = el('nav', { class: 'tabs', role: 'tablist' });
  const show = (id: Section): void => {
    for (const b of Array.from(tabs.children)) b.setAttribute('aria-selected', String(b.getAttribute('data-section') === id));
    const section = SECTIONS.find((s) => s.id === id) ?? SECTIONS[0];
    if (!section) return;
    setStatus(status, 'busy', 'Loading…');
    section.render(body).then(
      () => setStatus(status, 'idle'),
      (e: unknown) => setStatus(status, 'error', e instanceof Error ? e.message : String(e)),
    );
  };
  for (const s of SECTIONS) {
    tabs.appendChild(el('button', { type: 'button', role: 'tab', 'data-section': s.id, text: s.label, onclick: () => show(s.id) }));
  }
  mount(app, tabs, status, body);
  // Progress while any part of the sidebar is open, not only Jobs.
  startPump();
  call('getInitialSection').then(
    (s) => show((SECTIONS.some((x) => x.id === s) ? s : 'enrich') as Section),
    () => show('settings'),
  );
}

start();
