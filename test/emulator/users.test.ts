/**
 * Several users in one document: each execution runs as someone, installable triggers as their
 * creator (PLATFORM.md, Add-on lifecycle), custom functions with the owner's user properties.
 */
import { loadAddOn } from '../../emulator/addon';
import { ZERO_LATENCY } from '../../emulator/costs';

const HOUR = 3_600_000;

/** A tiny script: `install` creates the caller's hourly trigger; `tick` records who it ran as and what it saw. */
const CODE = `
function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function saveKey(k) { PropertiesService.getUserProperties().setProperty('key', k); }
function tick() {
  const me = Session.getActiveUser().getEmail();
  const key = PropertiesService.getUserProperties().getProperty('key');
  const seen = PropertiesService.getDocumentProperties().getProperty('seen') || '';
  UrlFetchApp.fetch('https://api.example.com/ping', { headers: { Authorization: 'Bearer ' + key }, muteHttpExceptions: true });
  CacheService.getUserCache().put('ran', me || '(blank)');
  PropertiesService.getDocumentProperties().setProperty('seen', seen + me + '=' + key + ';');
}
function whoFormula() { return PropertiesService.getUserProperties().getProperty('key'); }
`;

function setup(blankEmails: string[] = []) {
  const addOn = loadAddOn({ code: CODE, sidebar: '', manifest: {} }, { latency: ZERO_LATENCY, userEmail: 'owner@example.com', blankEmails });
  const keys: string[] = [];
  addOn.emulator.http.register('https://api.example.com', {
    handle: (req) => {
      keys.push(req.headers.authorization ?? '');
      return { status: 200, body: '{}' };
    },
  });
  return { addOn, keys };
}

describe('emulator users', () => {
  describe('#runDueTriggers()', () => {
    it('should fire each trigger as the user who created it, with their properties, quota and cache', () => {
      const { addOn, keys } = setup();
      addOn.call('rpc', 'saveKey', 'owner-key');
      addOn.call('menu', 'install');
      const editor = addOn.as('editor@example.com');
      editor.call('rpc', 'saveKey', 'editor-key');
      editor.call('menu', 'install');

      expect(
        addOn.emulator.triggers
          .list()
          .map((t) => t.user)
          .sort(),
      ).toEqual(['editor@example.com', 'owner@example.com']);
      expect(addOn.runDueTriggers(HOUR)).toBe(2);

      expect(addOn.emulator.properties.document().seen?.split(';').filter(Boolean).sort()).toEqual([
        'editor@example.com=editor-key',
        'owner@example.com=owner-key',
      ]);
      expect(keys.sort()).toEqual(['Bearer editor-key', 'Bearer owner-key']);
      expect(addOn.emulator.cache.entries('user', 'editor@example.com').ran).toBe('editor@example.com');
      expect(addOn.emulator.http.log.map((e) => `${e.user} ${e.headers.authorization ?? ''}`).sort()).toEqual([
        'editor@example.com Bearer editor-key',
        'owner@example.com Bearer owner-key',
      ]);
    });

    it('should fire a trigger as its creator even while another user is the default one', () => {
      const { addOn, keys } = setup();
      addOn.as('editor@example.com').call('rpc', 'saveKey', 'editor-key');
      addOn.as('editor@example.com').call('menu', 'install');
      addOn.emulator.setUser('owner@example.com');
      addOn.runDueTriggers(HOUR);
      expect(keys).toEqual(['Bearer editor-key']);
    });
  });

  describe('#as()', () => {
    it('should run calls and RPCs as that user without changing the default user', () => {
      const { addOn } = setup();
      addOn.as('editor@example.com').rpc('saveKey', 'editor-key');
      expect(addOn.emulator.properties.user('editor@example.com').key).toBe('editor-key');
      expect(addOn.emulator.properties.user('owner@example.com').key).toBeUndefined();
    });

    it("should give a co-editor's custom function the owner's user properties", () => {
      const { addOn } = setup();
      addOn.call('rpc', 'saveKey', 'owner-key');
      addOn.as('editor@example.com').call('rpc', 'saveKey', 'editor-key');
      expect(addOn.as('editor@example.com').call('custom-function', 'whoFormula')).toBe('owner-key');
    });
  });

  describe('Session', () => {
    it('should give a blank email for users whose identity Apps Script hides, also in their triggers', () => {
      const { addOn } = setup(['editor@example.com']);
      const editor = addOn.as('editor@example.com');
      editor.call('rpc', 'saveKey', 'editor-key');
      editor.call('menu', 'install');
      addOn.runDueTriggers(HOUR);
      expect(addOn.emulator.properties.document().seen).toBe('=editor-key;');
      expect(addOn.emulator.cache.entries('user', 'editor@example.com').ran).toBe('(blank)');
    });
  });
});

describe('emulator trigger failures (PLATFORM.md: a failing trigger emails its owner)', () => {
  it('should record one failure email per failed trigger run, for its owner, and none for a clean run', () => {
    const code = `${CODE}\nfunction boom() { throw new Error('kaputt'); }\nfunction installBoom() { ScriptApp.newTrigger('boom').timeBased().everyHours(1).create(); }`;
    const addOn = loadAddOn({ code, sidebar: '', manifest: {} }, { latency: ZERO_LATENCY, userEmail: 'owner@example.com', mode: 'bound' });
    addOn.call('menu', 'installBoom');
    addOn.runDueTriggers(HOUR);
    addOn.runDueTriggers(HOUR);
    expect(addOn.triggerFailures).toEqual([
      expect.objectContaining({ user: 'owner@example.com', handlerFunction: 'boom', message: 'kaputt' }),
      expect.objectContaining({ user: 'owner@example.com', handlerFunction: 'boom', message: 'kaputt' }),
    ]);
    const clean = setup().addOn;
    clean.call('menu', 'install');
    clean.runDueTriggers(HOUR);
    expect(clean.triggerFailures).toEqual([]);
  });
});
