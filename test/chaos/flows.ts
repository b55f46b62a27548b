/**
 * The provider flows the chaos suite runs, each from the user's first click to the job's end,
 * with what "the same end state as a fault-free run" means for it.
 */
import type { HttpHandler } from '../../emulator/apis/types';
import { allSettled, storedJobs } from '../harness/jobs';
import {
  COMPANY_HEADER,
  DOMAIN_HEADER,
  GU1_HEADER,
  OP_BASE,
  companyRows,
  domainRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenmart,
  givenOpenProspect,
  gu1Ids,
  gu1Rows,
  type Gu1Scenario,
  type OmScenario,
  type OpScenario,
} from '../harness/scenarios';
import { WARNING, duplicateKeys, runFlow, tableDiff, type ChaosWorld, type Flow, type Snapshot } from './engine';

/** Every tab except `source`, by name. */
function resultTabs(w: ChaosWorld, source: string): Record<string, unknown[][]> {
  const ss = w.addOn.emulator.spreadsheet;
  return Object.fromEntries(
    ss
      .sheetNames()
      .filter((n) => n !== source)
      .map((n) => [n, ss.sheetValues(n)]),
  );
}

/** A table as header -> value objects sorted by key columns (order-insensitive form). */
function canonical(rows: unknown[][], keyColumns: string[]): string {
  const [header, ...body] = rows;
  const names = (header ?? []).map(String);
  const objects = body.map((r) => Object.fromEntries(names.map((h, i) => [h, r[i] ?? ''] as const).sort((a, b) => a[0].localeCompare(b[0]))));
  const key = (o: Record<string, unknown>): string => keyColumns.map((k) => String(o[k] ?? '')).join('|');
  return JSON.stringify(objects.sort((a, b) => key(a).localeCompare(key(b))));
}

/**
 * Tabs equal to the fault-free run's. Rows or columns in another order (same cells) are reported
 * as such, separately from missing, extra or different rows.
 */
function compareTabs(got: Record<string, unknown[][]>, want: Record<string, unknown[][]>, keyColumnsOf: (tab: string) => string[]): string[] {
  const out: string[] = [];
  const names = [...new Set([...Object.keys(got), ...Object.keys(want)])].sort();
  for (const n of names) {
    const g = got[n];
    const x = want[n];
    if (!g) out.push(`tab "${n}" is missing`);
    else if (!x) out.push(`extra tab "${n}" (${g.length - 1} rows)`);
    else if (JSON.stringify(g) !== JSON.stringify(x)) {
      // Same rows and cells in another order: nothing lost or doubled, so it only warns.
      if (canonical(g, keyColumnsOf(n)) === canonical(x, keyColumnsOf(n)))
        out.push(`${WARNING}tab "${n}": same rows and cells, in another row or column order`);
      else out.push(...tableDiff(`tab "${n}"`, g, x));
    }
  }
  return out;
}

// ---- OpenProspect: enrichment from rows without ids (generated, written back), submit + sync ----

const OP_SOURCE = 'Leads';
const OP_TITLE = 'Chaos';
/** Fixed delivery time, so delivered_at matches across runs whatever their timing. */
const DELIVERED_AT = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface OpWorld extends ChaosWorld {
  sim: OpScenario['sim'];
}

const referenceCache = new Map<string, Snapshot>();

/**
 * OpenProspect enrichment: `companies` rows (no ids: the add-on generates and writes them back),
 * submitted from the sidebar, the order completed by the server, results synced by the trigger.
 * `ids` prefills the external_id column (the reference run for a chaos run whose ids differ).
 */
