/**
 * The issue-16 parts of the bench report: the competent script beside the add-on, time to
 * results with the sidebar open and closed, a waiting order, and their targets.
 */
import { fmt, mins, ratio, secs, type Pair, type Target } from './format';
import type { Measured, ScenarioName } from './measure';

/** Add-on / competent script: virtual time, UrlFetch, Sheets calls and the time ratio. */
export function competentTable(pairs: Pair[]): string {
  const head = ['scenario', 'N', 'virtual time (add-on / competent)', 'time ratio', 'UrlFetch calls', 'Sheets calls', 'naive time ratio'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const p of pairs) {
    if (!p.competent) continue;
    const a = p.addon.row;
    const c = p.competent.row;
    lines.push(
      `| ${p.scenario} | ${fmt(p.n)} | ${secs(a.virtual_ms)} / ${secs(c.virtual_ms)} | ${ratio(c.virtual_ms, a.virtual_ms)} | ${fmt(a.urlfetch_calls)} / ${fmt(c.urlfetch_calls)} | ${fmt(a.sheets_calls)} / ${fmt(c.sheets_calls)} | ${ratio(p.baseline.row.virtual_ms, a.virtual_ms)} |`,
    );
  }
  return lines.join('\n');
}

/** Time to results and the waiting order, one line each. */
export function singlesTable(singles: Measured[]): string {
  const head = ['scenario', 'N', 'sidebar', 'time to results', 'trigger runs', 'virtual time (work)', 'UrlFetch calls', 'Properties calls', 'executions'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const { row: r } of singles) {
    const ttr = r.time_to_results_ms === undefined ? '-' : mins(r.time_to_results_ms);
    lines.push(
      `| ${r.scenario} | ${fmt(r.n)} | ${r.sidebar ?? '-'} | ${ttr} | ${r.trigger_runs ?? '-'} | ${secs(r.virtual_ms)} | ${fmt(r.urlfetch_calls)} | ${fmt(r.properties_calls)} | ${r.executions} |`,
    );
  }
  return lines.join('\n');
}

/** Issue 16's "Done means", as far as these figures show them. */
export function issue16Targets(pairs: Pair[], singles: Measured[]): Target[] {
  const single = (s: ScenarioName, n: number, sidebar?: 'open' | 'closed'): Measured['row'] | undefined =>
    singles.find((m) => m.row.scenario === s && m.row.n === n && (sidebar === undefined || m.row.sidebar === sidebar))?.row;
  const out: Target[] = [];
  const ttr = (text: string, r: Measured['row'] | undefined, limitMs: number): void => {
    out.push({
      text,
      met: r?.time_to_results_ms === undefined ? null : r.time_to_results_ms <= limitMs,
      measured: r?.time_to_results_ms === undefined ? 'not measured' : mins(r.time_to_results_ms),
    });
  };
  ttr('gu1 2,000 x 2 codes, sidebar open: results complete <= 5 min after submit', single('ttr-gu1', 2_000, 'open'), 5 * 60_000);
  ttr(
    'Openmart find_people 10,000, sidebar open: last row <= 4 min after the batches complete',
    single('ttr-openmart-find-people', 10_000, 'open'),
    4 * 60_000,
  );
  ttr(
    'Openmart find_people 10,000, sidebar closed: last row <= 1 h 5 min after the batches complete',
    single('ttr-openmart-find-people', 10_000, 'closed'),
    65 * 60_000,
  );
  const big = single('ttr-gu1', 10_000, 'closed');
  out.push({
    text: 'gu1 10,000 rows: <= 4 trigger runs',
    met: big?.trigger_runs === undefined ? null : big.trigger_runs <= 4,
    measured: big?.trigger_runs === undefined ? 'not measured' : `${big.trigger_runs}`,
  });
  const wait = single('waiting-order-hour', 1);
  out.push({
    text: 'A waiting OpenProspect order, sidebar open: <= 12 UrlFetch calls per hour',
    met: wait ? wait.urlfetch_calls <= 12 : null,
    measured: wait ? `${wait.urlfetch_calls} (Properties: ${wait.properties_calls})` : 'not measured',
  });
  const batches = single('waiting-batches-hour', 10_000);
  out.push({
    text: '100 Openmart batches processing, sidebar open: <= 400 UrlFetch calls per hour (before: about 3,000)',
    met: batches ? batches.urlfetch_calls <= 400 : null,
    measured: batches ? `${fmt(batches.urlfetch_calls)}` : 'not measured',
  });
  const vs = (scenario: ScenarioName, n: number, times: number, label: string): void => {
    const p = pairs.find((x) => x.scenario === scenario && x.n === n);
    const c = p?.competent?.row;
    out.push({
      text: `${label}: >= ${times}x less virtual time than the competent script`,
      met: p && c ? c.virtual_ms >= times * p.addon.row.virtual_ms : null,
      measured: p && c ? `${secs(p.addon.row.virtual_ms)} vs ${secs(c.virtual_ms)} (${ratio(c.virtual_ms, p.addon.row.virtual_ms)})` : 'not measured',
    });
  };
  vs('openprospect-sync', 10_000, 2, 'OpenProspect sync 10,000');
  vs('gu1', 2_000, 8, 'gu1 2,000');
  vs('openmart-find-people', 10_000, 8, 'Openmart find_people 10,000');
  return out;
}
