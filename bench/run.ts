/**
 * `npm run bench [-- --max-n N] [-- --only scenario[,scenario]] [-- --save]`: every scenario of issue 8 for
 * N = 100, 1,000 and 10,000 (gu1 up to 2,000; custom functions over 500 rows), by the built add-on
 * and by the naive baseline in bench/baseline, in the emulator with its latency model
 * (emulator/costs.ts). Prints a table with ratios and the targets and writes the figures to the
 * untracked bench/results.local.json; only `--save` rewrites the tracked bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundle, type BundleFigures } from './bundle';
import type { Measured, ResultRow, ScenarioName } from './measure';
import { addonCustomFunction, baselineCustomFunction } from './scenarios/custom-functions';
import { addonGu1, baselineGu1 } from './scenarios/gu1';
import { openmartAvailability, addonFindPeople, baselineFindPeople } from './scenarios/openmart';
import { addonSync, addonUpsert, baselineSync, baselineUpsert } from './scenarios/openprospect';
import { addonJobsView, baselineJobsView } from './scenarios/jobs-view';
import { ttrFindPeople, ttrGu1, waitingBatchesHour, waitingOrderHour } from './scenarios/time-to-results';
import { competentTable, issue16Targets, singlesTable } from './time-report';
import { fmt, ratio, secs, type Pair, type Target } from './format';

const ROOT = join(__dirname, '..');

interface Group {
  /** The scenarios one run of `addon` / `baseline` measures (upsert: unchanged, then 10 %). */
  scenarios: ScenarioName[];
  sizes: number[];
  /** null when runnable, else why not (printed as "not available yet"). */
  unavailable(): string | null;
  addon(n: number): Measured[];
  baseline(n: number): Measured[];
  /** The competent script (issue 16), where there is one. */
  competent?(n: number): Measured[];
}

const one =
  (f: (n: number) => Measured) =>
  (n: number): Measured[] => [f(n)];

const GROUPS: Group[] = [
  {
    scenarios: ['openprospect-sync'],
    sizes: [100, 1_000, 10_000],
    unavailable: () => null,
    addon: one(addonSync),
    baseline: one(baselineSync),
    competent: one((n) => baselineSync(n, 'competent')),
  },
  {
    scenarios: ['openmart-find-people'],
    sizes: [100, 1_000, 10_000],
    unavailable: openmartAvailability,
    addon: one(addonFindPeople),
    baseline: one(baselineFindPeople),
    competent: one((n) => baselineFindPeople(n, 'competent')),
  },
  { scenarios: ['upsert-unchanged', 'upsert-10pct'], sizes: [100, 1_000, 10_000], unavailable: () => null, addon: addonUpsert, baseline: baselineUpsert },
  {
    scenarios: ['gu1'],
    sizes: [100, 1_000, 2_000],
    unavailable: () => null,
    addon: one(addonGu1),
    baseline: one(baselineGu1),
    competent: one((n) => baselineGu1(n, 'competent')),
  },
  {
    scenarios: ['custom-function-cold', 'custom-function-warm'],
    sizes: [500],
    unavailable: () => null,
    addon: addonCustomFunction,
    baseline: baselineCustomFunction,
  },
  // N = finished jobs (issue 20): 8 hours of the open Jobs view.
  { scenarios: ['jobs-view-8h'], sizes: [40], unavailable: () => null, addon: one(addonJobsView), baseline: one(baselineJobsView) },
];

/** Add-on-only scenarios of issue 16 (time to results, a waiting order): no baseline to compare with. */
interface Single {
  scenario: ScenarioName;
  n: number;
  run(): Measured;
}