export function openProspectFlow(companies = 250, ids?: string[]): Flow<OpWorld> {
  return {
    name: 'openprospect',
    setup(wrap: (h: HttpHandler) => HttpHandler): OpWorld {
      const s = givenOpenProspect();
      s.addOn.emulator.http.register(OP_BASE, wrap(s.faults));
      const rows = companyRows(companies);
      if (ids)
        givenCompanies(
          s.addOn,
          OP_SOURCE,
          [...COMPANY_HEADER, 'external_id'],
          rows.map((r, i) => [...r, ids[i] ?? '']),
        );
      else givenCompanies(s.addOn, OP_SOURCE, COMPANY_HEADER, rows);
      return { addOn: s.addOn, sim: s.sim };
    },
    drive(w, env) {
      const hasJob = (): boolean => storedJobs(w.addOn).length > 0;
      env.userAction(
        'submitEnrichment',
        () =>
          void w.addOn.rpc('submitEnrichment', {
            source: { sheetName: OP_SOURCE },
            mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
            options: enrichmentOptions(OP_TITLE),
          }),
        hasJob,
      );
      env.runTriggers(
        () => allSettled(w.addOn),
        () => {
          for (const o of w.sim.orders()) if (o.status !== 'COMPLETED') w.sim.advance(o.id, 'COMPLETED', { at: DELIVERED_AT });
        },
      );
      for (const j of storedJobs(w.addOn)) if (j.state !== 'DONE') env.problem(`job ended ${j.state}: ${j.lastError ?? ''}`);
    },
    snapshot(w) {
      const leads = w.addOn.emulator.spreadsheet.sheetValues(OP_SOURCE);
      const idCol = (leads[0] ?? []).indexOf('external_id');
      return {
        leads,
        ids: idCol < 0 ? [] : leads.slice(1).map((r) => String(r[idCol] ?? '')),
        tabs: resultTabs(w, OP_SOURCE),
        orders: w.sim.orders().map((o) => ({ sourceIds: [...o.sourceIds], status: o.status })),
        jobs: storedJobs(w.addOn).map((j) => j.state),
      };
    },
    compare(_w, end, clean) {
      const out: string[] = [];
      const leads = end['leads'] as unknown[][];
      const cleanLeads = clean['leads'] as unknown[][];
      const ids = end['ids'] as string[];
      // The user's own cells: every column but the external_id column the add-on created.
      const own = (rows: unknown[][]): string => JSON.stringify(rows.map((r) => r.slice(0, COMPANY_HEADER.length)));
      if (own(leads) !== own(cleanLeads)) out.push(`the user's cells in "${OP_SOURCE}" changed`);
      if (JSON.stringify(leads[0]) !== JSON.stringify(cleanLeads[0])) out.push(`"${OP_SOURCE}" header is ${JSON.stringify(leads[0])}`);
      if (ids.length !== companies || ids.some((id) => id === '') || new Set(ids).size !== ids.length) out.push('external_id column: blank or duplicate ids');
      const orders = end['orders'] as Array<{ sourceIds: string[] }>;
      if (orders.length !== 1) out.push(`${orders.length} orders on the server instead of 1`);
      else if (JSON.stringify(orders[0]?.sourceIds) !== JSON.stringify(ids)) out.push("the order's companies are not the sheet's rows");
      if ((end['jobs'] as string[]).join() !== 'DONE') out.push(`jobs ended ${(end['jobs'] as string[]).join(', ')}`);
      const tabs = end['tabs'] as Record<string, unknown[][]>;
      for (const [name, rows] of Object.entries(tabs)) {
        const dup = duplicateKeys(rows, [0]);
        if (dup.length > 0) out.push(`tab "${name}": ${dup.length} duplicate rows (e.g. ${dup[0]})`);
      }
      // Same ids as the fault-free run: same tabs. Other ids (a submit retried before its ids
      // were written): the tabs of a fault-free run of those ids.
      let want = clean;
      if (JSON.stringify(ids) !== JSON.stringify(clean['ids'])) {
        const key = ids.join();
        let ref = referenceCache.get(key);
        if (!ref) {
          ref = runFlow(openProspectFlow(companies, ids), {}, null).snapshot;
          referenceCache.set(key, ref);
        }
        want = ref;
      }
      out.push(...compareTabs(tabs, want['tabs'] as Record<string, unknown[][]>, (t) => [t.endsWith('Prospects') ? 'prospect_id' : 'external_id']));
      return out;
    },
  };
}

