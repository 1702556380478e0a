/**
 * Issue 7 item 7, junk is cheap: malformed and unauthenticated junk counts towards the
 * per-address limit and is audited in aggregate — one row per kind, address (IPv6: /64) and
 * window, and a global budget of rows per window — while every junk answer still carries a
 * support code the audit log holds. Every route, GET and token-bearing ones included, counts
 * towards the per-address limit; the probes do not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes, type ApiRouteName } from '../../../../contract/api.js';
import { buildServer } from '../../../../server/app.js';
import { addressScope, JUNK_ROWS_PER_WINDOW } from '../../../../server/api/junk-audit.js';
import { SqliteStore } from '../../../../server/store/sqlite-store.js';
import { ALAIN, ALAIN_APP, alainCode, createApiHarness, success, type ApiHarness } from '../../../support/api-harness.js';
import { elevatedSession, fastHasher } from '../../../support/api-flows.js';
import { MINUTE } from '../../../support/fake-clock.js';
import { totpCode } from '../../../support/totp.js';

let h: ApiHarness;
const closing: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  await h?.close();
  for (const close of closing.splice(0)) await close();
});

const url = (name: ApiRouteName) => API_PREFIX + apiRoutes[name].path;
const bogusToken = `Bearer ${'A'.repeat(43)}`;

/** Every kind of junk the issue names, in turn. */
const junkKinds: InjectOptions[] = [
  { method: 'POST', url: url('startReset'), payload: { userId: 42 } }, // schema failure
  { method: 'POST', url: url('signIn'), payload: '{"userId": ', headers: { 'content-type': 'application/json' } }, // bad JSON
  { method: 'GET', url: `${API_PREFIX}/nope` }, // 404
  { method: 'GET', url: url('getSecurityInfo') }, // no bearer token
  { method: 'GET', url: url('getSecurityInfo'), headers: { authorization: bogusToken } }, // unknown token
  { method: 'POST', url: url('verifyReset'), payload: { methodId: ALAIN_APP, code: '123456' }, headers: { authorization: bogusToken } }, // unknown reset token
  { method: 'POST', url: url('startReset'), payload: '<userId>alain</userId>', headers: { 'content-type': 'application/xml' } }, // wrong content type
  { method: 'POST', url: url('startReset'), payload: { userId: 'x'.repeat(20_000) } }, // too large
];
const junk = (i: number, remoteAddress = '203.0.113.7'): InjectOptions => ({ ...junkKinds[i % junkKinds.length]!, remoteAddress });

const auditSize = async () => (await h.ctx.store.listAudit()).length;

/** Every support code handed out is in the audit log: the helpdesk finds the row that stands for it. */
async function expectCodesFound(responses: LightMyRequestResponse[]) {
  const codes = new Set(responses.map((r) => (r.json() as { error: { supportCode: string } }).error.supportCode));
  expect([...codes].every((c) => /^[0-9A-F]{10}$/.test(c))).toBe(true);
  const logged = new Set((await h.ctx.store.listAudit()).map((e) => e.supportCode));
  expect([...codes].filter((c) => !logged.has(c))).toEqual([]);
}

