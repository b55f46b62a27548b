/** The built bundle in the vm: menu, sidebar, settings RPCs, keys kept secret. */
import { loadAddOn } from '../harness/addon';

describe('add-on foundation (built bundle)', () => {
  describe('#onOpen()', () => {
    it('should build the add-on menu with authMode NONE, naming only functions that exist', () => {
      const addOn = loadAddOn();
      addOn.emulator.execution.run('simple-trigger', () => (addOn.context as Record<string, (e: unknown) => void>)['onOpen']!({ authMode: 'NONE' }), {
        authMode: 'NONE',
      });
      const menu = addOn.emulator.ui.menus.at(-1)!;
      const items = menu.items.filter((i): i is { caption: string; functionName: string } => i !== 'separator');
      // Every item starts with a verb, and Help is there.
      expect(items.map((i) => i.caption)).toEqual(['Open sidebar', 'Refresh jobs now', 'Open settings', 'Help']);
      for (const i of items) expect(addOn.functions()).toContain(i.functionName);
    });
  });

  describe('#showHelp()', () => {
    it('should show a modal dialog with the steps and what to know before paying, linking nowhere, all text escaped', () => {
      const addOn = loadAddOn();
      addOn.call('menu', 'showHelp');
      const dialog = addOn.emulator.ui.dialogs.at(-1)!;
      expect(dialog.modal).toBe(true);
      expect(dialog.title).toBe('Prospect Enrich: help');
      for (const step of ['Save a key', 'Pick your rows', 'Submit', 'Follow it in Jobs', 'Formulas'])
        expect(dialog.html).toContain(`<strong>${step}.</strong>`);
      for (const fact of ['What you pay for', 'Shared spreadsheets', 'What is written where', 'Schedules']) expect(dialog.html).toContain(`<h2>${fact}</h2>`);
      // No link to a page the add-on does not have.
      expect(dialog.html).not.toMatch(/<a\b|https?:\/\//);
      // Quotes and angle brackets of the steps are escaped, never markup.
      expect(dialog.html).toContain('&quot;&lt;title&gt; - Companies&quot;');
      expect(dialog.html).not.toContain('<title> - Companies');
    });
  });

  describe('#getInitialSection()', () => {
    it('should open at Settings while the user has no key, and at Enrich once one is saved', () => {
      const addOn = loadAddOn();
      addOn.call('menu', 'showSidebar');
      expect(addOn.rpc('getInitialSection')).toBe('settings');
      addOn.rpc('saveApiKey', { provider: 'gu1', key: 'gk_sandbox_abcdefghijkl' });
      addOn.call('menu', 'showSidebar');
      expect(addOn.rpc('getInitialSection')).toBe('enrich');
      // Another editor of the document without a key of their own gets the guide.
      expect(addOn.as('colleague@example.com').rpc('getInitialSection')).toBe('settings');
    });
  });

  describe('#showSettings()', () => {
    it('should open the built sidebar and remember the section for the page', () => {
      const addOn = loadAddOn();
      addOn.call('menu', 'showSettings');
      const sidebar = addOn.emulator.ui.sidebars.at(-1)!;
      expect(sidebar.title).toBe('Prospect Enrich');
      expect(sidebar.html).toContain('<div id="app"');
      expect(sidebar.html).not.toContain('<!-- SCRIPT -->');
      expect(addOn.rpc('getInitialSection')).toBe('settings');
      // Asked once: then the default (no key yet: Settings again; with a key: Enrich).
      addOn.rpc('saveApiKey', { provider: 'openmart', key: 'om_test_abcdefghijkl' });
      expect(addOn.rpc('getInitialSection')).toBe('enrich');
    });
  });

  describe('settings RPCs', () => {
    const KEY = 'lnc_live_9f8e7d6c5b4a3210fedcba';

    it('should store a key in user properties only and return it masked', () => {
      const addOn = loadAddOn();
      const view = addOn.rpc<{ providers: Array<{ provider: string; maskedKey: string | null }> }>('saveApiKey', {
        provider: 'openprospect',
        key: `  ${KEY}\n`,
      });
      const op = view.providers.find((p) => p.provider === 'openprospect')!;
      expect(op.maskedKey).toMatch(/^lnc_…/);
      expect(op.maskedKey).not.toContain(KEY.slice(4, -4));
      expect(JSON.stringify(addOn.rpc('getSettings'))).not.toContain(KEY);
      expect(Object.values(addOn.emulator.properties.user())).toContain(KEY);
      expect(JSON.stringify(addOn.emulator.properties.document())).not.toContain(KEY);
      expect(addOn.emulator.logs.join('\n')).not.toContain(KEY);
      expect(JSON.stringify(addOn.emulator.spreadsheet.getSheets().map((s) => s.getDataRange().getValues()))).not.toContain(KEY);
    });

    it('should keep keys per user', () => {
      const addOn = loadAddOn();
      addOn.rpc('saveApiKey', { provider: 'gu1', key: 'gk_sandbox_abcdefghijkl' });
      addOn.emulator.setUser('colleague@example.com');
      const view = addOn.rpc<{ providers: Array<{ provider: string; maskedKey: string | null }> }>('getSettings');
      expect(view.providers.find((p) => p.provider === 'gu1')!.maskedKey).toBeNull();
    });

    it('should refuse an empty key, a key with spaces and an unknown provider with a sentence', () => {
      const addOn = loadAddOn();
      expect(() => addOn.rpc('saveApiKey', { provider: 'openmart', key: '   ' })).toThrow(/The key is empty/);
      expect(() => addOn.rpc('saveApiKey', { provider: 'openmart', key: 'abc def ghi jkl' })).toThrow(/spaces or line breaks/);
      expect(() => addOn.rpc('saveApiKey', { provider: 'acme', key: 'abcdefghijkl' })).toThrow(/Could not read the key form \(provider\)/);
      expect(addOn.emulator.properties.user()).toEqual({});
    });

    it('should remove a key', () => {
      const addOn = loadAddOn();
      addOn.rpc('saveApiKey', { provider: 'openmart', key: 'om_abcdefghijklmnop' });
      const view = addOn.rpc<{ providers: Array<{ provider: string; maskedKey: string | null }> }>('removeApiKey', { provider: 'openmart' });
      expect(view.providers.find((p) => p.provider === 'openmart')!.maskedKey).toBeNull();
      expect(Object.keys(addOn.emulator.properties.user())).not.toContain('apiKey.openmart');
    });

    it('should accept an https staging base URL and refuse anything else', () => {
      const addOn = loadAddOn();
      const view = addOn.rpc<{ providers: Array<{ provider: string; baseUrl: string }> }>('saveBaseUrl', {
        provider: 'openprospect',
        baseUrl: 'https://staging.openprospect.io/api/v1/',
      });
      expect(view.providers.find((p) => p.provider === 'openprospect')!.baseUrl).toBe('https://staging.openprospect.io/api/v1');
      expect(() => addOn.rpc('saveBaseUrl', { provider: 'openprospect', baseUrl: 'http://evil.example/x' })).toThrow(/must start with https/);
    });
  });
});