// ---- gu1: N rows x 2 codes, submit (sends the first waves) + trigger runs --------------------

const GU1_SOURCE = 'Clients';
export const GU1_CHAOS_CODES = ['ar_afip_enrichment', 'br_cpfcnpj_complete_company_enrichment'];
/** Columns that describe one execution, not the row: a re-send answered from gu1's cache shows cost 0 and its own timing. */
const GU1_PER_EXECUTION = new Set(['cost_cents', 'cost', 'execution_time_ms', 'total_execution_time_ms', 'enrichment_id']);

export interface Gu1World extends ChaosWorld {
  sim: Gu1Scenario['sim'];
}

function normalizeGu1(rows: unknown[][]): unknown[][] {
  const header = (rows[0] ?? []).map(String);
  return rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (GU1_PER_EXECUTION.has(header[c] ?? '') ? '*' : v))));
}

/**
 * Invariants of what gu1 billed: nothing billed twice for one row and one forceRefresh sending,
 * the job's reported cost <= billed <= reported + its "up to" figure, billed never above the cap.
 */
function gu1CostProblems(end: Snapshot, capCents?: number): string[] {
  const out: string[] = [];
  const ledger = end['ledger'] as string[];
  const twice = ledger.filter((k, i) => ledger.indexOf(k) !== i);
  if (twice.length > 0) out.push(`billed twice: ${twice.slice(0, 3).join(', ')}${twice.length > 3 ? ` and ${twice.length - 3} more` : ''}`);
  const cost = end['jobCost'] as number;
  const maybe = end['jobMaybe'] as number;
  const billed = end['billed'] as number;
  if (billed < cost || billed > cost + maybe) out.push(`the job reports ${cost} cents (+ up to ${maybe}) but gu1 billed ${billed}`);
  if (capCents !== undefined && billed > capCents) out.push(`gu1 billed ${billed} cents, above the cost cap of ${capCents}`);
  return out;
}

/** gu1 enrichment by external_id of `rows` rows with two integration codes. */
export function gu1Flow(rows = 25): Flow<Gu1World> {
  return {
    name: 'gu1',
    setup(wrap) {
      const s = givenGu1({ entities: gu1Ids(rows), wrap });
      s.addOn.emulator.spreadsheet.givenSheet(GU1_SOURCE, [GU1_HEADER, ...gu1Rows(rows)]);
      return { addOn: s.addOn, sim: s.sim };
    },
    drive(w, env) {
      env.userAction(
        'submitGu1',
        () =>
          void w.addOn.rpc('submitGu1', {
            source: { sheetName: GU1_SOURCE },
            mapping: { external_id: 0 },
            options: { title: 'Chaos', integrationCodes: GU1_CHAOS_CODES },
            confirmed: true,
          }),
        () => storedJobs(w.addOn).length > 0,
      );
      env.runTriggers(() => allSettled(w.addOn));
      for (const j of storedJobs(w.addOn)) if (j.state !== 'DONE') env.problem(`job ended ${j.state}: ${j.lastError ?? ''}`);
    },
    snapshot(w) {
      const tabs = resultTabs(w, GU1_SOURCE);
      const job = storedJobs(w.addOn)[0];
      return {
        source: w.addOn.emulator.spreadsheet.sheetValues(GU1_SOURCE),
        tabs: Object.fromEntries(Object.entries(tabs).map(([n, v]) => [n, normalizeGu1(v)])),
        rawTabs: tabs,
        ledger: w.sim.ledger.map((l) => `${l.externalId}|${l.integrationCode}`),
        billed: w.sim.billedCents(),
        requests: w.sim.requests.length,
        jobCost: job?.counts['costCents'] ?? 0,
        jobMaybe: job?.counts['maybeBilledCents'] ?? 0,
        jobs: storedJobs(w.addOn).map((j) => j.state),
      };
    },
    compare(_w, end, clean) {
      const out: string[] = [];
      if (JSON.stringify(end['source']) !== JSON.stringify(clean['source'])) out.push(`the user's cells in "${GU1_SOURCE}" changed`);
      if (end['billed'] !== clean['billed']) out.push(`billed ${String(end['billed'])} cents, the fault-free run ${String(clean['billed'])}`);
      out.push(...gu1CostProblems(end));
      if ((end['jobs'] as string[]).join() !== 'DONE') out.push(`jobs ended ${(end['jobs'] as string[]).join(', ')}`);
      for (const [name, rows] of Object.entries(end['rawTabs'] as Record<string, unknown[][]>)) {
        const dup = duplicateKeys(rows, [0, 1]);
        if (dup.length > 0) out.push(`tab "${name}": ${dup.length} duplicate rows (e.g. ${dup[0]})`);
      }
      const givenUp = (tabs: Record<string, unknown[][]>): number =>
        Object.values(tabs).reduce((n, t) => {
          const col = (t[0] ?? []).map(String).indexOf('error_code');
          return n + t.slice(1).filter((r) => r[col] === 'NO_RESPONSE' || r[col] === 'UNREADABLE_RESPONSE').length;
        }, 0);
      const lost = givenUp(end['rawTabs'] as Record<string, unknown[][]>) - givenUp(clean['rawTabs'] as Record<string, unknown[][]>);
      if (lost > 0)
        out.push(`${lost} results written as failed (NO_RESPONSE / UNREADABLE_RESPONSE) after two sends without a usable answer; the fault-free run has them`);
      out.push(
        ...compareTabs(end['tabs'] as Record<string, unknown[][]>, clean['tabs'] as Record<string, unknown[][]>, () => ['external_id', 'integration_code']),
      );
      return out;
    },
  };
}

