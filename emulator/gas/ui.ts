/** SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars, dialogs; everything shown is recorded in a UiLog. */
import { enumKey, makeEnum, type EnumValue } from './enums';
import { htmlOf } from './html';
import type { Access, Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

export type MenuItem = { caption: string; functionName: string } | 'separator' | { caption: string; items: MenuItem[] };

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

/** Everything the add-on showed, for assertions; alertResponse/promptResponse script the user's answer. */
export interface UiLog {
  menus: Array<{ title: string; items: MenuItem[] }>;
  alerts: Array<{ title: string; prompt: string; buttons: string; response: ButtonName; at: number }>;
  prompts: Array<{ title: string; prompt: string; buttons: string; response: ButtonName; text: string; at: number }>;
  toasts: Array<{ msg: string; title: string; timeoutSeconds: number | undefined; at: number }>;
  sidebars: Array<{ title: string; html: string; at: number }>;
  dialogs: Array<{ title: string; html: string; modal: boolean; width: number | undefined; height: number | undefined; at: number }>;
  /** What the next ui.alert returns (consumed); default: the first button of the set. */
  alertResponse: ButtonName | null;
  /** What the next ui.prompt returns (consumed); default: OK with empty text. */
  promptResponse: { button: ButtonName; text: string } | null;
}

/** A fresh, empty UiLog. */
export function newUiLog(): UiLog {
  return { menus: [], alerts: [], prompts: [], toasts: [], sidebars: [], dialogs: [], alertResponse: null, promptResponse: null };
}

const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
const SET_BUTTONS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** Build the Ui object (one per emulator; SpreadsheetApp.getUi returns it). `addonTitle` names the add-on menu. */
export function makeUi(rt: Runtime, log: UiLog, addonTitle: string): GasObject {
  const call = <T>(service: string, method: string, access: Access, body: () => T): T => rt.invoke({ service, method, access }, body);
  const menus = new WeakMap<object, { title: string; items: MenuItem[] }>();

  const makeMenu = (title: string): GasObject => {
    const m = { title, items: [] as MenuItem[] };
    const api = {
      toString: () => 'Menu',
      addItem: (caption: unknown, functionName: unknown) =>
        call('Menu', 'addItem', 'free', () => {
          if (typeof caption !== 'string' || typeof functionName !== 'string')
            throw rt.error(`The parameters (${typeof caption},${typeof functionName}) don't match the method signature for Ui.Menu.addItem.`);
          m.items.push({ caption, functionName });
          return self;
        }),
      addSeparator: () =>
        call('Menu', 'addSeparator', 'free', () => {
          m.items.push('separator');
          return self;
        }),
      addSubMenu: (menu: unknown) =>
        call('Menu', 'addSubMenu', 'free', () => {
          const sub = typeof menu === 'object' && menu !== null ? menus.get(menu) : undefined;
          if (!sub) throw rt.error("The parameters (Object) don't match the method signature for Ui.Menu.addSubMenu.");
          m.items.push({ caption: sub.title, items: sub.items });
          return self;
        }),
      addToUi: () =>
        call('Menu', 'addToUi', 'free', () => {
          const i = log.menus.findIndex((x) => x.title === m.title);
          const copy = { title: m.title, items: [...m.items] };
          if (i >= 0) log.menus[i] = copy;
          else log.menus.push(copy);
        }),
    };
    const self: GasObject = rt.strict('Menu', api);
    menus.set(self, m);
    return self;
  };

  /** Sort out alert/prompt overloads: (prompt), (prompt, buttons), (title, prompt, buttons). */
  const overload = (args: unknown[]): { title: string; prompt: string; set: string } => {
    if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), set: enumKey(args[2]) };
    if (args.length === 2 && typeof args[1] !== 'string') return { title: '', prompt: String(args[0]), set: enumKey(args[1]) };
    if (args.length === 2) return { title: String(args[0]), prompt: String(args[1]), set: 'OK' };
    return { title: '', prompt: String(args[0]), set: 'OK' };
  };
  const buttonsOf = (set: string): ButtonName[] => {
    const b = SET_BUTTONS[set];
    if (!b) throw rt.error(`Invalid argument: buttons (${set})`);
    return b;
  };
  const checkResponse = (wanted: ButtonName, allowed: ButtonName[]): ButtonName => {
    if (wanted !== 'CLOSE' && !allowed.includes(wanted))
      throw new Error(`emulator: scripted response ${wanted} is not a button of this dialog (${allowed.join(', ')})`);
    return wanted;
  };
  const show = (html: unknown, method: string): { title: string; html: string; width: number | undefined; height: number | undefined } => {
    const m = htmlOf(html);
    if (!m) throw rt.error(`The parameters (Object) don't match the method signature for Ui.${method}.`);
    return { title: m.title, html: m.content, width: m.width, height: m.height };
  };

  return rt.strict('Ui', {
    toString: () => 'Ui',
    Button,
    ButtonSet,
    createAddonMenu: () => call('Ui', 'createAddonMenu', 'free', () => makeMenu(addonTitle)),
    createMenu: (caption: unknown) => call('Ui', 'createMenu', 'free', () => makeMenu(String(caption))),
    alert: (...args: unknown[]) =>
      call('Ui', 'alert', 'ui-show', (): EnumValue => {
        const o = overload(args);
        const allowed = buttonsOf(o.set);
        const response = checkResponse(log.alertResponse ?? allowed[0] ?? 'OK', allowed);
        log.alertResponse = null;
        log.alerts.push({ title: o.title, prompt: o.prompt, buttons: o.set, response, at: rt.clock.now() });
        return Button[response];
      }),
    prompt: (...args: unknown[]) =>
      call('Ui', 'prompt', 'ui-show', () => {
        const o = overload(args);
        const allowed = buttonsOf(o.set);
        const scripted = log.promptResponse ?? { button: allowed[0] ?? 'OK', text: '' };
        const response = checkResponse(scripted.button, allowed);
        log.promptResponse = null;
        log.prompts.push({ title: o.title, prompt: o.prompt, buttons: o.set, response, text: scripted.text, at: rt.clock.now() });
        return rt.strict('PromptResponse', {
          toString: () => 'PromptResponse',
          getResponseText: () => scripted.text,
          getSelectedButton: () => Button[response],
        });
      }),
    showSidebar: (html: unknown) =>
      call('Ui', 'showSidebar', 'ui-show', () => {
        const s = show(html, 'showSidebar');
        log.sidebars.push({ title: s.title, html: s.html, at: rt.clock.now() });
      }),
    showModalDialog: (html: unknown, title: unknown) =>
      call('Ui', 'showModalDialog', 'ui-show', () => {
        const s = show(html, 'showModalDialog');
        log.dialogs.push({ title: String(title), html: s.html, modal: true, width: s.width, height: s.height, at: rt.clock.now() });
      }),
    showModelessDialog: (html: unknown, title: unknown) =>
      call('Ui', 'showModelessDialog', 'ui-show', () => {
        const s = show(html, 'showModelessDialog');
        log.dialogs.push({ title: String(title), html: s.html, modal: false, width: s.width, height: s.height, at: rt.clock.now() });
      }),
  });
}