const SINGLES: Single[] = [
  { scenario: 'ttr-gu1', n: 2_000, run: () => ttrGu1(2_000, 'open') },
  { scenario: 'ttr-gu1', n: 2_000, run: () => ttrGu1(2_000, 'closed') },
  { scenario: 'ttr-gu1', n: 10_000, run: () => ttrGu1(10_000, 'closed') },
  { scenario: 'ttr-openmart-find-people', n: 10_000, run: () => ttrFindPeople(10_000, 'open') },
  { scenario: 'ttr-openmart-find-people', n: 10_000, run: () => ttrFindPeople(10_000, 'closed') },
  { scenario: 'waiting-order-hour', n: 1, run: waitingOrderHour },
  { scenario: 'waiting-batches-hour', n: 10_000, run: () => waitingBatchesHour(10_000) },
];

interface Args {
  maxN: number;
  only: Set<string> | null;
  /** Write the tracked bench/results.json (on purpose, to commit new figures). */
  save: boolean;
}

/** Where the figures go: an untracked file unless the user asked to save them. */
const resultsFile = (save: boolean): string => (save ? 'bench/results.json' : 'bench/results.local.json');

function parseArgs(argv: string[]): Args {
  const args: Args = { maxN: Number.POSITIVE_INFINITY, only: null, save: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--max-n') args.maxN = Number(value().replace(/[_,]/g, ''));
    else if (a?.startsWith('--max-n=')) args.maxN = Number(a.slice(8).replace(/[_,]/g, ''));
    else if (a === '--only') args.only = new Set(value().split(','));
    else if (a === '--save') args.save = true;
    else throw new Error(`unknown argument ${a}; use --max-n N, --only scenario,... and --save`);
  }
  if (!Number.isFinite(args.maxN) && args.maxN !== Number.POSITIVE_INFINITY) throw new Error('--max-n needs a number');
  return args;
}

const serviceCalls = (r: ResultRow): number => r.urlfetch_calls + r.sheets_calls;

function table(pairs: Pair[]): string {
  const head = [
    'scenario',
    'N',
    'UrlFetch calls',
    'fetchAll waves',
    'Sheets calls',
    'setValues',
    'service calls ratio',
    'virtual time',
    'time ratio',
    'executions',
    'Properties calls',
    'peak properties',
    'CPU',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const p of pairs) {
    const a = p.addon.row;
    const b = p.baseline.row;
    const both = (x: number, y: number): string => `${fmt(x)} / ${fmt(y)}`;
    lines.push(
      `| ${p.scenario} | ${fmt(p.n)} | ${both(a.urlfetch_calls, b.urlfetch_calls)} | ${both(a.fetch_waves, b.fetch_waves)} | ${both(a.sheets_calls, b.sheets_calls)} | ${both(a.setvalues_calls, b.setvalues_calls)} | ${ratio(serviceCalls(b), serviceCalls(a))} | ${secs(a.virtual_ms)} / ${secs(b.virtual_ms)} | ${ratio(b.virtual_ms, a.virtual_ms)} | ${a.executions} / ${b.executions} | ${both(a.properties_calls, b.properties_calls)} | ${fmt(a.peak_properties_bytes)} B / ${fmt(b.peak_properties_bytes)} B | ${fmt(a.cpu_ms)} / ${fmt(b.cpu_ms)} ms |`,
    );
  }
  return lines.join('\n');
}