/**
 * gu1 with Force refresh and a cost cap of `capCents` (below what the rows would cost): how far
 * the run gets depends on what the faults made uncertain, so only the billing invariants and
 * the tab's integrity are checked. A request delivered twice by the network with forceRefresh
 * would be billed twice whatever the client does, so the network never repeats one here.
 */
export function gu1CapFlow(rows = 20, capCents = 2_000): Flow<Gu1World> {
  const base = gu1Flow(rows);
  return {
    ...base,
    name: 'gu1-cap',
    duplicable: (req) => !(req.method === 'POST' && (req.body ?? '').includes('forceRefresh')),
    drive(w, env) {
      env.userAction(
        'submitGu1',
        () =>
          void w.addOn.rpc('submitGu1', {
            source: { sheetName: GU1_SOURCE },
            mapping: { external_id: 0 },
            options: { title: 'Capped', integrationCodes: GU1_CHAOS_CODES, forceRefresh: true, costCap: capCents / 100 },
            confirmed: true,
          }),
        () => storedJobs(w.addOn).length > 0,
      );
      env.runTriggers(() => allSettled(w.addOn));
      for (const j of storedJobs(w.addOn)) if (j.state !== 'DONE') env.problem(`job ended ${j.state}: ${j.lastError ?? ''}`);
    },
    compare(_w, end, clean) {
      const out: string[] = [];
      if (JSON.stringify(end['source']) !== JSON.stringify(clean['source'])) out.push(`the user's cells in "${GU1_SOURCE}" changed`);
      out.push(...gu1CostProblems(end, capCents));
      if ((end['jobs'] as string[]).join() !== 'DONE') out.push(`jobs ended ${(end['jobs'] as string[]).join(', ')}`);
      for (const [name, t] of Object.entries(end['rawTabs'] as Record<string, unknown[][]>)) {
        const dup = duplicateKeys(t, [0, 1]);
        if (dup.length > 0) out.push(`tab "${name}": ${dup.length} duplicate rows (e.g. ${dup[0]})`);
      }
      return out;
    },
  };
}

// ---- Openmart: find_people from rows without ids (generated, written back), batches + reads ----

const OM_SOURCE = 'Leads';
const OM_OPTIONS = { title: 'Chaos', role: 'Owner', max_k: 2 };
/** Server-made ids: batch and task ids follow the order batches reach the server. */
const OM_SERVER_IDS = new Set(['task_id', 'batch_id']);

