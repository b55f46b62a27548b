import { createOpenProspectSim, type OpenProspectSim } from '../../emulator/apis/openprospect';
import { type BuildRequestOptions, buildRequest, send } from '../../emulator/apis/openprospect/request';

const KEY = 'lnc_test_profiles';
const BODY = {
  profile_name: 'DACH SaaS',
  ideal_customer_profile: 'Mid-market SaaS in DACH',
  seller_offering: 'Lead generation',
  target_countries: ['Germany'],
  contact_roles: ['CEO'],
};

function setup(): OpenProspectSim {
  const sim = createOpenProspectSim({ seed: 9 });
  sim.addKey(KEY);
  return sim;
}

const create = (sim: OpenProspectSim, body: unknown = BODY, idem: string | null = 'pc-1', o: BuildRequestOptions = {}) =>
  send(
    sim,
    buildRequest('POST', '/api/v1/search-profile-creations', { key: KEY, json: body, headers: idem === null ? {} : { 'Idempotency-Key': idem }, ...o }),
  );
const poll = (sim: OpenProspectSim, id: string, key = KEY) => send(sim, buildRequest('GET', `/api/v1/search-profile-creations/${id}`, { key }));

describe('openprospect sim', () => {
  describe('POST /search-profile-creations', () => {
    it('should answer 202 PENDING with a profile_creation_id', () => {
      const sim = setup();
      const r = create(sim);
      expect(r.status).toBe(202);
      expect(Object.keys(r.json)).toEqual(['profile_creation_id', 'status', 'profile_name', 'profile_id', 'failure_reason', 'created_at', 'updated_at']);
      expect(r.json).toMatchObject({ status: 'PENDING', profile_name: 'DACH SaaS', profile_id: null, failure_reason: null });
      expect(sim.counts.profileCreationsCreated).toBe(1);
    });

    it('should require the Idempotency-Key header', () => {
      const sim = setup();
      const r = create(sim, BODY, null);
      expect(r.status).toBe(422);
      expect(r.json.detail).toEqual([{ type: 'missing', loc: ['header', 'idempotency-key'], msg: 'Field required', input: null }]);
      expect(sim.profileCreations()).toHaveLength(0);
    });

    it('should validate the body', () => {
      const sim = setup();
      const r = create(sim, { ideal_customer_profile: 'x'.repeat(5001), target_countries: 'Germany', colour: 1 });
      const locs = r.json.detail.map((d: { loc: string[]; type: string }) => `${d.loc.join('.')}:${d.type}`).sort();
      expect(locs).toEqual([
        'body.colour:extra_forbidden',
        'body.ideal_customer_profile:string_too_long',
        'body.profile_name:missing',
        'body.target_countries:list_type',
      ]);
    });

    it('should return the same creation for the same key and body and 409 for a different body', () => {
      const sim = setup();
      const a = create(sim);
      const b = create(sim);
      expect(b.status).toBe(202);
      expect(b.json.profile_creation_id).toBe(a.json.profile_creation_id);
      const c = create(sim, { ...BODY, profile_name: 'Other' });
      expect(c.status).toBe(409);
      expect(c.json).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', message: expect.any(String), details: expect.any(Object) });
      expect(sim.profileCreations()).toHaveLength(1);
    });
  });

  describe('GET /search-profile-creations/{id}', () => {
    it('should move PENDING -> RUNNING -> SUCCEEDED with a profile_id across polls', () => {
      const sim = setup();
      const id = create(sim).json.profile_creation_id;
      expect(poll(sim, id).json.status).toBe('PENDING');
      expect(poll(sim, id).json.status).toBe('RUNNING');
      const done = poll(sim, id).json;
      expect(done.status).toBe('SUCCEEDED');
      expect(done.profile_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(poll(sim, id).json).toEqual(done);
    });

    it('should let the new profile_id be used for an order', () => {
      const sim = setup();
      const id = create(sim).json.profile_creation_id;
      for (let i = 0; i < 3; i++) poll(sim, id);
      const profileId = poll(sim, id).json.profile_id;
      const r = send(
        sim,
        buildRequest('POST', '/api/v1/orders', {
          key: KEY,
          json: { title: 'x', features: ['COMPANY_DATA'], profile_id: profileId, companies: [{ company_name: 'A' }] },
        }),
      );
      expect(r.status).toBe(202);
      expect(sim.order(r.json.order_id)?.profileId).toBe(profileId);
    });

    it('should finish FAILED with the configured reason', () => {
      const sim = setup();
      sim.setProfileOutcome('FAILED', 'ICP too vague');
      const id = create(sim).json.profile_creation_id;
      poll(sim, id);
      poll(sim, id);
      expect(poll(sim, id).json).toMatchObject({ status: 'FAILED', failure_reason: 'ICP too vague', profile_id: null });
      sim.setProfileOutcome('SUCCEEDED');
      const retry = create(sim, BODY, 'pc-2').json.profile_creation_id;
      poll(sim, retry);
      poll(sim, retry);
      expect(poll(sim, retry).json.status).toBe('SUCCEEDED');
    });

    it('should answer 404 for an unknown or foreign creation', () => {
      const sim = setup();
      const id = create(sim).json.profile_creation_id;
      sim.addKey('lnc_test_other', undefined, { org: 'org-2' });
      expect(poll(sim, id, 'lnc_test_other')).toMatchObject({
        status: 404,
        json: { code: 'PROFILE_CREATION_NOT_FOUND', resource_type: 'SearchProfileCreation', identifier: id },
      });
      expect(poll(sim, '00000000-0000-0000-0000-000000000000').status).toBe(404);
    });

    it('should need orders:write to create and orders:read to poll', () => {
      const sim = setup();
      sim.addKey('lnc_test_ro', ['orders:read']);
      const r = send(sim, buildRequest('POST', '/api/v1/search-profile-creations', { key: 'lnc_test_ro', json: BODY, headers: { 'idempotency-key': 'x' } }));
      expect(r.json.required_scopes).toEqual(['orders:write']);
      sim.addKey('lnc_test_wo', ['orders:write']);
      const id = create(sim).json.profile_creation_id;
      expect(poll(sim, id, 'lnc_test_wo').json.required_scopes).toEqual(['orders:read']);
    });
  });
});
