/**
 * The bad-input catalogue (issue 8): hostile inputs against every provider flow and the settings
 * RPCs, through the BUILT bundle as the sidebar calls it. Each case pins the whole sentence the
 * user sees (a refusal, a preview reason, a job's error or history line) and checks that the
 * user's cells (values and formulas) are as they were, except the external_id cells the add-on
 * creates or fills where empty, which the design allows: that exception is asserted exactly
 * where it applies (header `external_id`, generated ids only in cells that were empty).
 */
import type { AddOn } from './harness/addon';
import {
  COMPANY_HEADER,
  DOMAIN_HEADER,
  GU1_HEADER,
  GU1_KEY,
  OM_SIM_KEY,
  OP_BASE,
  OP_KEY,
  companyRows,
  domainRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenProspect,
  givenOpenmart,
  gu1Ids,
  gu1Rows,
  tabObjects,
  type Gu1Scenario,
  type OmScenario,
  type OpScenario,
} from './harness/scenarios';

const HOUR = 60 * 60_000;
const AFIP = 'ar_afip_enrichment';
const FEATURE_LIST = 'COMPANY_DATA, CONTACTS, TECHNOLOGIES, JOBS, HANDELSREGISTER, ANALYSIS, EMAIL_DISCOVERY, EMAIL_GENERATION';
const BAD_URL = '(expected e.g. https://www.example.com or example.com)';
/** What `generateExternalId` makes: `row-<sheetId>-<row>-<digest>`. */
const GENERATED_ID = /^row-\d+-\d+-[0-9a-z]{6}(-\d+)?$/;

interface JobView {
  id: string;
  title: string;
  state: string;
  lastError: string | null;
  tabs: Record<string, string>;
  history: Array<{ text: string }>;
  counts: Record<string, number>;
}
interface Reasons {
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  problems?: string[];
}
interface Settings {
  providers: Array<{ provider: string; maskedKey: string | null; baseUrl: string }>;
}

/** One case's world: the add-on and whichever simulator the case mounted. */
interface Ctx {
  addOn: AddOn;
  op?: OpScenario;
  gu1?: Gu1Scenario;
  om?: OmScenario;
  /** Anything the setup learnt that the expected sentence needs (an order id, a request id). */
  facts: Record<string, string>;
}

interface Case {
  /** The hostile input. */
  name: string;
  setup: () => Ctx;
  /** Does what the user does; returns the sentence the user sees. */
  act: (c: Ctx) => string;
  expected: string | ((c: Ctx) => string);
  /** Sheets holding the user's cells, snapshotted after setup (default: every sheet at that point). */
  userSheets?: string[];
  /** The one allowed change: external_id cells in this 0-based column, created (with its header) or filled where empty. */
  ids?: { sheet: string; column: number; created: boolean };
  /** Further facts about what was (not) sent or written. */
  check?: (c: Ctx) => void;
}

// ---- helpers -------------------------------------------------------------------------------

function op(opts: Parameters<typeof givenOpenProspect>[0] = {}): Ctx {
  const s = givenOpenProspect(opts);
  return { addOn: s.addOn, op: s, facts: {} };
}
function gu1(entities: string[] = gu1Ids(5)): Ctx {
  const s = givenGu1({ entities });
  return { addOn: s.addOn, gu1: s, facts: {} };
}
function om(): Ctx {
  const s = givenOpenmart();
  return { addOn: s.addOn, om: s, facts: {} };
}

/** The message of the refusal `f` must throw. */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the add-on to refuse this input, but it accepted it');
}

/** Every reason the preview (or the submit result) lists, one line each, in row order. */
function reasons(r: Reasons): string {
  return r.invalid.flatMap((x) => x.reasons).join('\n');
}

function jobs(addOn: AddOn): JobView[] {
  return addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

function lastHistory(job: JobView): string {
  return job.history[job.history.length - 1]?.text ?? '';
}

/** Run `f` on a sheet inside one execution (the way a user's own edit reaches the document). */
function onSheet(addOn: AddOn, name: string, f: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void): void {
  addOn.emulator.execution.run('rpc', () => {
    const sheet = addOn.emulator.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    f(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet);
  });
}

function deleteSheet(addOn: AddOn, name: string): void {
  addOn.emulator.execution.run('rpc', () => {
    const ss = addOn.emulator.gas.SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName(name)!);
  });
}

const submitOp = (c: Ctx, title = 'Bad', mapping?: Record<string, number>, source: unknown = { sheetName: 'Leads' }) => {
  const m = mapping ?? c.addOn.rpc<{ mapping: Record<string, number> }>('previewEnrichment', { source }).mapping;
  return c.addOn.rpc<Reasons & { job: JobView; idsGenerated: number }>('submitEnrichment', { source, mapping: m, options: enrichmentOptions(title) });
};
const previewOp = (c: Ctx) =>
  c.addOn.rpc<Reasons & { rows: Array<{ values: Record<string, string> }> }>('previewEnrichment', { source: { sheetName: 'Leads' } });
const submitGu1 = (c: Ctx, options: Record<string, unknown> = {}) =>
  c.addOn.rpc<Reasons & { job: JobView }>('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'KYB', integrationCodes: [AFIP], ...options },
    confirmed: true,
  });
