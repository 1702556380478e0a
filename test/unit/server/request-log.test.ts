/**
 * The service's request log: one record per request, with the request (method, path without
 * its query, client address), the status and the time it took — the fields docs/deployment.md
 * promises IT — and no second "incoming request" record.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../contract/api.js';
import { serviceLoggerOptions } from '../../../server/app.js';
import { createApiHarness, type ApiHarness } from '../../support/api-harness.js';

const records: Record<string, unknown>[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    records.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    done();
  },
});

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness({ logger: { ...serviceLoggerOptions('info'), stream } });
});
afterAll(() => h.close());

describe('request log', () => {
  it('writes one record per request: method, path without the query, address, status, time', async () => {
    records.length = 0;
    await h.app.inject({ method: 'GET', url: '/healthz?token=do-not-log' });
    await h.app.inject({ method: 'POST', url: `${API_PREFIX}/reset`, payload: { userId: 'nobody@contoso.com' } });
    const requests = records.filter((r) => r.req !== undefined || r.res !== undefined);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'GET', path: '/healthz', ip: '127.0.0.1' }, res: { statusCode: 200 } });
    expect(requests[1]).toMatchObject({ req: { method: 'POST', path: `${API_PREFIX}/reset` }, res: { statusCode: expect.any(Number) } });
    for (const r of requests) expect(typeof r.responseTime).toBe('number');
    expect(JSON.stringify(records)).not.toContain('do-not-log');
    expect(records.map((r) => r.msg)).not.toContain('incoming request');
  });
});
