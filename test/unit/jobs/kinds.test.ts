/**
 * Job kinds (jobs/kind.ts): every kind reads its data through one `dataOf` with its zod schema,
 * records written by the code before job kinds still load (captured from integration runs of the
 * built bundle: fixtures/stored-jobs.json), a record that does not parse fails its job with a
 * sentence saying what to do, and each kind's cleanup removes its own side records only.
 */
import { handlers } from '../../../src/app/jobs';
import { Deadline } from '../../../src/platform/clock';
import type { JobEnv, JobHandler } from '../../../src/jobs/handler';
import { dataOf, defineJobKind, type JobKind } from '../../../src/jobs/kind';
import { JobSchema, newJob, transition, type Job } from '../../../src/jobs/model';
import { pollJobs } from '../../../src/jobs/poller';
import { JobStore } from '../../../src/jobs/store';
import { OP_PROFILE } from '../../../src/jobs/openprospect-profile';
import { GU1_RUN } from '../../../src/jobs/gu1-run-data';
import * as z from 'zod/mini';
import { memoryProps } from '../../harness/fixtures';
import stored from './fixtures/stored-jobs.json';

const kinds = handlers() as Record<string, JobKind<unknown>>;
const records = stored.jobs.map((j) => JobSchema.parse(j));

function pollOnce(kind: JobHandler, job: Job) {
  let t = 1_000_000;
  const clock = { now: () => t, sleep: (ms: number) => void (t += ms) };
  const props = memoryProps();
  const store = new JobStore(props);
  const lock = { tryLock: () => true, releaseLock: () => undefined };
  const env = { clock, deadline: new Deadline(clock, 270_000), checkpoint: (j: Job) => store.save(j), docProps: props } as unknown as JobEnv;
  store.save(job);
  pollJobs(store, { [kind.kind]: kind }, env, lock, (e) => (e as Error).message);
  return store.get(job.id)!;
}

describe('jobs/kind', () => {
  describe('stored records of the code before job kinds', () => {
    it('should hold a record of every kind the add-on runs', () => {
      expect(new Set(records.map((r) => r.kind))).toEqual(new Set(Object.keys(kinds)));
    });

    it.each(records.map((r) => [`${r.kind} (${r.state}, ${r.title})`, r] as const))('should load %s with its data unchanged', (_name, record) => {
      const kind = kinds[record.kind]!;
      expect(kind.dataOf(record)).toEqual(record.data);
      expect(dataOf(record, kind)).toEqual(record.data);
    });
  });

  describe('#dataOf()', () => {
    it('should name the job and say what to do when its data does not parse', () => {
      const job = { title: 'DACH hotels', data: { key: 42 } };
      expect(() => dataOf(job, OP_PROFILE)).toThrow('Job "DACH hotels" has damaged saved state; create the profile again from the Discover section.');
      expect(() => dataOf(job, GU1_RUN)).toThrow('Job "DACH hotels" has damaged saved state; start the run again from the sidebar.');
      expect(() => dataOf(job, { kind: 'x', schema: z.object({ n: z.number() }) })).toThrow(
        'Job "DACH hotels" has damaged saved state; start it again from the sidebar.',
      );
    });

    it.each(Object.keys(kinds))('should fail a job of kind %s whose data does not parse, with the sentence, at its next run', (name) => {
      const job = {
        ...newJob({ id: 'j1', provider: 'openprospect', kind: name, title: 'Broken', now: 1, data: { parts: 'not a list' } }),
        state: 'WAITING' as const,
      };
      const after = pollOnce(kinds[name]!, job);
      expect(after.state).toBe('FAILED');
      expect(after.lastError).toMatch(/^Job "Broken" has damaged saved state; (start|create) .+\.$/);
    });
  });

  describe('#sourceOf()', () => {
    const byTitle = (title: string) => records.find((r) => r.title === title)!;
    const sourceOf = (title: string) => kinds[byTitle(title).kind]!.sourceOf?.(byTitle(title));

    it('should give the sheet and the mapping found by header of kinds whose runs read the rows again', () => {
      const batch = byTitle('Batch').data as { mapping: unknown; mappingHeaders: unknown };
      expect(sourceOf('Batch')).toEqual({ source: { sheetName: 'Leads' }, mapping: batch.mapping, mappingHeaders: batch.mappingHeaders });
      expect(sourceOf('Enrich')?.mappingHeaders).toEqual({ external_id: 'external_id', company_name: 'Company', website: 'Website' });
      expect(sourceOf('KYB')).toEqual({
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        mappingHeaders: { external_id: 'Customer ID' },
        parameterColumns: {},
        parameterHeaders: {},
      });
    });

    it('should give an enrichment order only its sheet (a scheduled refresh reads no rows) and a discovery none', () => {
      expect(sourceOf('Enr')).toEqual({ source: { sheetName: 'Leads' } });
      expect(sourceOf('Hotels DACH')).toBeUndefined();
      expect(kinds['openprospect.profile']!.sourceOf).toBeUndefined();
      expect(kinds['openmart.search']!.sourceOf).toBeUndefined();
    });

    it('should give no source for a record that does not parse, rather than stop a listing', () => {
      expect(kinds['gu1.run']!.sourceOf?.({ ...byTitle('KYB'), data: { source: { sheetName: 'Clients' } } })).toBeUndefined();
    });
  });

  describe('#defineJobKind()', () => {
    const Schema = z.object({ n: z.number() });
    const seen: unknown[] = [];
    const kind = defineJobKind({
      kind: 'test.count',
      schema: Schema,
      advance: (job, data, env) => {
        seen.push(data);
        return transition({ ...job, data: { n: data.n + 1 } }, 'DONE', env.clock.now());
      },
      rerun: (job, data) => ({ ...job, data: { n: data.n * 10 } }),
    });

    it('should hand every step the parsed data and leave out what the kind does not define', () => {
      const job = newJob({ id: 'a', provider: 'gu1', kind: 'test.count', title: 'T', now: 1, data: { n: 1, extra: true } });
      expect(pollOnce(kind, job).data).toEqual({ n: 2 });
      expect(seen).toEqual([{ n: 1 }]);
      expect(kind.rerun!(job, {} as JobEnv).data).toEqual({ n: 10 });
      expect(kind.refresh).toBeUndefined();
      expect(kind.cleanup).toBeUndefined();
    });
  });

  describe('cleanup', () => {
    function withSideRecords(): ReturnType<typeof memoryProps> {
      const props = memoryProps();
      for (const id of ['j1', 'j2']) {
        props.setProperty(`jobbody:${id}`, '{"order_type":"DISCOVERY"}');
        props.setProperty(`opprofile:${id}`, '{}');
        props.setProperty(`oms:${id}`, '{}');
        props.setProperty(`omb:${id}:0`, '[]');
        props.setProperty(`omb:${id}:1`, '[]');
      }
      props.setProperty('job:j1', '{}');
      return props;
    }

    it.each([
      ['openprospect.orders', ['jobbody:j1']],
      ['openprospect.profile', ['opprofile:j1']],
      ['openmart.search', ['oms:j1']],
      ['openmart.batches', ['omb:j1:0', 'omb:j1:1']],
      ['openmart.enrich', []],
      ['gu1.run', []],
    ])('should remove the side records of a job of kind %s, and nothing else', (name, gone) => {
      const props = withSideRecords();
      const before = Object.keys(props.data);
      kinds[name]!.cleanup?.(props, 'j1');
      expect(Object.keys(props.data).sort()).toEqual(before.filter((k) => !gone.includes(k)).sort());
    });
  });
});
