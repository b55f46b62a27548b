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
import { GO_TO_SECTION } from './navigate';
import { tabBar } from './tabs';

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
  const body = el('div', { id: 'section' });
  // The one live region: loading and section errors (the sections' own lines are status roles too).
  const status = el('div', { class: 'status', id: 'global-status', role: 'status' });
  const show = (id: string): void => {
    const section = SECTIONS.find((s) => s.id === id) ?? SECTIONS[0];
    if (!section) return;
    bar.select(section.id);
    setStatus(status, 'busy', 'Loading…');
    // data-loaded names the section once it has rendered (or failed to): tests and screenshots wait for it.
    app.removeAttribute('data-loaded');
    const done = (): void => app.setAttribute('data-loaded', section.id);
    section.render(body).then(
      () => {
        setStatus(status, 'idle');
        done();
      },
      (e: unknown) => {
        setStatus(status, 'error', e instanceof Error ? e.message : String(e));
        done();
      },
    );
  };
  const bar = tabBar(SECTIONS, body, show);
  document.addEventListener(GO_TO_SECTION, (ev) => {
    const id = String((ev as CustomEvent).detail);
    show(id);
    document.getElementById(`tab-${id}`)?.focus();
  });
  const header = el('header', { class: 'top' }, bar.nav, status);
  mount(app, el('main', {}, el('h1', { class: 'sr-only', text: 'Prospect Enrich' }), header, body));
  // Progress while any part of the sidebar is open, not only Jobs.
  startPump();
  call('getInitialSection').then(
    (s) => show(SECTIONS.some((x) => x.id === s) ? s : 'enrich'),
    () => show('settings'),
  );
}

start();
