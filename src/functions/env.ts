/**
 * What a custom function may use, gathered by src/app/formulas.ts from the Apps Script services
 * (custom functions run with read-only spreadsheet and property access, but UrlFetch, Cache,
 * Lock and Utilities work: docs/PLATFORM.md).
 */
import type { CacheLike } from '../platform/cache';
import type { Deadline } from '../platform/clock';
import type { Http, Provider } from '../platform/http-types';
import type { CreditMeter } from './credits';

export interface FormulaEnv {
  /** The document cache: answers are the same for every editor of this spreadsheet. */
  cache: CacheLike;
  /** Hex SHA-256 (cache keys). */
  sha256(text: string): string;
  /** The 25-s budget of this call (Apps Script kills a custom function at 30 s). */
  deadline: Deadline;
  /** An Http for the provider with the owner's key; throws a FormulaError saying where to set it. */
  http(provider: Provider): Http;
  /** The owner's "formulas may spend credits" switch and daily cap. */
  spending: { enabled: boolean; dailyCap: number };
  /** Credits spent by formulas today. */
  meter: CreditMeter;
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Result tabs of the add-on's jobs, newest job first. */
  resultTabs(): string[];
}
