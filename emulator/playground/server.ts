/**
 * The local playground: the BUILT add-on (dist/Code.js) running in the emulator, served on
 * localhost with a page that shows an emulated spreadsheet (tabs, a grid, editable cells,
 * custom-function formulas) beside the real dist/Sidebar.html, whose `google.script.run` calls
 * come back here and run as sidebar executions of the bundle.
 *
 * Time: the emulator's virtual clock follows the wall clock `speed` times faster (default 60:
 * a real second is a virtual minute), so the add-on's hourly poll trigger fires every real
 * minute and simulated orders finish in seconds. Due triggers are fired every 2 s.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadAddOn, readBundle, type AddOn } from '../addon';
import { ADDON_NAME_FOR_MENU, renderPage, sidebarPage } from './pages';
import { createProviders, type Providers } from './providers';
import { readJson, send, sendJson } from './http-io';
import { Workbook, errorMessage } from './workbook';

export interface PlaygroundOptions {
  /** The repository root (dist/ and emulator/playground/ are found from it). */
  root: string;
  /** 0 picks a free port. Default 8080. */
  port?: number;
  host?: string;
  /** Virtual ms per real ms (default 60). */
  speed?: number;
  /** Environment with live keys (default process.env). */
  env?: Record<string, string | undefined>;
  /** Fire due triggers this often, in real ms (default 2000; 0 switches it off). */
  triggerEveryMs?: number;
}

export interface Playground {
  url: string;
  port: number;
  addOn: AddOn;
  providers: Providers;
  workbook: Workbook;
  /** Stop the server and the trigger timer. */
  close(): Promise<void>;
}

interface SampleCompany {
  company: string;
  website: string;
  city: string;
  country: string;
  industry: string;
}