export interface OmWorld extends ChaosWorld {
  sim: OmScenario['sim'];
}

function normalizeOm(rows: unknown[][]): unknown[][] {
  const header = (rows[0] ?? []).map(String);
  return rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (OM_SERVER_IDS.has(header[c] ?? '') ? '*' : v))));
}

const omReferenceCache = new Map<string, Snapshot>();

/**
 * Batches at the server = batches the job knows (their ids are in the tab) + batches whose rows
 * it marks "submitted, outcome unknown": no batch exists that the job neither knows nor warns of.
 */
function omBatchProblems(end: Snapshot): string[] {
  const known = new Set<string>();
  const unknownRows = new Set<string>();
  for (const t of Object.values(end['rawTabs'] as Record<string, unknown[][]>)) {
    const h = (t[0] ?? []).map(String);
    const b = h.indexOf('batch_id');
    const st = h.indexOf('status');
    for (const r of t.slice(1)) {
      if (r[st] === 'SUBMITTED_OUTCOME_UNKNOWN') unknownRows.add(String(r[0]));
      else if (b >= 0 && r[b]) known.add(String(r[b]));
    }
  }
  const stray = (end['serverBatches'] as Array<{ id: string; tracking: string[] }>).filter(
    (x) => !known.has(x.id) && !x.tracking.every((id) => unknownRows.has(id)),
  );
  return stray.length > 0 ? [`${stray.length} batch(es) at Openmart the job neither knows nor marks "outcome unknown" (e.g. ${stray[0]?.id})`] : [];
}

/**
 * Openmart find_people for `rows` rows (2 batches at 150). Batches cannot be made idempotent: a
 * submit whose answer was lost is never resent by itself and its rows end "submitted, outcome
 * unknown"; everything else must match the fault-free run.
 */
