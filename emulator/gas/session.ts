/** Session: active / effective user, script time zone, temporary user key. */
import * as crypto from 'node:crypto';
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

/**
 * Build Session. In a custom function the active user's email is '' and the effective user is the
 * owner. Apps Script gives a blank email "if security policies do not allow access to the user's
 * identity" (consumer accounts, other domains): `blankEmails` lists the users it is blank for.
 */
export function makeSession(rt: Runtime, blankEmails: ReadonlySet<string> = new Set()): GasObject {
  const call = <T>(method: string, access: 'doc' | 'free', body: () => T): T => rt.invoke({ service: 'Session', method, access }, body);
  const isCustomFunction = () => rt.execution.info()?.authMode === 'CUSTOM_FUNCTION';
  const user = (email: string): GasObject => {
    const shown = blankEmails.has(email) ? '' : email;
    return rt.strict('User', { toString: () => shown, getEmail: () => shown });
  };
  return rt.strict('Session', {
    toString: () => 'Session',
    getActiveUser: () => call('getActiveUser', 'doc', () => user(isCustomFunction() ? '' : rt.activeUser())),
    getEffectiveUser: () => call('getEffectiveUser', 'doc', () => user(isCustomFunction() ? rt.ownerEmail : rt.activeUser())),
    getScriptTimeZone: () => call('getScriptTimeZone', 'free', () => rt.timeZone),
    getActiveUserLocale: () => call('getActiveUserLocale', 'free', () => 'en'),
    getTemporaryActiveUserKey: () =>
      call('getTemporaryActiveUserKey', 'doc', () => crypto.createHash('sha256').update(`temp-key:${rt.activeUser()}`).digest('base64').replace(/=+$/, '')),
  });
}
