// One real HTTP request for the playground's live mode (real-http.ts): reads
// { method, url, headers, body } as JSON on stdin, prints { status, headers, body } or
// { transport } on stdout. node:https rather than fetch, because Openmart's records routes are
// GETs with a JSON body, which fetch refuses. Redirects are not followed here.
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';

const req = JSON.parse(readFileSync(0, 'utf8'));
const done = (reply) => {
  process.stdout.write(JSON.stringify(reply));
  process.exit(0);
};
const url = new URL(req.url);
const client = url.protocol === 'http:' ? http : https;
const body = req.body === undefined || req.body === null ? undefined : Buffer.from(req.body, 'utf8');
const r = client.request(
  url,
  { method: req.method, headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) }, timeout: 60_000 },
  (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      const headers = {};
      for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
      done({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
    });
  },
);
r.on('timeout', () => {
  r.destroy();
  done({ transport: 'timeout' });
});
r.on('error', (e) => done({ transport: e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'dns' : 'address-unavailable' }));
if (body) r.write(body);
r.end();