function targets(pairs: Pair[], bundle: BundleFigures | null, skipped: string[]): Target[] {
  const find = (s: ScenarioName, n: number): Pair | undefined => pairs.find((p) => p.scenario === s && p.n === n);
  const out: Target[] = [];
  const op = find('openprospect-sync', 10_000);
  if (op) {
    const a = op.addon.row;
    const b = op.baseline.row;
    out.push({
      text: 'OpenProspect 10,000: <= 101 UrlFetch calls in <= 3 fetchAll waves',
      met: a.urlfetch_calls <= 101 && a.fetch_waves <= 3,
      measured: `${a.urlfetch_calls} calls, ${a.fetch_waves} waves`,
    });
    out.push({
      text: 'OpenProspect 10,000: <= 4 setValues per tab (2 tabs)',
      met: a.setvalues_calls <= 8,
      measured: `${a.setvalues_calls} setValues in total`,
    });
    out.push({
      text: 'OpenProspect 10,000: >= 20x fewer service calls (UrlFetch + Sheets) than the baseline',
      met: serviceCalls(b) >= 20 * serviceCalls(a),
      measured: `${fmt(serviceCalls(a))} vs ${fmt(serviceCalls(b))} (${ratio(serviceCalls(b), serviceCalls(a))})`,
    });
    out.push({
      text: 'OpenProspect 10,000: >= 30x less virtual time than the baseline',
      met: b.virtual_ms >= 30 * a.virtual_ms,
      measured: `${secs(a.virtual_ms)} vs ${secs(b.virtual_ms)} (${ratio(b.virtual_ms, a.virtual_ms)})`,
    });
    out.push({ text: 'OpenProspect 10,000: one execution', met: a.executions === 1, measured: `${a.executions}` });
  } else out.push({ text: 'OpenProspect 10,000 targets', met: null, measured: 'not measured (--max-n)' });
  const om = find('openmart-find-people', 10_000);
  if (om) {
    const floor = Number(/floor (\d+)/.exec(om.addon.extras.note ?? '')?.[1] ?? Number.NaN);
    out.push({
      text: 'Openmart 10,000 rows: within 1.1x of the floor of calls',
      met: Number.isFinite(floor) ? om.addon.row.urlfetch_calls <= 1.1 * floor : null,
      measured: `${fmt(om.addon.row.urlfetch_calls)} calls, floor ${Number.isFinite(floor) ? fmt(floor) : '?'}`,
    });
    out.push({
      text: 'Openmart 10,000 rows: every execution < 4.5 min',
      met: om.addon.extras.maxExecutionMs < 270_000,
      measured: `longest ${secs(om.addon.extras.maxExecutionMs)}`,
    });
  } else
    out.push({
      text: 'Openmart 10,000 rows targets',
      met: null,
      measured: skipped.includes('openmart-find-people') ? 'not available yet' : 'not measured (--max-n)',
    });
  const view = find('jobs-view-8h', 40);
  if (view)
    out.push({
      text: 'Jobs view open 8 h (40 finished jobs, one waiting order): < 5,000 Properties calls',
      met: view.addon.row.properties_calls < 5_000,
      measured: `${fmt(view.addon.row.properties_calls)} (baseline ${fmt(view.baseline.row.properties_calls)})`,
    });
  const warm = find('custom-function-warm', 500);
  if (warm)
    out.push({ text: 'Warm custom functions: 0 UrlFetch calls', met: warm.addon.row.urlfetch_calls === 0, measured: `${warm.addon.row.urlfetch_calls} calls` });
  if (bundle) {
    out.push({
      text: 'dist/Code.js <= 150 KB',
      met: bundle.bytes <= 150 * 1024,
      measured: `${(bundle.bytes / 1024).toFixed(1)} KB (${fmt(bundle.bytes)} bytes)`,
    });
    out.push({
      text: 'dist/Code.js loads in <= 20 ms (median vm compile + evaluate)',
      met: bundle.medianLoadMs <= 20,
      measured: `${bundle.medianLoadMs} ms over ${bundle.loads} loads`,
    });
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const pairs: Pair[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  for (const g of GROUPS) {
    if (args.only && !g.scenarios.some((s) => args.only?.has(s))) continue;
    const why = g.unavailable();
    if (why !== null) {
      skipped.push(...g.scenarios);
      console.log(`${g.scenarios.join(', ')}: not available yet (${why})`);
      continue;
    }
    for (const n of g.sizes.filter((x) => x <= args.maxN)) {
      const started = Date.now();
      const addon = g.addon(n);
      const baseline = g.baseline(n);
      const competent = g.competent?.(n);
      g.scenarios.forEach((scenario, i) => {
        const a = addon[i];
        const b = baseline[i];
        const c = competent?.[i];
        if (!a || !b) throw new Error(`${scenario} ${n}: missing measurement`);
        pairs.push({ scenario, n, addon: a, baseline: b, competent: c });
        for (const [impl, m] of [['addon', a], ['baseline', b], ...(c ? [['competent', c] as const] : [])] as const) {
          if (m.extras.problem) problems.push(`${scenario} N=${n} ${impl}: ${m.extras.problem}`);
          if (m.extras.note) notes.push(`${scenario} N=${n} ${impl}: ${m.extras.note}`);
          if (m.extras.killed > 0) problems.push(`${scenario} N=${n} ${impl}: ${m.extras.killed} execution(s) killed by the time limit`);
        }
      });
      console.log(`  ${g.scenarios.join(' + ')} N=${fmt(n)}: ${((Date.now() - started) / 1000).toFixed(1)} s real`);
    }
  }
  const singles: Measured[] = [];
  for (const x of SINGLES.filter((x) => x.n <= args.maxN && (!args.only || args.only.has(x.scenario)))) {
    const started = Date.now();
    const m = x.run();
    singles.push(m);
    if (m.extras.problem) problems.push(`${x.scenario} N=${x.n} ${m.row.sidebar ?? ''}: ${m.extras.problem}`);
    console.log(`  ${x.scenario} N=${fmt(x.n)} ${m.row.sidebar ?? ''}: ${((Date.now() - started) / 1000).toFixed(1)} s real`);
  }
  const bundle = measureBundle(join(ROOT, 'dist'));
  const rows: ResultRow[] = [...pairs.flatMap((p) => [p.addon.row, p.baseline.row, ...(p.competent ? [p.competent.row] : [])]), ...singles.map((m) => m.row)];
  const out = resultsFile(args.save);
  writeFileSync(join(ROOT, out), `${JSON.stringify(rows, null, 2)}\n`);

  console.log('\nEach cell: add-on / naive baseline. Ratios: baseline ÷ add-on. Service calls = UrlFetch requests + Sheets calls.');
  console.log('Virtual time = time the script ran (waits between hourly trigger runs excluded); baseline executions = 6-minute runs it would need at least.\n');
  console.log(table(pairs));
  for (const s of [...new Set(skipped)]) console.log(`| ${s} | - | not available yet | | | | | | | | | | |`);
  console.log(`\nAgainst a competent script (issue 16: sequential fetch, pages of 100, rows in memory, one setValues per tab):\n\n${competentTable(pairs)}`);
  if (singles.length > 0) console.log(`\nTime to results and waiting (issue 16; virtual wall clock, hourly trigger of an add-on):\n\n${singlesTable(singles)}`);
  console.log(`\nLongest single add-on execution: ${pairs.map((p) => `${p.scenario} ${fmt(p.n)}: ${secs(p.addon.extras.maxExecutionMs)}`).join('; ')}`);
  console.log(
    `dist/Code.js: ${(bundle.bytes / 1024).toFixed(1)} KB (${fmt(bundle.bytes)} bytes); median vm compile + evaluate over ${bundle.loads} loads: ${bundle.medianLoadMs} ms`,
  );
  if (notes.length > 0) console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);
  console.log('\nTargets (issues 8, 16 and 20):');
  for (const t of [...targets(pairs, bundle, skipped), ...issue16Targets(pairs, singles)])
    console.log(`- [${t.met === null ? ' ' : t.met ? 'x' : ' '}] ${t.text}: ${t.measured}${t.met === false ? '  <-- MISSED' : ''}`);
  if (problems.length > 0) {
    console.log(`\nEnd-state problems (these numbers are not comparable):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
  console.log(`\n${out}: ${rows.length} rows${args.save ? '' : ' (untracked; `npm run bench -- --save` rewrites bench/results.json)'}`);
}

main();
