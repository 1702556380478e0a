/**
 * Audit events and the service's log never contain a password, a code, a TOTP secret or a
 * token (POLICY.md "never a secret or a code"). Canary values go in through every route that
 * takes one; then the whole audit log and every pino line are searched for them.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../contract/api.js';
import { serviceLoggerOptions } from '../../../server/app.js';
import { ALAIN, ALAIN_APP, DEMO_TOTP_SECRET, MEGAN, alainCode, createApiHarness, success, type ApiHarness } from '../../support/api-harness.js';
import { totpCode } from '../../support/totp.js';

const CANARY_PASSWORD = 'Canary-Pass-123!';
const CANARY_NEW_PASSWORD = 'Canary-NewPass-456!';
const CANARY_SHORT = 'Cnry-1!';
const CANARY_CODE = '864209';

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

let h: ApiHarness;
/** Every secret value that went over the wire during the scenario. */
const secrets: string[] = [CANARY_PASSWORD, CANARY_NEW_PASSWORD, CANARY_SHORT, DEMO_TOTP_SECRET];
const codes: string[] = [CANARY_CODE];

beforeAll(async () => {
  h = await createApiHarness({ logger: { ...serviceLoggerOptions('trace'), stream } });
  const remember = (token: string) => (secrets.push(token), token);

  // Sign-ins: a wrong password, then the right one and a wrong and a right second factor.
  await h.call('signIn', { userId: ALAIN, password: CANARY_PASSWORD });
  const alain = remember(await h.signIn(ALAIN));
  await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: CANARY_CODE }, alain);
  const right = await alainCode(h);
  codes.push(right);
  success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: right }, alain));
  // Registration: the new secret and its code.
  const megan = remember(await h.signIn(MEGAN));
  const setup = success(await h.call('beginAuthenticatorApp', {}, megan));
  secrets.push(setup.secret, setup.setupId);
  await h.call('confirmAuthenticatorApp', { setupId: setup.setupId, code: CANARY_CODE, name: 'Phone' }, megan);
  const setupCode = await totpCode(setup.secret, h.clock());
  codes.push(setupCode);
  success(await h.call('confirmAuthenticatorApp', { setupId: setup.setupId, code: setupCode, name: 'Phone' }, megan));
  // Reset: wrong code, right code, refused and accepted new passwords.
  h.clock.advance(30_000);
  const reset = remember(success(await h.call('startReset', { userId: ALAIN })).resetToken);
  await h.call('verifyReset', { methodId: ALAIN_APP, code: CANARY_CODE }, reset);
  const resetCode = await alainCode(h);
  codes.push(resetCode);
  success(await h.call('verifyReset', { methodId: ALAIN_APP, code: resetCode }, reset));
  await h.call('completeReset', { newPassword: CANARY_SHORT }, reset);
  success(await h.call('completeReset', { newPassword: CANARY_NEW_PASSWORD }, reset));
  // Malformed and unknown requests carrying secrets: the error paths log and audit too.
  await h.app.inject({ method: 'POST', url: `${API_PREFIX}/sessions`, payload: `{"userId":"x","password":"${CANARY_PASSWORD}"`, headers: { 'content-type': 'application/json' } });
  await h.app.inject({ method: 'POST', url: `${API_PREFIX}/sessions`, payload: { userId: ALAIN, password: CANARY_PASSWORD, extra: CANARY_PASSWORD } });
  await h.app.inject({ method: 'GET', url: `${API_PREFIX}/nope?password=${encodeURIComponent(CANARY_PASSWORD)}` });
});
afterAll(() => h.close());

const notDigitBounded = (code: string) => new RegExp(`(?<![0-9])${code}(?![0-9])`);

describe('secrets stay out of the audit log', () => {
  it('the scenario was audited at all (the check below is not vacuous)', async () => {
    const events = (await h.ctx.store.listAudit()).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['signIn', 'secondFactor', 'registration.add.authenticatorApp', 'reset.verify', 'reset.password', 'api.error']));
  });

  it('no password, TOTP secret, setup id or token', async () => {
    const audit = JSON.stringify(await h.ctx.store.listAudit());
    for (const secret of secrets) expect(audit).not.toContain(secret);
  });

  it('no code, right or wrong', async () => {
    const audit = JSON.stringify(await h.ctx.store.listAudit());
    for (const code of codes) expect(audit).not.toMatch(notDigitBounded(code));
  });
});

describe('secrets stay out of the pino log (level trace, with the service\'s logger options)', () => {
  it('the log captured the requests (the check below is not vacuous)', () => {
    // One record per request (16 in the scenario above), each with its path.
    expect(lines.filter((l) => l.includes('"request completed"')).length).toBeGreaterThanOrEqual(15);
    expect(lines.join('')).toContain('/api/v1/reset/password');
  });

  it('no password, TOTP secret, setup id, token or code in any line — not even from a query string', () => {
    const log = lines.join('');
    for (const secret of secrets) expect(log).not.toContain(secret);
    for (const code of codes) expect(log).not.toMatch(notDigitBounded(code));
  });
});
