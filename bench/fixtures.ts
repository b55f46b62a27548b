/**
 * Bench fixtures in front of the simulators. Both implementations see the same answers.
 * - OpenProspect results with exactly `prospects` prospects per company (issue 8: "N companies with
 *   3 prospects each"; the simulator draws 0-5), derived deterministically from the company.
 * - A switch that changes every 10th company of the results (name and employee_count): the
 *   "10 % changed" upsert.
 */
import type { HttpHandler, SimRequest, SimResponse } from '../emulator/apis/types';

type Json = Record<string, unknown>;

export interface ResultsFixture extends HttpHandler {
  /** When set, every `changeEvery`-th company (by result position) comes back changed. */
  changeEvery: number | null;
}

function shapedProspects(item: Json, count: number): Json[] {
  const given = Array.isArray(item['prospects']) ? (item['prospects'] as Json[]) : [];
  const companyId = String(item['id'] ?? item['company_id'] ?? '');
  const out: Json[] = [];
  for (let j = 0; j < count; j++) {
    const p = given[j];
    out.push(
      p ?? {
        id: `${companyId}-p${j}`,
        company_id: companyId,
        first_name: ['Anna', 'Jonas', 'Mira'][j % 3],
        last_name: 'Beispiel',
        job_title: ['Managing Director', 'Head of Sales', 'Office Manager'][j % 3],
        email: null,
        phone_number: null,
        linkedin_url: null,
        qualification_score: 5,
        qualification_reason: 'Senior decision maker',
        email_type: null,
        validation_confidence: null,
        bounce_risk_score: null,
      },
    );
  }
  return out;
}

/** Wrap the OpenProspect simulator so result pages carry exactly `prospects` prospects per company. */
export function resultsFixture(inner: HttpHandler, prospects = 3): ResultsFixture {
  const fixture: ResultsFixture = {
    changeEvery: null,
    handle(req: SimRequest) {
      const out = inner.handle(req);
      if (req.method !== 'GET' || !/\/orders\/[^/]+\/results$/.test(req.path) || !('status' in out) || out.status !== 200) return out;
      const page = JSON.parse(out.body) as { items: Json[] };
      const offset = Number(req.query['offset'] ?? 0);
      page.items = page.items.map((item, i) => {
        const shaped: Json = { ...item, prospects: shapedProspects(item, prospects) };
        if (fixture.changeEvery !== null && (offset + i) % fixture.changeEvery === 0) {
          shaped['name'] = `${String(item['name'])} (renamed)`;
          shaped['employee_count'] = Number(item['employee_count'] ?? 0) + 1;
        }
        return shaped;
      });
      return { ...(out as SimResponse), body: JSON.stringify(page) };
    },
  };
  return fixture;
}
