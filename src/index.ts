/**
 * The only file that touches the global scope: every function exported from the surfaces below
 * becomes a top-level function in dist/Code.js (scripts/gas-entry.mjs follows these re-exports).
 * Each surface gathers the Apps Script services into an AppContext (./entry/run.ts) and delegates.
 */
export * from './entry/menu';
export * from './entry/trigger';
export * from './entry/settings';
export * from './entry/openprospect';
export * from './entry/openmart';
export * from './entry/gu1';
export * from './entry/jobs';
export * from './entry/functions';