/** Start the playground. */
export async function createPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const dir = join(opts.root, 'emulator/playground');
  const bundle = readBundle(join(opts.root, 'dist'));
  const entrypoints = JSON.parse(readFileSync(join(opts.root, 'dist/entrypoints.json'), 'utf8')) as Array<{ name: string; customFunction: boolean }>;
  const customFunctions = new Set(entrypoints.filter((e) => e.customFunction).map((e) => e.name));
  const speed = opts.speed ?? 60;
  const realStart = Date.now();
  const virtualStart = Date.now();

  // The playground shows paid formulas at work, so custom functions may write document properties
  // here (Google's custom-function page forbids only user properties); the tests' default is 'none'.
  const addOn = loadAddOn(bundle, {
    startTime: virtualStart,
    spreadsheetName: 'Playground',
    addonName: ADDON_NAME_FOR_MENU,
    userEmail: 'you@example.com',
    customFunctionPropertyWrites: 'shared',
  });
  const em = addOn.emulator;
  const providers = createProviders(opts.env ?? process.env, join(dir, 'fetch-once.mjs'));
  for (const [base, handler] of providers.routes) em.http.register(base, handler);

  /** Keep the virtual clock in step with the wall clock (never backwards). */
  const syncClock = (): void => {
    const target = virtualStart + (Date.now() - realStart) * speed;
    if (target > em.clock.now()) em.clock.set(target);
  };
  let version = 0;
  const changed = (): void => {
    version++;
  };

  // The sample sheet a visitor starts with; the default empty Sheet1 goes.
  const sample = JSON.parse(readFileSync(join(dir, 'sample-companies.json'), 'utf8')) as SampleCompany[];
  em.spreadsheet.givenSheet('Companies', [
    ['Company', 'Website', 'City', 'Country', 'Industry'],
    ...sample.map((c) => [c.company, c.website, c.city, c.country, c.industry]),
  ]);
  const first = em.spreadsheet.getSheets()[0];
  if (first && first.getName() !== 'Companies' && first.getLastRow() === 0) em.spreadsheet.deleteSheet(first);
  em.spreadsheet.select("'Companies'!A1");

  syncClock();
  // Sheets runs onOpen when the document opens: it builds the add-on menu.
  addOn.call('simple-trigger', 'onOpen', { authMode: 'LIMITED' });
  for (const [provider, key] of Object.entries(providers.liveKeys)) {
    addOn.rpc('saveApiKey', { provider, key });
  }

  const workbook = new Workbook(addOn, customFunctions, syncClock);
  const serverFunctions = addOn.functions().filter((n) => !n.endsWith('_'));
  const page = renderPage({ modes: providers.modes, speed });
  const sidebar = sidebarPage(bundle.sidebar, serverFunctions);
  const pageCss = readFileSync(join(dir, 'page/page.css'), 'utf8');
  const addonCss = readFileSync(join(dir, 'page/add-ons.css'), 'utf8');
  let pageJs: string | undefined;
  const pageScript = (): string => {
    // Bundled on first use: the page script is TypeScript like the rest of the project.
    pageJs ??=
      (require('esbuild') as typeof import('esbuild')).buildSync({
        entryPoints: [join(dir, 'page/page.ts')],
        bundle: true,
        format: 'iife',
        target: 'es2019',
        write: false,
        logLevel: 'warning',
      }).outputFiles[0]?.text ?? '';
    return pageJs;
  };

  const runDueTriggers = (): number => {
    syncClock();
    const n = addOn.runDueTriggers();
    if (n > 0) changed();
    return n;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', page);
      case 'GET /page.js':
        return send(res, 200, 'text/javascript; charset=utf-8', pageScript());
      case 'GET /page.css':
        return send(res, 200, 'text/css; charset=utf-8', pageCss);
      case 'GET /add-ons.css':
        return send(res, 200, 'text/css; charset=utf-8', addonCss);
      case 'GET /sidebar':
        return send(res, 200, 'text/html; charset=utf-8', sidebar);
      case 'GET /dialog': {
        // The n-th dialog the add-on showed (Ui.showModalDialog), as it gave it.
        const d = em.ui.dialogs[Number(url.searchParams.get('n') ?? em.ui.dialogs.length - 1)];
        return d ? send(res, 200, 'text/html; charset=utf-8', d.html) : send(res, 404, 'text/plain; charset=utf-8', 'No dialog');
      }
      case 'POST /rpc': {
        // google.script.run from the sidebar: one sidebar execution of the bundle.
        const body = await readJson(req);
        const name = String(body['name'] ?? '');
        const args = Array.isArray(body['args']) ? (body['args'] as unknown[]) : [];
        if (!serverFunctions.includes(name)) return sendJson(res, 200, { ok: false, message: `Script function not found: ${name}` });
        syncClock();
        try {
          const value = addOn.rpc(name, ...args);
          return sendJson(res, 200, { ok: true, value: value === undefined ? null : value });
        } catch (e) {
          return sendJson(res, 200, { ok: false, message: errorMessage(e) });
        } finally {
          changed();
        }
      }
      case 'GET /api/meta': {
        const ui = em.ui;
        return sendJson(res, 200, {
          version,
          sheets: workbook.sheetNames(),
          active: workbook.activeSheet(),
          selection: workbook.selection(),
          menus: ui.menus,
          toasts: ui.toasts.map((t, i) => ({ id: i, msg: t.msg, title: t.title })),
          sidebars: ui.sidebars.length,
          dialogs: ui.dialogs.map((d) => ({ title: d.title, width: d.width, height: d.height })),
          virtualNow: em.clock.now(),
          speed,
          modes: providers.modes,
        });
      }
      case 'GET /api/sheet': {
        const name = url.searchParams.get('name') ?? workbook.activeSheet();
        if (!workbook.sheetNames().includes(name)) return sendJson(res, 404, { error: `No tab "${name}"` });
        workbook.recalc(version);
        return sendJson(res, 200, { version, ...workbook.view(name) });
      }
      case 'POST /api/cell': {
        const b = await readJson(req);
        syncClock();
        try {
          workbook.edit(String(b['sheet']), Number(b['row']), Number(b['col']), String(b['input'] ?? ''));
        } catch (e) {
          return sendJson(res, 400, { error: errorMessage(e) });
        }
        changed();
        return sendJson(res, 200, { version });
      }
      case 'POST /api/sort': {
        const b = await readJson(req);
        try {
          workbook.sort(String(b['sheet']), Number(b['col']), b['ascending'] !== false);
        } catch (e) {
          return sendJson(res, 400, { error: errorMessage(e) });
        }
        changed();
        return sendJson(res, 200, { version });
      }
      case 'POST /api/select': {
        const b = await readJson(req);
        workbook.select(String(b['sheet']), String(b['a1'] ?? 'A1'));
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /api/menu': {
        // An add-on menu item: one menu execution of the named function.
        const b = await readJson(req);
        const fn = String(b['functionName'] ?? '');
        syncClock();
        try {
          addOn.call('menu', fn);
          return sendJson(res, 200, { ok: true });
        } catch (e) {
          return sendJson(res, 200, { ok: false, message: errorMessage(e) });
        } finally {
          changed();
        }
      }
      case 'POST /api/recalc': {
        changed();
        workbook.recalc(version, true);
        return sendJson(res, 200, { version });
      }
      case 'POST /api/triggers':
        return sendJson(res, 200, { ran: runDueTriggers() });
      default:
        return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: errorMessage(e) });
      else res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const every = opts.triggerEveryMs ?? 2000;
  const timer = every > 0 ? setInterval(runDueTriggers, every) : undefined;
  timer?.unref();

  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`,
    port,
    addOn,
    providers,
    workbook,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