describe('junk from one address', () => {
  it('3,000 malformed requests write at most 3 audit rows, and the address is THROTTLED (429, Retry-After) after perAddress.max', async () => {
    h = await createApiHarness();
    const before = await auditSize();
    const responses: LightMyRequestResponse[] = [];
    for (let i = 0; i < 3_000; i++) responses.push(await h.app.inject(junk(i)));
    const max = h.ctx.policy.perAddress.max;
    expect(responses.slice(0, max).every((r) => r.statusCode >= 400 && r.statusCode < 429)).toBe(true);
    const refused = responses.slice(max);
    expect(refused.every((r) => r.statusCode === 429 && (r.json() as { error: { code: string } }).error.code === 'THROTTLED')).toBe(true);
    expect(refused.every((r) => Number(r.headers['retry-after']) > 0)).toBe(true);
    // One row for the malformed ones, one for the unauthorized ones, one for the THROTTLED ones.
    expect((await auditSize()) - before).toBeLessThanOrEqual(3);
    await expectCodesFound(responses);
  }, 60_000);

  it('500 junk requests in parallel stay bounded too, and count towards the limit exactly', async () => {
    h = await createApiHarness({ policy: { perAddress: { max: 200, windowMs: 10 * MINUTE, blockMs: 10 * MINUTE } } });
    const before = await auditSize();
    const responses = await Promise.all(Array.from({ length: 500 }, (_, i) => h.app.inject(junk(i))));
    expect(responses.filter((r) => r.statusCode !== 429)).toHaveLength(200);
    expect((await auditSize()) - before).toBeLessThanOrEqual(3);
    await expectCodesFound(responses);
  });

  it('a new window writes a new row with a new code; within a window every request of a kind gets the same code', async () => {
    h = await createApiHarness();
    const code = async () => ((await h.app.inject(junk(0))).json() as { error: { supportCode: string } }).error.supportCode;
    const first = await code();
    expect(await code()).toBe(first);
    h.clock.advance(10 * MINUTE);
    const next = await code();
    expect(next).not.toBe(first);
    const rows = (await h.ctx.store.listAudit()).filter((e) => e.supportCode === first || e.supportCode === next);
    expect(rows).toEqual([expect.objectContaining({ event: 'api.error', client: '203.0.113.7', supportCode: first }), expect.objectContaining({ supportCode: next })]);
    expect(rows[0]!.detail).toMatch(/^\/api\/v1\/reset BAD_REQUEST; first malformed request from 203\.0\.113\.7 in this window/);
  });

  it('an account blocked by its own limit, hammered: the THROTTLED answers are one row, not one each', async () => {
    h = await createApiHarness({ hasher: fastHasher() });
    for (let i = 0; i < h.ctx.policy.signInFailures.max; i++) await h.call('signIn', { userId: ALAIN, password: `wrong ${i}` });
    const before = await auditSize();
    const replies = await Promise.all(Array.from({ length: 100 }, () => h.call('signIn', { userId: ALAIN, password: 'wrong again' })));
    expect(replies.every((r) => r.status === 429)).toBe(true);
    expect((await auditSize()) - before).toBe(1);
  });

  it('meaningful failures stay one row each (here: a wrong code at reset)', async () => {
    h = await createApiHarness({ hasher: fastHasher() });
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const before = await auditSize();
    for (let i = 0; i < 3; i++) await h.call('verifyReset', { methodId: ALAIN_APP, code: '000000' }, resetToken);
    expect((await auditSize()) - before).toBe(3);
  });
});

describe('junk spread over many addresses', () => {
  it('1,000 junk requests from 1,000 addresses stay within the global budget of rows per window', async () => {
    h = await createApiHarness();
    const before = await auditSize();
    const responses: LightMyRequestResponse[] = [];
    for (let i = 0; i < 1_000; i++) responses.push(await h.app.inject(junk(i, `198.18.${i >> 8}.${i & 255}`)));
    expect(responses.every((r) => r.statusCode >= 400 && r.statusCode < 429)).toBe(true);
    expect((await auditSize()) - before).toBeLessThanOrEqual(JUNK_ROWS_PER_WINDOW + 1);
    await expectCodesFound(responses);
    // The next window has a budget again.
    h.clock.advance(10 * MINUTE);
    const again = await auditSize();
    await h.app.inject(junk(0, '198.51.100.1'));
    expect((await auditSize()) - again).toBe(1);
  }, 60_000);

  it('1,000 addresses of one IPv6 /64, in parallel, are one scope: one per-address limit, one row per kind', async () => {
    h = await createApiHarness();
    const before = await auditSize();
    const responses = await Promise.all(Array.from({ length: 1_000 }, (_, i) => h.app.inject({ ...junkKinds[0]!, remoteAddress: `2001:db8:1:2:${((i * 7919) & 0xffff).toString(16)}::${i.toString(16)}` })));
    // Rotating inside the /64 does not escape the per-address limit (300 by default)…
    expect(responses.filter((r) => r.statusCode === 400)).toHaveLength(h.ctx.policy.perAddress.max);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(1_000 - h.ctx.policy.perAddress.max);
    // …and the audit gets one row for the malformed ones and one for the throttled ones.
    expect((await auditSize()) - before).toBe(2);
    await expectCodesFound(responses);
  });

  it('two instances sharing one SQLite store: the bound holds across them, and they hand out the same code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junk-'));
    closing.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'store.db');
    h = await createApiHarness({ store: await SqliteStore.open(file) });
    const other = await SqliteStore.open(file);
    const second = await buildServer({ ...h.ctx, store: other });
    closing.push(() => second.close(), () => other.close(), () => h.ctx.store.close());
    const before = await auditSize();
    const responses = await Promise.all(Array.from({ length: 400 }, (_, i) => (i % 2 ? second : h.app).inject({ ...junkKinds[0]!, remoteAddress: `192.0.2.${i % 4}` })));
    expect(responses.filter((r) => r.statusCode === 400)).toHaveLength(400);
    expect((await auditSize()) - before).toBe(4);
    const codeOf = (r: LightMyRequestResponse) => (r.json() as { error: { supportCode: string } }).error.supportCode;
    for (let a = 0; a < 4; a++) expect(new Set(responses.filter((_, i) => i % 4 === a).map(codeOf)).size).toBe(1);
    await expectCodesFound(responses);
  });
});