export function openmartFlow(rows = 150, ids?: string[]): Flow<OmWorld> {
  return {
    name: 'openmart',
    duplicable: (req) => !(req.method === 'POST' && req.path.startsWith('/api/v1/task/batch/')),
    setup(wrap) {
      const s = givenOpenmart({ wrap });
      const data = domainRows(rows);
      if (ids) s.addOn.emulator.spreadsheet.givenSheet(OM_SOURCE, [[...DOMAIN_HEADER, 'external_id'], ...data.map((r, i) => [...r, ids[i] ?? ''])]);
      else s.addOn.emulator.spreadsheet.givenSheet(OM_SOURCE, [DOMAIN_HEADER, ...data]);
      return { addOn: s.addOn, sim: s.sim };
    },
    drive(w, env) {
      env.userAction(
        'submitOpenmartBatch',
        () =>
          void w.addOn.rpc('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: OM_SOURCE }, options: OM_OPTIONS, confirmCredits: true }),
        () => storedJobs(w.addOn).length > 0,
      );
      env.runTriggers(
        () => allSettled(w.addOn),
        () => void w.sim.completeTasks(),
      );
      for (const j of storedJobs(w.addOn)) if (j.state !== 'DONE') env.problem(`job ended ${j.state}: ${j.lastError ?? ''}`);
    },
    snapshot(w) {
      const leads = w.addOn.emulator.spreadsheet.sheetValues(OM_SOURCE);
      const idCol = (leads[0] ?? []).indexOf('external_id');
      const tabs = resultTabs(w, OM_SOURCE);
      return {
        leads,
        ids: idCol < 0 ? [] : leads.slice(1).map((r) => String(r[idCol] ?? '')),
        tabs: Object.fromEntries(Object.entries(tabs).map(([n, v]) => [n, normalizeOm(v)])),
        rawTabs: tabs,
        tracking: w.sim.tasks().map((t) => String(t.trackingId ?? '')),
        batches: w.sim.batches().length,
        serverBatches: w.sim.batches().map((b) => ({ id: b.id, tracking: w.sim.tasks(b.id).map((t) => String(t.trackingId ?? '')) })),
        jobs: storedJobs(w.addOn).map((j) => j.state),
      };
    },
    compare(_w, end, clean) {
      const out: string[] = [];
      const leads = end['leads'] as unknown[][];
      const own = (r: unknown[][]): string => JSON.stringify(r.map((x) => x.slice(0, DOMAIN_HEADER.length)));
      if (own(leads) !== own(clean['leads'] as unknown[][])) out.push(`the user's cells in "${OM_SOURCE}" changed`);
      const ids = end['ids'] as string[];
      if (ids.length !== rows || ids.some((id) => id === '') || new Set(ids).size !== ids.length) out.push('external_id column: blank or duplicate ids');
      const tracking = end['tracking'] as string[];
      const twice = tracking.filter((t, i) => tracking.indexOf(t) !== i);
      if (twice.length > 0) out.push(`${twice.length} rows were submitted in two batches (e.g. ${twice[0]})`);
      out.push(...omBatchProblems(end));
      if ((end['jobs'] as string[]).join() !== 'DONE') out.push(`jobs ended ${(end['jobs'] as string[]).join(', ')}`);
      let want = clean;
      if (JSON.stringify(ids) !== JSON.stringify(clean['ids'])) {
        const key = ids.join();
        let ref = omReferenceCache.get(key);
        if (!ref) {
          ref = runFlow(openmartFlow(rows, ids), {}, null).snapshot;
          omReferenceCache.set(key, ref);
        }
        want = ref;
      }
      const got = end['tabs'] as Record<string, unknown[][]>;
      const expected = want['tabs'] as Record<string, unknown[][]>;
      // Rows whose batch outcome is unknown: one status line each; the rest as fault-free.
      const unknown = new Set<string>();
      for (const t of Object.values(got)) {
        const h = (t[0] ?? []).map(String);
        const st = h.indexOf('status');
        for (const r of t.slice(1)) if (r[st] === 'SUBMITTED_OUTCOME_UNKNOWN') unknown.add(String(r[0]));
      }
      for (const [name, t] of Object.entries(got)) {
        const dup = duplicateKeys(t, [0, 1]);
        if (dup.length > 0) out.push(`tab "${name}": ${dup.length} duplicate rows (e.g. ${dup[0]})`);
      }
      const without = (tabs: Record<string, unknown[][]>): Record<string, unknown[][]> =>
        Object.fromEntries(Object.entries(tabs).map(([n, t]) => [n, t.filter((r, i) => i === 0 || !unknown.has(String(r[0])))]));
      if (unknown.size > 0) out.push(`${WARNING}${unknown.size} rows marked "submitted, outcome unknown" (a submit answer was lost)`);
      const statuses = (tabs: Record<string, unknown[][]>): Map<string, number> => {
        const m = new Map<string, number>();
        for (const t of Object.values(tabs)) {
          const st = (t[0] ?? []).map(String).indexOf('status');
          for (const r of t.slice(1)) if (r[st] !== 'COMPLETED' && r[st] !== 'SUBMITTED_OUTCOME_UNKNOWN') m.set(String(r[st]), (m.get(String(r[st])) ?? 0) + 1);
        }
        return m;
      };
      const gotStatus = statuses(got);
      const wantStatus = statuses(expected);
      for (const st of new Set([...gotStatus.keys(), ...wantStatus.keys()])) {
        if ((gotStatus.get(st) ?? 0) !== (wantStatus.get(st) ?? 0))
          out.push(`${gotStatus.get(st) ?? 0} rows ${st} (fault-free run: ${wantStatus.get(st) ?? 0})`);
      }
      out.push(...compareTabs(without(got), without(expected), () => ['external_id', 'index']));
      return out;
    },
  };
}

/** The flows, in seed order. */
export function allFlows(): Flow[] {
  return [openProspectFlow() as unknown as Flow, gu1Flow() as unknown as Flow, openmartFlow() as unknown as Flow, gu1CapFlow() as unknown as Flow];
}