const batch = (c: Ctx, extra: Record<string, unknown> = {}) =>
  c.addOn.rpc<Reasons & { job: JobView }>('submitOpenmartBatch', {
    operation: 'find_people',
    source: { sheetName: 'Leads' },
    options: { title: 'People', role: 'Owner' },
    ...extra,
  });

/** An OpenProspect enrichment job taken to DONE: 3 companies in "Del - Companies" / "Del - Prospects". */
function finishedOpJob(): Ctx {
  const c = op();
  givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
  const { job } = submitOp(c, 'Del');
  c.op!.sim.advance(c.op!.sim.orders()[0]!.id, 'COMPLETED');
  c.addOn.runDueTriggers(HOUR);
  expect(jobs(c.addOn)[0]!.state).toBe('DONE');
  c.facts['jobId'] = job.id;
  return c;
}

/** A finished gu1 job over 12 rows of "Clients", into "Nightly KYB - gu1". */
function finishedGu1Job(): Ctx {
  const c = gu1(gu1Ids(12));
  c.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(12)]);
  const { job } = submitGu1(c, { title: 'Nightly KYB' });
  expect(job.state).toBe('DONE');
  c.facts['jobId'] = job.id;
  return c;
}

/** The Openmart rows of the two 25,000-row cases, made once. */
let bigRows: unknown[][] | undefined;
const manyDomains = (n: number): unknown[][] => (bigRows ??= domainRows(25_001)).slice(0, n);

// ---- the user's cells ----------------------------------------------------------------------

interface Snapshot {
  values: unknown[][];
  formulas: string[][];
}

function snapshot(addOn: AddOn, sheet: string): Snapshot {
  return { values: addOn.emulator.spreadsheet.sheetValues(sheet), formulas: addOn.emulator.spreadsheet.sheetFormulas(sheet) };
}

const blank = (v: unknown): boolean => v === '' || v === null || v === undefined;

/**
 * The sheet after the act equals the one before, cell for cell (values and formulas). With `ids`,
 * the external_id column may differ in exactly this way: a created column gets the header
 * `external_id`; a cell that was empty in a row holding data gets a generated id (a literal, no
 * formula); every other cell of it (user ids, formulas, rows without data) is unchanged.
 */
function expectCellsKept(before: Snapshot, after: Snapshot, ids?: { column: number; created: boolean }): void {
  if (!ids) {
    expect(after.values).toEqual(before.values);
    expect(after.formulas).toEqual(before.formulas);
    return;
  }
  const width = Math.max(before.values[0]?.length ?? 0, ids.column + 1);
  const pad = <T>(row: readonly T[] | undefined, fill: T): T[] => Array.from({ length: width }, (_, j) => row?.[j] ?? fill);
  const values = before.values.map((r) => pad(r, '' as unknown));
  const formulas = before.formulas.map((r) => pad(r, ''));
  let filled = 0;
  values.forEach((row, i) => {
    if (i === 0) {
      if (ids.created) row[ids.column] = 'external_id';
      return;
    }
    const hasData = row.some((v, j) => j !== ids.column && !blank(v));
    if (blank(row[ids.column]) && (formulas[i]?.[ids.column] ?? '') === '' && hasData) {
      const written = after.values[i]?.[ids.column];
      expect(written).toMatch(GENERATED_ID);
      row[ids.column] = written;
      filled++;
    }
  });
  expect(filled).toBeGreaterThan(0);
  expect(after.values).toEqual(values);
  expect(after.formulas).toEqual(formulas);
}

// ---- the catalogue -------------------------------------------------------------------------