describe('every route counts towards the per-address limit; the probes do not', () => {
  const small = { perAddress: { max: 10, windowMs: 10 * MINUTE, blockMs: 10 * MINUTE } };

  it('a GET route', async () => {
    h = await createApiHarness({ policy: small });
    for (let i = 0; i < 10; i++) success(await h.call('getTenant', {}));
    const refused = await h.call('getTenant', {});
    expect(refused.status).toBe(429);
    // Another address is not affected.
    expect((await h.app.inject({ method: 'GET', url: url('getTenant'), remoteAddress: '198.51.100.9' })).statusCode).toBe(200);
  });

  it('a route with a valid session token', async () => {
    h = await createApiHarness({ policy: small, hasher: fastHasher() });
    const token = await elevatedSession(h, ALAIN); // two requests
    for (let i = 0; i < 8; i++) success(await h.call('getSecurityInfo', {}, token));
    const refused = await h.call('getSecurityInfo', {}, token);
    expect([refused.status, refused.body.ok ? null : refused.body.error.code]).toEqual([429, 'THROTTLED']);
  });

  it('/healthz and /readyz answer a blocked address', async () => {
    h = await createApiHarness({ policy: small });
    for (let i = 0; i < 11; i++) await h.app.inject({ method: 'GET', url: '/nope' });
    expect((await h.app.inject({ method: 'GET', url: '/nope' })).statusCode).toBe(429);
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});

describe("a real user's session stays far under the limit", () => {
  it('sign in, second factor, security info, add an app, rename it, then reset the password: counted', async () => {
    h = await createApiHarness({ hasher: fastHasher() });
    let requests = 0;
    const inject = h.app.inject.bind(h.app);
    h.app.inject = ((options: InjectOptions) => {
      requests++;
      return inject(options);
    }) as typeof h.app.inject;
    // What the app asks for, in order (renderer flows): tenant and policy at launch, then sign-in.
    success(await h.call('getTenant', {}));
    success(await h.call('getPasswordPolicy', {}));
    const token = await h.signIn(ALAIN);
    success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, token));
    success(await h.call('getSecurityInfo', {}, token));
    const setup = success(await h.call('beginAuthenticatorApp', {}, token));
    const added = success(await h.call('confirmAuthenticatorApp', { setupId: setup.setupId, code: await totpCode(setup.secret, h.clock()), name: 'Work phone' }, token));
    success(await h.call('getSecurityInfo', {}, token));
    success(await h.call('renameMethod', { methodId: added.method.id, name: 'Old phone' }, token));
    success(await h.call('getSecurityInfo', {}, token));
    success(await h.call('signOut', {}, token));
    h.clock.advance(30_000); // the next TOTP step, as a person waits for the next code
    const reset = await h.verifiedAlainReset();
    success(await h.call('completeReset', { newPassword: 'purple elephants march quietly' }, reset));
    // 14 requests, against 300 (the default perAddress.max): under a twentieth.
    expect(requests).toBe(14);
    expect(requests * 20).toBeLessThanOrEqual(h.ctx.policy.perAddress.max);
    expect((await h.app.inject({ method: 'GET', url: url('getTenant') })).statusCode).toBe(200);
  });
});

describe('addressScope', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002:ffff::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:db8::1.2.3.4', '2001:db8:0:0::/64'],
  ])('%s → %s', (ip, scope) => {
    expect(addressScope(ip)).toBe(scope);
  });
});
