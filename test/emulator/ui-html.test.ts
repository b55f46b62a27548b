import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

const setup = () => createEmulator({ latency: ZERO_LATENCY, files: { Sidebar: '<h1>Hi</h1>', Tpl: '<p><?= name ?></p>' }, addonName: 'Enrich' });

describe('emulator/gas/html', () => {
  describe('HtmlService', () => {
    it('should load project files and chain HtmlOutput setters', () => {
      const { HtmlService } = setup().gas;
      const out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Enrich').setWidth(300).setSandboxMode(HtmlService.SandboxMode.IFRAME);
      expect(out.getTitle()).toBe('Enrich');
      expect(out.getContent()).toBe('<h1>Hi</h1>');
      expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<h1>Hi</h1>');
      expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
      expect(HtmlService.createHtmlOutput('<b>x</b>').append('<i>y</i>').getContent()).toBe('<b>x</b><i>y</i>');
    });

    it('should evaluate templates with printing scriptlets only', () => {
      const { HtmlService } = setup().gas;
      const t = HtmlService.createTemplateFromFile('Tpl') as GoogleAppsScript.HTML.HtmlTemplate & { name: string };
      t.name = '<Acme>';
      expect(t.evaluate().getContent()).toBe('<p>&lt;Acme&gt;</p>');
      expect(() => HtmlService.createTemplate('<? for(;;){} ?>').evaluate()).toThrow(TypeError);
    });
  });
});

describe('emulator/gas/ui', () => {
  describe('Ui', () => {
    it('should record menus with separators and submenus', () => {
      const emu = setup();
      const ui = emu.gas.SpreadsheetApp.getUi();
      const sub = ui.createMenu('More').addItem('Refresh jobs now', 'refreshJobs');
      ui.createAddonMenu().addItem('Open', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
      expect(emu.ui.menus).toEqual([
        {
          title: 'Enrich',
          items: [
            { caption: 'Open', functionName: 'showSidebar' },
            'separator',
            { caption: 'More', items: [{ caption: 'Refresh jobs now', functionName: 'refreshJobs' }] },
          ],
        },
      ]);
    });

    it('should show sidebars and dialogs', () => {
      const emu = setup();
      const { HtmlService, SpreadsheetApp } = emu.gas;
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Enrich'));
      SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('x').setWidth(400), 'Preview');
      expect(emu.ui.sidebars).toEqual([{ title: 'Enrich', html: '<h1>Hi</h1>', at: emu.clock.now() }]);
      expect(emu.ui.dialogs[0]).toMatchObject({ title: 'Preview', html: 'x', modal: true, width: 400 });
    });

    it('should answer alerts with the scripted button (enum objects, not strings)', () => {
      const emu = setup();
      const ui = emu.gas.SpreadsheetApp.getUi();
      expect(ui.alert('Hello')).toBe(ui.Button.OK);
      emu.ui.alertResponse = 'NO';
      const r = ui.alert('Delete?', 'Really?', ui.ButtonSet.YES_NO);
      expect(r).toBe(ui.Button.NO);
      expect(String(r)).toBe('NO');
      expect(r as unknown).not.toBe('NO');
      expect(emu.ui.alerts[1]).toMatchObject({ title: 'Delete?', prompt: 'Really?', buttons: 'YES_NO', response: 'NO' });
      emu.ui.promptResponse = { button: 'OK', text: 'My job' };
      const p = ui.prompt('Name?', ui.ButtonSet.OK_CANCEL);
      expect([p.getResponseText(), p.getSelectedButton()]).toEqual(['My job', ui.Button.OK]);
    });
  });
});