const CASES: Case[] = [
  // -- OpenProspect enrichment: the source sheet ------------------------------------------
  {
    name: 'OpenProspect: an empty sheet',
    setup: () => {
      const c = op();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', []);
      return c;
    },
    act: (c) => refusal(() => submitOp(c, 'Empty', { company_name: 0 })),
    expected: 'Sheet "Leads" is empty. Put a header row and data rows in it first.',
    check: (c) => expect(c.op!.sim.orders()).toHaveLength(0),
  },
  {
    name: 'OpenProspect: a header row and no data rows',
    setup: () => {
      const c = op();
      givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, []);
      return c;
    },
    act: (c) => refusal(() => submitOp(c, 'Header only')),
    expected: 'There are no rows to send.',
    check: (c) => expect(c.op!.sim.orders()).toHaveLength(0),
  },
  {
    name: 'OpenProspect: no company name column',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['Website', 'City'],
        [
          ['https://a.example', 'Berlin'],
          ['https://b.example', 'Köln'],
        ],
      );
      return c;
    },
    act: (c) => refusal(() => submitOp(c, 'No names')),
    expected: 'No column is mapped to company name, which every row needs. Pick its column in the mapping.',
    check: (c) => {
      expect(reasons(previewOp(c))).toBe('Row 2: company name is empty (no column is mapped to it)\nRow 3: company name is empty (no column is mapped to it)');
      expect(c.op!.sim.orders()).toHaveLength(0);
    },
  },
  {
    name: 'OpenProspect: no header row (data from row 1)',
    setup: () => {
      const c = op();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', [
        ['Acme Corp', 'https://acme.example', 'Berlin'],
        ['Beta Corp', 'https://beta.example', 'Köln'],
      ]);
      return c;
    },
    act: (c) => previewOp(c).problems!.join(' '),
    expected: 'No column is mapped to company name, which every row needs. Pick its column in the mapping.',
  },
  {
    name: 'OpenProspect: 10,001 rows (two orders, the second of one company)',
    setup: () => {
      const c = op();
      givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, companyRows(10_001));
      return c;
    },
    act: (c) => {
      const r = submitOp(c, 'Ten thousand and one', { company_name: 0, website_url: 1, city: 2, country: 3 });
      expect(r.invalid).toEqual([]);
      return r.job.history.map((h) => h.text).join('\n');
    },
    expected: (c) =>
      [
        'Created',
        `Order 1 of 2 created: ${c.op!.sim.orders()[0]!.id}, RECEIVED`,
        `Order 2 of 2 created: ${c.op!.sim.orders()[1]!.id}, RECEIVED`,
        'WAITING: submitted; waiting for OpenProspect',
      ].join('\n'),
    ids: { sheet: 'Leads', column: 4, created: true },
    check: (c) => {
      const orders = c.op!.sim.orders();
      expect(orders.map((o) => [o.input.title, o.sourceIds.length])).toEqual([
        ['Ten thousand and one (part 1 of 2)', 10_000],
        ['Ten thousand and one (part 2 of 2)', 1],
      ]);
    },
  },
  {
    name: 'OpenProspect: duplicate ids (one only differs by surrounding spaces)',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company'],
        [
          ['A-1', 'Acme'],
          ['A-2', 'Beta'],
          [' A-1  ', 'Gamma'],
          ['A-2', 'Delta'],
        ],
      );
      return c;
    },
    act: (c) => reasons(submitOp(c, 'Dups')),
    expected: 'Row 4: external_id "A-1" is also used by row 2\nRow 5: external_id "A-2" is also used by row 3',
    check: (c) => expect(c.op!.sim.orders()[0]!.sourceIds).toEqual(['A-1', 'A-2']),
  },
  {
    name: 'OpenProspect: blank ids (filled with generated ids, the one allowed change)',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company', 'City'],
        [
          ['', 'Acme', 'Berlin'],
          ['K-7', 'Beta', 'Köln'],
          ['', 'Gamma', ''],
          ['', '', ''],
        ],
      );
      return c;
    },
    act: (c) => {
      const r = submitOp(c, 'Blank ids');
      expect(r.idsGenerated).toBe(2);
      return lastHistory(r.job);
    },
    expected: 'WAITING: submitted; waiting for OpenProspect',
    ids: { sheet: 'Leads', column: 0, created: false },
    check: (c) => {
      const ids = c.addOn.emulator.spreadsheet.sheetValues('Leads').map((r) => r[0]);
      expect(c.op!.sim.orders()[0]!.sourceIds).toEqual([ids[1], 'K-7', ids[3]]);
    },
  },
  {
    name: 'OpenProspect: ids with spaces inside and around them',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company'],
        [
          ['  CRM 0001  ', 'Acme'],
          ['CRM 0002', 'Beta'],
        ],
      );
      return c;
    },
    act: (c) => lastHistory(submitOp(c, 'Spaces').job),
    expected: 'WAITING: submitted; waiting for OpenProspect',
    // Sent trimmed (the way they read), inner spaces kept; the cells keep their spaces.
    check: (c) => expect(c.op!.sim.orders()[0]!.sourceIds).toEqual(['CRM 0001', 'CRM 0002']),
  },
  {
    name: 'OpenProspect: a 501-character company name',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company'],
        [
          ['A-1', 'x'.repeat(501)],
          ['A-2', 'y'.repeat(500)],
        ],
      );
      return c;
    },
    act: (c) => reasons(submitOp(c, 'Long names')),
    expected: 'Row 2: company name is longer than 500 characters (501)',
    check: (c) => expect(c.op!.sim.orders()[0]!.sourceIds).toEqual(['A-2']),
  },
  {
    name: 'OpenProspect: emoji and right-to-left text (names, title, a website cut inside an emoji)',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company', 'Website'],
        [
          ['A-1', '🚀 Rocket GmbH 👩‍💻', 'https://rocket.example'],
          ['A-2', '\u200Fشركة الاتصالات المتقدمة', ''],
          ['A-3', 'Emoji Host', `https://${'a'.repeat(31)}🚀.example`],
        ],
      );
      return c;
    },
    act: (c) => {
      const r = c.addOn.rpc<Reasons & { job: JobView }>('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { external_id: 0, company_name: 1, website_url: 2 },
        options: enrichmentOptions('🚀 حملة Q1'),
      });
      expect(r.job.tabs).toEqual({ companies: '🚀 حملة Q1 - Companies', prospects: '🚀 حملة Q1 - Prospects' });
      return reasons(r);
    },
    // The quoted website is cut before the emoji, never inside its surrogate pair.
    expected: `Row 4: website "https://${'a'.repeat(31)}..." is not a web address ${BAD_URL}`,
    check: (c) => expect(c.op!.sim.orders()[0]!.input.companies.map((x) => x.company_name)).toEqual(['🚀 Rocket GmbH 👩‍💻', '\u200Fشركة الاتصالات المتقدمة']),
  },
  {
    name: 'OpenProspect: merged cells (a company name merged over two rows)',
    setup: () => {
      const c = op();
      // The emulator does not model merges (Range.merge throws "not modelled"). A merged A2:A3
      // reads through getValues as its value in the top-left cell and blanks elsewhere: that is
      // what the add-on sees, so the sheet is given exactly that.
      givenCompanies(
        c.addOn,
        'Leads',
        ['Company', 'City'],
        [
          ['Acme Holding', 'Berlin'],
          ['', 'Hamburg'],
          ['Beta', 'Köln'],
        ],
      );
      return c;
    },
    act: (c) => reasons(submitOp(c, 'Merged')),
    expected: 'Row 3: company name is empty',
    ids: { sheet: 'Leads', column: 2, created: true },
    check: (c) => expect(c.op!.sim.orders()[0]!.input.companies.map((x) => x.company_name)).toEqual(['Acme Holding', 'Beta']),
  },
  {
    name: 'OpenProspect: a formula error in a company name cell',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company'],
        [
          ['A-1', ''],
          ['A-2', 'Beta'],
        ],
      );
      // Through the normal setFormula path: the cell holds the formula and shows its error.
      onSheet(c.addOn, 'Leads', (s) => s.getRange('B2').setFormula('=1/0'));
      expect(c.addOn.emulator.spreadsheet.sheetValues('Leads')[1]).toEqual(['A-1', '#ERROR!']);
      return c;
    },
    act: (c) => reasons(submitOp(c, 'Formula error')),
    expected: 'Row 2: company name shows the formula error #ERROR!; fix the formula or clear the cell',
    check: (c) => {
      expect(c.addOn.emulator.spreadsheet.sheetFormulas('Leads')[1]).toEqual(['', '=1/0']);
      expect(c.op!.sim.orders()[0]!.sourceIds).toEqual(['A-2']);
    },
  },
  {
    name: 'OpenProspect: formulas in source cells (a HYPERLINK website, a formula id between blank ids)',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company', 'Website'],
        [
          ['', 'Acme', ''],
          ['', 'Beta', 'https://beta.example'],
          ['', 'Gamma', 'https://gamma.example'],
        ],
      );
      onSheet(c.addOn, 'Leads', (s) => {
        s.getRange('C2').setFormula('=HYPERLINK("https://acme.example","Acme site")');
        s.getRange('A3').setFormula('="KEEP-7"');
      });
      return c;
    },
    act: (c) => reasons(submitOp(c, 'Formulas')),
    // getValues gives what a cell shows: the link's label, not its URL.
    expected: `Row 2: website "Acme site" is not a web address ${BAD_URL}`,
    // Ids fill the blank cells around the formula; the formula stays (checked cell by cell).
    ids: { sheet: 'Leads', column: 0, created: false },
    check: (c) => {
      const f = c.addOn.emulator.spreadsheet.sheetFormulas('Leads');
      expect(f.map((r) => r[0])).toEqual(['', '', '="KEEP-7"', '']);
      expect(f[1]![2]).toBe('=HYPERLINK("https://acme.example","Acme site")');
      expect(c.op!.sim.orders()[0]!.sourceIds[0]).toBe('KEEP-7');
    },
  },
  {
    name: 'OpenProspect: numbers where text is expected, text where a number is expected',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company', 'Employees', 'Zip'],
        [
          [1001, 4711, 250, 1067],
          [1002, 'Beta', 'about 50', '01067'],
        ],
      );
      return c;
    },
    act: (c) => reasons(submitOp(c, 'Numbers')),
    expected: 'Row 3: employee count "about 50" is not a whole number',
    check: (c) => {
      // Number cells are read as written and sent as text (the count as a number); they stay numbers.
      expect(c.op!.sim.orders()[0]!.input.companies).toEqual([
        expect.objectContaining({ external_id: '1001', company_name: '4711', employee_count: 250, postal_code: '1067' }),
      ]);
      expect(c.addOn.emulator.spreadsheet.sheetValues('Leads')[1]).toEqual([1001, 4711, 250, 1067]);
    },
  },
  {
    name: 'OpenProspect: invalid URLs',
    setup: () => {
      const c = op();
      givenCompanies(
        c.addOn,
        'Leads',
        ['ID', 'Company', 'Website'],
        [
          ['A-1', 'Acme', 'htp//acme'],
          ['A-2', 'Beta', 'ftp://beta.example'],
          ['A-3', 'Gamma', 'gamma dot com'],
          ['A-4', 'Delta', 'delta.example'],
        ],
      );
      return c;
    },
    act: (c) => reasons(submitOp(c, 'Urls')),
    expected: [
      `Row 2: website "htp//acme" is not a web address ${BAD_URL}`,
      `Row 3: website "ftp://beta.example" is not a web address ${BAD_URL}`,
      `Row 4: website "gamma dot com" is not a web address ${BAD_URL}`,
    ].join('\n'),
    check: (c) => expect(c.op!.sim.orders()[0]!.sourceIds).toEqual(['A-4']),
  },
  {
    name: 'OpenProspect: a one-row selection',
    setup: () => {
      const c = op();
      givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
      c.addOn.emulator.spreadsheet.select("'Leads'!A2:D2");
      return c;
    },
    act: (c) => refusal(() => submitOp(c, 'Selection', { company_name: 0 }, 'selection')),
    expected: 'The selection has only one row. Select the header row and at least one data row below it.',
  },
  {
    name: 'OpenProspect: a range the sheet does not have',
    setup: () => {
      const c = op();
      givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
      return c;
    },
    act: (c) => refusal(() => submitOp(c, 'Range', { company_name: 0 }, { a1: 'Leads!ZZ' })),
    expected: '"Leads!ZZ" is not a range this sheet has (Range not found). Use a range like Sheet1!A1:F30.',
  },
  {
    name: 'OpenProspect: a renamed source sheet (the sidebar still offers the old name)',
    setup: () => {
      const c = op();
      givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
      onSheet(c.addOn, 'Leads', (s) => s.setName('Leads 2024'));
      return c;
    },
    act: (c) => refusal(() => submitOp(c, 'Renamed', { company_name: 0 })),
    expected: 'There is no sheet named "Leads". Pick a sheet from the list or check its name.',
    check: (c) => expect(c.op!.sim.orders()).toHaveLength(0),
  },

  // -- OpenProspect: options, keys, orders, result tabs -----------------------------------
  {
    name: 'OpenProspect: an unknown feature',
    setup: () => {
      const c = op();
      givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
      return c;
    },
    act: (c) => {
      const live = refusal(() => c.addOn.rpc('getFeatureHints', ['COMPANY_DATA', 'NOPE']));
      const submit = refusal(() =>
        c.addOn.rpc('submitEnrichment', {
          source: { sheetName: 'Leads' },
          mapping: { company_name: 0 },
          options: { ...enrichmentOptions('Feature'), features: ['COMPANY_DATA', 'NOPE'] },
        }),
      );
      // The form's live hints and the submit say the same.
      expect(live).toBe(submit);
      return submit;
    },
    expected: `Feature "NOPE" is not one of ${FEATURE_LIST}.`,
    check: (c) => expect(c.op!.sim.orders()).toHaveLength(0),
  },
  {
    name: 'OpenProspect: a revoked key',
    setup: () => {
      const c = op();
      givenCompanies(c.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
      c.op!.sim.removeKey(OP_KEY);
      // Keep the server's request id, which the sentence quotes.
      c.addOn.emulator.http.register(OP_BASE, {
        handle(req) {
          const out = c.op!.faults.handle(req);
          if ('status' in out && out.status === 401) c.facts['requestId'] = String((JSON.parse(out.body) as { request_id: string }).request_id);
          return out;
        },
      });
      return c;
    },
    act: (c) => refusal(() => submitOp(c, 'Revoked', { company_name: 0 })),
    expected: (c) =>
      `OpenProspect refused the API key (Invalid or expired API key). Check the OpenProspect key in Settings. (request id ${c.facts['requestId']})`,
    // The key is checked (GET /auth/validate) before any external_id is written or any order sent.
    check: (c) => {
      expect(jobs(c.addOn)).toHaveLength(0);
      expect(c.op!.sim.requests.map((r) => r.path)).toEqual(['/api/v1/auth/validate']);
    },
  },
  {
    name: 'OpenProspect: a server message that echoes the key',
    setup: () =>
      op({
        faults: [
          {
            method: 'GET',
            pathIncludes: '/orders/',
            status: 403,
            body: JSON.stringify({ code: 'AUTHORIZATION_ERROR', message: `Key ${OP_KEY} may not read orders` }),
          },
        ],
      }),
    act: (c) => refusal(() => c.addOn.rpc('importOrder', { orderId: '4f767705-03a2-4e91-a3e8-1ec3f9dea865' })),
    expected: 'OpenProspect key is not allowed to do this (Key [key] may not read orders). Create a key with those scopes and save it in Settings.',
  },
  {
    name: 'OpenProspect: an order id that does not exist',
    setup: () => op(),
    act: (c) => refusal(() => c.addOn.rpc('importOrder', { orderId: ' 00000000-0000-4000-8000-000000000000 ' })),
    expected:
      'OpenProspect could not find the order "00000000-0000-4000-8000-000000000000" with this key. Copy the order id again (it looks like 4f767705-03a2-4e91-a3e8-1ec3f9dea865), or pick an order from the list.',
    check: (c) => expect(jobs(c.addOn)).toHaveLength(0),
  },
  {
    name: 'OpenProspect: an order id that is no order id at all',
    setup: () => op(),
    act: (c) => refusal(() => c.addOn.rpc('importOrder', { orderId: 'ord_123' })),
    expected:
      'OpenProspect could not find the order "ord_123" with this key. Copy the order id again (it looks like 4f767705-03a2-4e91-a3e8-1ec3f9dea865), or pick an order from the list.',
    check: (c) => expect(jobs(c.addOn)).toHaveLength(0),
  },
  {
    name: 'OpenProspect: a deleted result tab, opened from the Jobs list',
    setup: () => {
      const c = finishedOpJob();
      deleteSheet(c.addOn, 'Del - Companies');
      return c;
    },
    act: (c) => refusal(() => c.addOn.rpc('openTab', { name: 'Del - Companies' })),
    expected: 'The tab "Del - Companies" was deleted or renamed after the job wrote its results. Use "Refresh results" on the job "Del" to write them again.',
    userSheets: ['Leads'],
  },
  {
    name: 'OpenProspect: a deleted result tab, then "Refresh results"',
    setup: () => {
      const c = finishedOpJob();
      deleteSheet(c.addOn, 'Del - Companies');
      return c;
    },
    act: (c) => {
      const job = c.addOn.rpc<{ jobs: JobView[] }>('refreshJobResults', { jobId: c.facts['jobId'] }).jobs[0]!;
      expect(job.state).toBe('DONE');
      return job.history
        .slice(-4)
        .map((h) => h.text)
        .join('\n');
    },
    // Written again in full, not only the deliveries since the last sync (there are none).
    expected: [
      'FETCHING: refresh: the tab "Del - Companies" is missing, so every result is written again',
      'completed; writing results',
      'Order: 3 companies written (3 of 3)',
      'DONE: 3 companies written',
    ].join('\n'),
    userSheets: ['Leads'],
    check: (c) => expect(tabObjects(c.addOn, 'Del - Companies')).toHaveLength(3),
  },

  // -- gu1 ---------------------------------------------------------------------------------
  {
    name: 'gu1: a header row and no data rows',
    setup: () => {
      const c = gu1();
      c.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER]);
      return c;
    },
    act: (c) => refusal(() => submitGu1(c)),
    expected: 'There are no rows to send.',
  },
  {
    name: 'gu1: no id column',
    setup: () => {
      const c = gu1();
      c.addOn.emulator.spreadsheet.givenSheet('Clients', [
        ['Name', 'Tax ID'],
        ['Cliente 1', '030700000001'],
      ]);
      return c;
    },
    act: (c) => refusal(() => c.addOn.rpc('submitGu1', { source: { sheetName: 'Clients' }, mapping: {}, options: { title: 'KYB', integrationCodes: [AFIP] } })),
    expected: "Map the column that holds each row's gu1 external_id: gu1 finds entities by the id you already use, so the add-on never makes one up.",
  },
  {
    name: 'gu1: blank ids (never generated for gu1)',
    setup: () => {
      const c = gu1();
      c.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ['CUST-0001', 'Cliente 1', '1'], ['', 'Cliente 2', '2'], ['   ', 'Cliente 3', '3']]);
      return c;
    },
    act: (c) => reasons(submitGu1(c)),
    expected:
      'Row 3: external_id is empty: gu1 finds entities by the id they have in gu1, so every row needs it\nRow 4: external_id is empty: gu1 finds entities by the id they have in gu1, so every row needs it',
  },
  {
    name: 'gu1: ids with spaces (around one: found; inside one: not in gu1)',
    setup: () => {
      const c = gu1(['CUST-0001', 'CUST-0002']);
      c.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ['  CUST-0001  ', 'Cliente 1', '1'], ['CUST 0002', 'Cliente 2', '2']]);
      return c;
    },
    act: (c) => {
      const { job } = submitGu1(c);
      const rows = tabObjects(c.addOn, job.tabs['results']!);
      expect(rows.map((r) => [r['external_id'], r['success'], r['error_code']])).toEqual([
        ['CUST-0001', true, ''],
        ['CUST 0002', false, 'ENTITY_NOT_FOUND'],
      ]);
      expect(rows[1]!['error_message']).toBe('no gu1 entity with this external_id (create the entity in gu1 first, then run this row again)');
      return lastHistory(job);
    },
    // Sent trimmed (the way the cell reads), inner spaces kept; the cells keep their spaces.
    expected: "DONE: 1 rows done, 0 failed, 1 not found of 2; Cost: 0.45 in your gu1 account's currency.",
  },
  {
    name: 'gu1: a duplicate id and a formula error id',
    setup: () => {
      const c = gu1();
      c.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ['CUST-0001', 'a', '1'], ['CUST-0001', 'b', '2'], ['', 'c', '3']]);
      onSheet(c.addOn, 'Clients', (s) => s.getRange('A4').setFormula('=VLOOKUP(B4,Map!A:B,2,FALSE)'));
      return c;
    },
    act: (c) => reasons(submitGu1(c)),
    expected: 'Row 3: external_id "CUST-0001" is also used by row 2\nRow 4: external_id shows the formula error #ERROR!; fix the formula or clear the cell',
    check: (c) => expect(c.addOn.emulator.spreadsheet.sheetFormulas('Clients')[3]![0]).toBe('=VLOOKUP(B4,Map!A:B,2,FALSE)'),
  },
  {
    name: 'gu1: an unknown integration code',
    setup: () => {
      const c = gu1();
      c.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(3)]);
      return c;
    },
    act: (c) => refusal(() => submitGu1(c, { integrationCodes: ['nope_code'] })),
    expected:
      "gu1 rejected the input: Unknown integration code: nope_code. Integration codes come from gu1: your gu1 dashboard lists the marketplace integrations enabled for your organisation, each with its code (such as ar_afip_enrichment), and an enrichment group stands for several. Pick one from the list in the gu1 form (codes you used, your groups, codes seen in gu1's answers) and submit again.",
    check: (c) => {
      expect(jobs(c.addOn)).toHaveLength(0);
      expect(c.addOn.emulator.spreadsheet.sheetNames()).toEqual(['Sheet1', 'Clients']);
    },
  },
  {
    name: 'gu1: a revoked key',
    setup: () => {
      const c = gu1();
      c.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(3)]);
      c.gu1!.sim.removeKey(GU1_KEY);
      return c;
    },
    act: (c) => refusal(() => submitGu1(c)),
    expected: 'gu1 refused the API key (Invalid or missing API key): check your gu1 key in Settings.',
    check: (c) => expect(jobs(c.addOn)).toHaveLength(0),
  },
  {
    name: 'gu1: a re-run into a result tab the user deleted',
    setup: () => {
      const c = finishedGu1Job();
      deleteSheet(c.addOn, 'Nightly KYB - gu1');
      return c;
    },
    act: (c) => refusal(() => submitGu1(c, { intoTab: 'Nightly KYB - gu1' })),
    expected: 'There is no tab named "Nightly KYB - gu1" to write the results into.',
  },
  {
    name: 'gu1: a renamed source sheet under a schedule',
    setup: () => {
      const c = finishedGu1Job();
      c.addOn.rpc('createSchedule', { jobId: c.facts['jobId'], every: 'hourly' });
      onSheet(c.addOn, 'Clients', (s) => s.setName('Clients (old)'));
      return c;
    },
    act: (c) => {
      c.addOn.runDueTriggers(HOUR);
      return c.addOn.rpc<Array<{ pausedReason: string | null }>>('listSchedules')[0]!.pausedReason ?? '';
    },
    expected: 'The source sheet "Clients" was deleted or renamed; resume the schedule once a sheet has that name again, or delete the schedule.',
    userSheets: ['Clients (old)'],
  },

  // -- Openmart ----------------------------------------------------------------------------
  {
    name: 'Openmart: numbers and invalid URLs where a domain is expected',
    setup: () => {
      const c = om();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ['Acme', 12345, 'US'], ['Beta', 'not a url', 'US']]);
      return c;
    },
    act: (c) => {
      const preview = c.addOn.rpc<Reasons>('previewOpenmartBatch', {
        operation: 'find_people',
        source: { sheetName: 'Leads' },
        options: { title: 'People', role: 'Owner' },
      });
      expect(reasons(preview)).toBe('Row 2: domain "12345" is not a domain (like acme.com)\nRow 3: domain "not a url" is not a domain (like acme.com)');
      return refusal(() => batch(c));
    },
    expected: 'None of the rows can be sent; fix the rows listed and try again.',
    check: (c) => expect(c.om!.sim.batches()).toHaveLength(0),
  },
  {
    name: 'Openmart: no domain column',
    setup: () => {
      const c = om();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', [
        ['Company', 'City'],
        ['Acme', 'Austin'],
      ]);
      return c;
    },
    act: (c) => refusal(() => batch(c, { operation: 'lookup_business_email', options: { title: 'Mail' } })),
    expected: 'No column is mapped to domain, which every row needs. Pick its column in the mapping.',
  },
  {
    name: 'Openmart: 25,000 rows (the most one job takes, above the credit threshold)',
    setup: () => {
      const c = om();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...manyDomains(25_000)]);
      return c;
    },
    act: (c) => refusal(() => batch(c)),
    expected:
      'This may use up to 75,000 Openmart credits (up to 75,000: 25,000 row(s) x 3 contacts per row (assumed 1 credit per contact)), more than your confirmation threshold of 1,000. Confirm to continue.',
    check: (c) => expect(c.om!.sim.batches()).toHaveLength(0),
  },
  {
    name: 'Openmart: 25,001 rows',
    setup: () => {
      const c = om();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...manyDomains(25_001)]);
      return c;
    },
    act: (c) => refusal(() => batch(c, { confirmCredits: true })),
    expected:
      'Sheet "Leads" has 25,001 data rows; one job takes at most 25,000. Select a range of at most 25,000 rows (or split the sheet into several tabs) and preview again. Nothing was written.',
    check: (c) => expect(c.om!.sim.batches()).toHaveLength(0),
  },
  {
    name: 'Openmart: a revoked key',
    setup: () => {
      const c = om();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
      c.om!.sim.removeKey(OM_SIM_KEY);
      return c;
    },
    act: (c) => refusal(() => batch(c)),
    expected: 'Openmart refused the API key (Invalid API Key). Check the Openmart key in Settings.',
    ids: { sheet: 'Leads', column: 3, created: true },
    check: (c) => {
      expect(jobs(c.addOn)).toHaveLength(0);
      expect(c.addOn.emulator.spreadsheet.sheetNames()).toEqual(['Sheet1', 'Leads']);
    },
  },
  {
    name: 'Openmart: a search form without a title or anything to search for',
    setup: () => om(),
    act: (c) => refusal(() => c.addOn.rpc('submitOpenmartSearch', { form: { title: '  ' } })),
    expected: 'Give the search a title (it names the result tab). Give a query, tags or a location, or the search returns an arbitrary slice of the index.',
  },
  {
    name: 'Openmart: enrich from a column without an id, website or social link',
    setup: () => {
      const c = om();
      c.addOn.emulator.spreadsheet.givenSheet('Leads', [
        ['Company', 'City'],
        ['Acme', 'Austin'],
        ['Beta', 'Dallas'],
      ]);
      return c;
    },
    act: (c) => refusal(() => c.addOn.rpc('submitOpenmartEnrich', { source: { sheetName: 'Leads' }, options: { title: 'Enrich' } })),
    expected: 'No row has an Openmart ID, a Google Place ID, a website or a social link to look up.',
  },

  // -- Settings ----------------------------------------------------------------------------
  {
    name: 'Settings: a key with whitespace inside',
    setup: () => op(),
    act: (c) => refusal(() => c.addOn.rpc('saveApiKey', { provider: 'openprospect', key: 'lnc_test_4c1e 5b0a9d8f7e6d' })),
    expected: 'The key contains spaces or line breaks. Paste it again without them.',
    // The saved key is untouched.
    check: (c) => expect(c.addOn.rpc<Settings>('getSettings').providers[0]!.maskedKey).toBe('lnc_…7e6d'),
  },
  {
    name: 'Settings: a key pasted with "Bearer ", quotes and a line break around it',
    setup: () => op({ saveKey: false }),
    act: (c) => c.addOn.rpc<Settings>('saveApiKey', { provider: 'openprospect', key: ` Bearer "${OP_KEY}"\n` }).providers[0]!.maskedKey ?? '',
    expected: 'lnc_…7e6d',
    check: (c) => expect(c.addOn.rpc<{ ok: boolean }>('testConnection', { provider: 'openprospect' }).ok).toBe(true),
  },
  {
    name: 'Settings: a revoked key under "Test connection"',
    setup: () => {
      const c = om();
      c.om!.sim.removeKey(OM_SIM_KEY);
      return c;
    },
    act: (c) => {
      const r = c.addOn.rpc<{ ok: boolean; message: string }>('testConnection', { provider: 'openmart' });
      expect(r.ok).toBe(false);
      return r.message;
    },
    expected: 'Openmart refused this key (Invalid API Key). Paste a valid key above, press Save key and test again.',
  },
  {
    name: 'Settings: a base URL that is not https or carries credentials',
    setup: () => op(),
    act: (c) => {
      const plain = refusal(() => c.addOn.rpc('saveBaseUrl', { provider: 'openprospect', baseUrl: 'http://api.openprospect.io/api/v1' }));
      expect(refusal(() => c.addOn.rpc('saveBaseUrl', { provider: 'openprospect', baseUrl: `https://user:${OP_KEY}@evil.example` }))).toBe(plain);
      return plain;
    },
    expected: 'The base URL must start with https:// and contain only a host and a path.',
    check: (c) => expect(c.addOn.rpc<Settings>('getSettings').providers[0]!.baseUrl).toBe('https://api.openprospect.io/api/v1'),
  },
  {
    name: 'Settings: a poll frequency that is not offered',
    setup: () => op(),
    act: (c) => refusal(() => c.addOn.rpc('savePollMinutes', { pollMinutes: 7 })),
    expected: 'Choose 5, 10, 15, 30 or 60 minutes.',
  },
  {
    name: 'Settings: a negative daily formula credit cap',
    setup: () => om(),
    act: (c) => refusal(() => c.addOn.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: -1 })),
    expected: 'The daily cap must be a whole number of credits from 0 to 100,000.',
  },
  {
    name: 'Settings: a negative Openmart credit threshold',
    setup: () => om(),
    act: (c) => refusal(() => c.addOn.rpc('saveOpenmartCreditThreshold', { threshold: -1 })),
    expected: 'The threshold is a whole number of credits from 0 to 10,000,000.',
  },
  {
    name: 'Settings: a negative gu1 confirmation threshold',
    setup: () => gu1(),
    act: (c) => refusal(() => c.addOn.rpc('saveGu1Settings', { confirmAbove: -5 })),
    expected: 'The confirmation threshold must be 0 or more (or empty to never ask).',
  },
  {
    name: 'Jobs: cancelling a job that no longer exists',
    setup: () => op(),
    act: (c) => refusal(() => c.addOn.rpc('cancelJob', { jobId: 'a-job-from-another-document' })),
    expected: 'That job no longer exists. Refresh the Jobs list.',
  },
];

describe('bad-input catalogue (built bundle)', () => {
  it('should hold at least 25 hostile inputs across the three providers and the settings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    for (const prefix of ['OpenProspect', 'gu1', 'Openmart', 'Settings']) expect(CASES.some((c) => c.name.startsWith(`${prefix}:`))).toBe(true);
  });

  it.each(CASES)('$name', (c) => {
    const ctx = c.setup();
    const sheets = c.userSheets ?? ctx.addOn.emulator.spreadsheet.sheetNames();
    const before = new Map(sheets.map((name) => [name, snapshot(ctx.addOn, name)] as const));

    const message = c.act(ctx);

    expect(message).toBe(typeof c.expected === 'function' ? c.expected(ctx) : c.expected);
    for (const key of [OP_KEY, GU1_KEY, OM_SIM_KEY]) expect(message).not.toContain(key);
    for (const [name, snap] of before) expectCellsKept(snap, snapshot(ctx.addOn, name), c.ids?.sheet === name ? c.ids : undefined);
    c.check?.(ctx);
  });
});
