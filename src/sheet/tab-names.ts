/**
 * Result tab names and ownership: a fresh name (never one an existing tab or an open job holds)
 * and the mark that tells a tab the add-on created from one the user made under the same name.
 * The mark is sheet developer metadata: invisible, kept through renames, never added by users.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets refuses longer tab names. */
export const MAX_TAB_NAME_CHARS = 100;

/** Sheet developer metadata key that marks a tab the add-on created (users cannot add it). */
export const RESULT_TAB_MARK = 'prospect-enrich.result-tab';

/** True when the add-on created this tab (one Sheets call). */
export function isOurTab(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === RESULT_TAB_MARK);
}

/** The names of every tab the add-on created: one finder call over all tabs' marks, not one per sheet. */
export function ourTabNames(ss: Spreadsheet): Set<string> {
  const marks = ss.createDeveloperMetadataFinder().withKey(RESULT_TAB_MARK).find();
  const names = new Set<string>();
  for (const m of marks) {
    const sheet = m.getLocation().getSheet();
    if (sheet) names.add(sheet.getName());
  }
  return names;
}

/**
 * A tab name not used in `ss` nor in `reserved` (names open jobs will write; compared without
 * case, as Sheets does): `base`, else `base (2)`, `base (3)`, ...; at most 100 chars (the base is
 * shortened, never the suffix).
 */
export function uniqueTabName(ss: Spreadsheet, base: string, reserved: Iterable<string> = []): string {
  const clean =
    base
      .replace(/\p{Cc}+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Results';
  const taken = new Set([...ss.getSheets().map((s) => s.getName()), ...reserved].map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = clean.slice(0, MAX_TAB_NAME_CHARS - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * The tab to write: `tabName` when it is missing (created and marked) or marked as the add-on's.
 * A tab of that name the add-on did not create (the user's) is never written: the tab this owner
 * made instead is found again by its mark (so a run killed after creating it reuses it), else a
 * new name is taken (nor one in `reserved`, read only then). `sheet.getName()` tells which; the
 * caller remembers it.
 */
export function claimTab(
  ss: Spreadsheet,
  tabName: string,
  owner = '',
  reserved: () => Iterable<string> = () => [],
  legacyOwn?: (sheet: Sheet) => boolean,
): { sheet: Sheet; existing: boolean } {
  const found = ss.getSheetByName(tabName);
  if (found !== null && isOurTab(found)) return { sheet: found, existing: true };
  const mark = `${owner}\u001f${tabName}`;
  // An empty tab holds nothing of the user's to overwrite (and a run killed between insertSheet
  // and marking leaves one); a job of an older version wrote its tabs unmarked: adopt and mark.
  if (found !== null && ((found.getLastRow() === 0 && found.getLastColumn() === 0) || legacyOwn?.(found) === true)) {
    found.addDeveloperMetadata(RESULT_TAB_MARK, mark);
    return { sheet: found, existing: true };
  }
  if (found !== null) {
    // One call over every tab's marks (not one getDeveloperMetadata per sheet).
    const mine = ss.createDeveloperMetadataFinder().withKey(RESULT_TAB_MARK).withValue(mark).find()[0]?.getLocation().getSheet();
    if (mine) return { sheet: mine, existing: true };
  }
  const sheet = ss.insertSheet(found === null ? tabName : uniqueTabName(ss, tabName, reserved()));
  sheet.addDeveloperMetadata(RESULT_TAB_MARK, mark);
  return { sheet, existing: false };
}

/** True when the tab's first row starts with `keys` (one read of the key cells). */
export function headerStartsWith(sheet: Sheet, keys: string[]): boolean {
  if (keys.length === 0 || sheet.getLastColumn() < keys.length || sheet.getLastRow() < 1) return false;
  const row = sheet.getRange(1, 1, 1, keys.length).getValues()[0] ?? [];
  return keys.every((k, i) => String(row[i]) === k);
}
