/**
 * How every entry point runs: gather the Apps Script services of this execution into one
 * AppContext (src/entry/ and src/index.ts are the only code that reads Apps Script's globals),
 * then delegate; answers and failures leave through the one scrubber.
 */
import type { AppContext } from '../app/context';
import { toActionMessage } from '../app/user-error';
import { Scrubber, scrubbingStore } from '../platform/scrub';
import { syncedLock } from '../platform/lock';
import { SnapshotStore } from '../platform/props-snapshot';
import { KeyStore } from '../platform/keys';
import { QuotaMeter } from '../platform/quota';
import type { PropertyStore } from '../platform/store';
import { accountType } from '../app/quota';
import { bumpDocStamp } from '../app/background';
import * as formulas from '../app/formulas';
import type { FormulaEnv } from '../functions/env';

/** This execution's services. */
export function context(): AppContext {
  // One read of each store per execution (Properties calls are a daily quota); lazy, since onOpen may run where properties are off limits.
  const userProps = new SnapshotStore(() => PropertiesService.getUserProperties());
  const docSnapshot = new SnapshotStore(
    () => PropertiesService.getDocumentProperties(),
    () => bumpDocStamp(CacheService.getDocumentCache(), Utilities.getUuid()),
  );
  const props = (): SnapshotStore => userProps;
  let scrubber: Scrubber | undefined;
  const scrub = (): Scrubber => (scrubber ??= new Scrubber(savedKeys(props)));
  const docProps = scrubbingStore(docSnapshot, scrub);
  return {
    spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
    ui: () => SpreadsheetApp.getUi(),
    html: HtmlService,
    urlFetch: UrlFetchApp,
    userProps: props,
    docProps: () => docProps,
    scriptApp: ScriptApp,
    documentLock: () => syncedLock(LockService.getDocumentLock(), { flush: () => SpreadsheetApp.flush(), reload: () => docSnapshot.reload() }),
    userCache: () => CacheService.getUserCache(),
    documentCache: () => CacheService.getDocumentCache() ?? CacheService.getScriptCache(),
    clock: { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms) },
    uuid: () => Utilities.getUuid(),
    sha256: (text) =>
      Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
        .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
        .join(''),
    // The spreadsheet's zone, not the script's (the manifest's, the same for every user): schedules are read in the sheet's.
    timeZone: () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    quota: new QuotaMeter(
      userProps,
      () => Date.now(),
      () => accountType(props),
    ),
    userEmail: () => {
      try {
        return Session.getActiveUser().getEmail() || '';
      } catch {
        return '';
      }
    },
    scrubber: scrub,
  };
}

/** The saved keys of the user the execution runs as (none when properties are off limits, e.g. authMode NONE). */
function savedKeys(props: () => PropertyStore): string[] {
  try {
    return new KeyStore(props()).all();
  } catch {
    return [];
  }
}

/** Run an RPC: its answer and its failures (one user sentence) reach the sidebar through the scrubber. */
export function rpc<T>(fn: (ctx: AppContext) => T, scrub: (ctx: AppContext, out: T) => T = (ctx, out) => ctx.scrubber().deep(out)): T {
  const ctx = context();
  try {
    const out = fn(ctx);
    // Nothing to scrub in "no answer" (the Jobs view's "nothing new"): no key read for it.
    return out === null || out === undefined ? out : scrub(ctx, out);
  } catch (e) {
    throw new Error(ctx.scrubber().text(toActionMessage(e)));
  } finally {
    ctx.quota.flush();
  }
}

/** A toast, through the scrubber like every text that leaves the add-on. */
export function toast(ctx: AppContext, text: string): void {
  ctx.spreadsheet().toast(ctx.scrubber().text(text), 'Prospect Enrich', 8);
}

/** Run a custom function: any failure becomes one sentence (Sheets shows it under #ERROR!), never with a key in it. */
export function formula<T>(fn: (env: FormulaEnv) => T): T {
  const ctx = context();
  try {
    return ctx.scrubber().deep(fn(formulas.formulaEnv(ctx)));
  } catch (e) {
    throw new Error(ctx.scrubber().text(formulas.formulaMessage(e)));
  }
}
