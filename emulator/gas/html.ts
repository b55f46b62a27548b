/** HtmlService: HtmlOutput and HtmlTemplate (plain HTML and simple `<?= name ?>` printing scriptlets only). */
import { makeEnum } from './enums';
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

/** What a shown sidebar/dialog carries. */
export interface HtmlModel {
  title: string;
  content: string;
  width: number | undefined;
  height: number | undefined;
  sandboxMode: string | undefined;
  xFrameOptionsMode: string | undefined;
  metaTags: Array<{ name: string; content: string }>;
  faviconUrl: string | undefined;
}

const outputs = new WeakMap<object, HtmlModel>();

/** The model behind an HtmlOutput façade, or undefined for anything else. */
export function htmlOf(obj: unknown): HtmlModel | undefined {
  return typeof obj === 'object' && obj !== null ? outputs.get(obj) : undefined;
}

const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']);
const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT']);

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Build HtmlService over the project's HTML files (`files`: name -> content; `.html` optional). */
export function makeHtmlService(rt: Runtime, files: Readonly<Record<string, string>>): GasObject {
  const call = <T>(method: string, body: () => T): T => rt.invoke({ service: 'HtmlService', method, access: 'free' }, body);

  const readFile = (name: unknown): string => {
    const n = String(name);
    const candidates = [n, n.replace(/\.html$/i, ''), `${n}.html`];
    for (const c of candidates) {
      const content = files[c];
      if (content !== undefined) return content;
    }
    throw rt.error(`No HTML file named ${n} was found.`);
  };

  const makeOutput = (content: string): GasObject => {
    const m: HtmlModel = {
      title: '',
      content,
      width: undefined,
      height: undefined,
      sandboxMode: undefined,
      xFrameOptionsMode: undefined,
      metaTags: [],
      faviconUrl: undefined,
    };
    /** A chainable setter: run `f`, return the HtmlOutput. */
    const chain =
      <A extends unknown[]>(f: (...args: A) => void) =>
      (...args: A): GasObject => {
        f(...args);
        return self;
      };
    const api = {
      toString: () => 'HtmlOutput',
      setTitle: chain((t: unknown) => {
        m.title = String(t);
      }),
      getTitle: () => m.title,
      setWidth: chain((w: number) => {
        m.width = Number(w);
      }),
      getWidth: () => m.width ?? 0,
      setHeight: chain((h: number) => {
        m.height = Number(h);
      }),
      getHeight: () => m.height ?? 0,
      getContent: () => m.content,
      setContent: chain((c: unknown) => {
        m.content = String(c);
      }),
      append: chain((c: unknown) => {
        m.content += String(c);
      }),
      appendUntrusted: chain((c: unknown) => {
        m.content += escapeHtml(String(c));
      }),
      clear: chain(() => {
        m.content = '';
      }),
      setSandboxMode: chain((mode: unknown) => {
        m.sandboxMode = String(mode);
      }),
      getSandboxMode: () => m.sandboxMode ?? null,
      setXFrameOptionsMode: chain((mode: unknown) => {
        m.xFrameOptionsMode = String(mode);
      }),
      addMetaTag: chain((name: unknown, content: unknown) => {
        m.metaTags.push({ name: String(name), content: String(content) });
      }),
      setFaviconUrl: chain((url: unknown) => {
        m.faviconUrl = String(url);
      }),
      getFaviconUrl: () => m.faviconUrl ?? null,
    };
    const self: GasObject = rt.strict('HtmlOutput', api);
    outputs.set(self, m);
    return self;
  };

  const makeTemplate = (raw: string): GasObject => {
    const template: Record<string, unknown> = {};
    Object.defineProperties(template, {
      toString: { value: () => 'HtmlTemplate' },
      getRawContent: { value: () => raw },
      evaluate: {
        value: () =>
          makeOutput(
            raw.replace(/<\?(!?=)?([\s\S]*?)\?>/g, (_all, kind: string | undefined, code: string) => {
              const name = code.trim();
              if (!kind || !/^[A-Za-z_$][\w$]*$/.test(name))
                throw rt.realm.typeError(
                  `HtmlTemplate.evaluate: scriptlet <?${kind ?? ''}${code}?> is not modelled in the emulator (only <?= name ?> and <?!= name ?>)`,
                );
              const value: unknown = Object.getOwnPropertyDescriptor(template, name)?.value;
              if (value === undefined) throw rt.error(`ReferenceError: "${name}" is not defined.`);
              return kind === '=' ? escapeHtml(String(value)) : String(value);
            }),
          ),
      },
    });
    return rt.strict('HtmlTemplate', template);
  };

  const contentOf = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    if (typeof v === 'object' && typeof (v as { getDataAsString?: unknown }).getDataAsString === 'function')
      return String((v as { getDataAsString: () => string }).getDataAsString());
    return String(v);
  };

  return rt.strict('HtmlService', {
    toString: () => 'HtmlService',
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput: (html?: unknown) => call('createHtmlOutput', () => makeOutput(contentOf(html))),
    createHtmlOutputFromFile: (name: unknown) => call('createHtmlOutputFromFile', () => makeOutput(readFile(name))),
    createTemplate: (html: unknown) => call('createTemplate', () => makeTemplate(contentOf(html))),
    createTemplateFromFile: (name: unknown) => call('createTemplateFromFile', () => makeTemplate(readFile(name))),
  });
}
