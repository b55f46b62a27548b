/**
 * Google's error texts in the user's language (docs/PLATFORM.md: "Messages are in the user's
 * language: classify failures by kind, never by exact English text"). English is Google's wording;
 * German is a stand-in for any other language, close to Google's German. Emulator option `locale`.
 */
export type FaultLocale = 'en' | 'de';

export type FaultTextKey = 'sheets-failed' | 'sheets-timeout' | 'server-error' | 'urlfetch-day' | 'exec-qps' | 'timeout' | 'dns' | 'address-unavailable';

const TEXTS: Record<FaultLocale, Record<FaultTextKey, (arg: string) => string>> = {
  en: {
    'sheets-failed': (id) => `Service Spreadsheets failed while accessing document with id ${id}.`,
    'sheets-timeout': (id) => `Service Spreadsheets timed out while accessing document with id ${id}.`,
    'server-error': () => "We're sorry, a server error occurred. Please wait a bit and try again.",
    'urlfetch-day': () => 'Service invoked too many times for one day: urlfetch.',
    'exec-qps': () => 'Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.',
    timeout: (url) => `Timeout: ${url}`,
    dns: (url) => `DNS error: ${url}`,
    'address-unavailable': (url) => `Address unavailable: ${url}`,
  },
  de: {
    'sheets-failed': (id) => `Fehler beim Dienst Tabellen beim Zugriff auf das Dokument mit der ID ${id}.`,
    'sheets-timeout': (id) => `Zeitüberschreitung beim Dienst Tabellen beim Zugriff auf das Dokument mit der ID ${id}.`,
    'server-error': () => 'Leider ist ein Serverfehler aufgetreten. Bitte warten Sie einen Moment und versuchen Sie es noch einmal.',
    'urlfetch-day': () => 'Dienst wurde zu oft an einem Tag aufgerufen: urlfetch.',
    'exec-qps': () => 'Dienst wurde in kurzer Zeit zu oft aufgerufen: exec qps. Versuchen Sie es mit Utilities.sleep(1000) zwischen den Aufrufen.',
    timeout: (url) => `Zeitüberschreitung: ${url}`,
    dns: (url) => `DNS-Fehler: ${url}`,
    'address-unavailable': (url) => `Adresse nicht verfügbar: ${url}`,
  },
};

/** The text of one of Google's errors in `locale`; `arg` is the document id or the URL it names. */
export function faultText(key: FaultTextKey, locale: FaultLocale = 'en', arg = ''): string {
  return TEXTS[locale][key](arg);
}
