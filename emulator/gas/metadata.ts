/**
 * Developer metadata as a script sees it: one view of an entry for `Sheet.getDeveloperMetadata`
 * and for `Spreadsheet.createDeveloperMetadataFinder()`, which finds sheet-level entries across
 * the whole spreadsheet in one call (`withKey`, `withValue`, `find`; the location names the sheet).
 */
import type { SheetModel, SpreadsheetModel } from './grid';
import { paramMismatch, sheetsCaller, type GasObject, type SheetsCtx } from './sheets-ctx';

export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
}

type Caller = ReturnType<typeof sheetsCaller>;

/** One entry on `sheet`, as DeveloperMetadata. */
export function metadataView(ctx: SheetsCtx, call: Caller, sheet: SheetModel, m: MetadataEntry): GasObject {
  return {
    toString: () => 'DeveloperMetadata',
    getId: () => m.id,
    getKey: () => m.key,
    getValue: () => m.value,
    getLocation: () => ({ toString: () => 'DeveloperMetadataLocation', getLocationType: () => 'SHEET', getSheet: () => ctx.sheet(sheet) }),
    // DeveloperMetadata.remove(): gone from the sheet at once.
    remove: () => call('remove', 'doc-write', 0, () => void sheet.metadata.splice(sheet.metadata.indexOf(m) >>> 0, sheet.metadata.includes(m) ? 1 : 0)),
  };
}

/** Spreadsheet.createDeveloperMetadataFinder(): filters by key and value, then one `find` over every sheet. */
export function metadataFinder(ctx: SheetsCtx, model: SpreadsheetModel): GasObject {
  const call = sheetsCaller(ctx, 'Spreadsheet');
  let key: string | undefined;
  let value: string | undefined;
  const text = (method: string, v: unknown): string => {
    if (typeof v !== 'string') throw ctx.rt.error(paramMismatch(`DeveloperMetadataFinder.${method}`, [v]));
    return v;
  };
  const finder: GasObject = {
    toString: () => 'DeveloperMetadataFinder',
    withKey: (k: unknown) => {
      key = text('withKey', k);
      return finder;
    },
    withValue: (v: unknown) => {
      value = text('withValue', v);
      return finder;
    },
    find: () =>
      call('find', 'doc', 0, () =>
        ctx.rt.realm.array(
          model.sheets.flatMap((s) =>
            s.metadata
              .filter((m) => (key === undefined || m.key === key) && (value === undefined || m.value === value))
              .map((m) =>
                metadataView(
                  ctx,
                  sheetsCaller(
                    ctx,
                    'Sheet',
                    () => s.deleted,
                    () => s.name,
                  ),
                  s,
                  m,
                ),
              ),
          ),
        ),
      ),
  };
  return finder;
}
