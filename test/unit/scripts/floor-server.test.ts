/**
 * The bench's floor (scripts/bench/floor-server.mjs) does the work it claims, so a ratio
 * against it means something: the app's right code is accepted once, a wrong one and an unknown
 * reset refused, each write lands in its SQLite file, a reset starts for a user with a method
 * only, and a new password needs a verified reset, meets the length rule and ends the reset.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherCode } from '../../support/api-flows.js';
import { totpCode } from '../../support/totp.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const dir = mkdtempSync(join(tmpdir(), 'floor-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bench floor', () => {
  it('accepts the right code once, refuses a wrong one and an unknown reset, answers a blocked one THROTTLED unchecked, writes what it checked, starts resets, sets a new password on a verified reset only, and signs in with the right password only', async () => {
    const until = Date.now() + 3_600_000;
    writeFileSync(join(dir, 'fixture.json'), JSON.stringify([{ token: 't-1', methodId: 'm-1', secret: SECRET, userId: 'Ana@contoso.example', password: 'Right-Passw0rd!', scryptN: 16 }, { token: 't-blocked', secret: SECRET, blockedUntil: until }]));
    const db = join(dir, 'floor.db');
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../../scripts/bench/floor-server.mjs'), join(dir, 'fixture.json'), db], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve) => child.stdout.on('data', (c: Buffer) => /listening on (\S+)/.test(c.toString()) && resolve(/listening on (\S+)/.exec(c.toString())![1]!)));
      const post = async (token: string, code: string) => {
        const r = await fetch(`${url}/api/v1/reset/verify`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
        return { status: r.status, body: (await r.json()) as { ok: boolean; error?: { code: string } } };
      };
      const code = await totpCode(SECRET, Date.now());
      expect(await post('t-1', code)).toEqual({ status: 200, body: { ok: true, data: { complete: true } } });
      // The same code again on that reset: used (its one write recorded the step).
      expect(await post('t-1', code)).toEqual({ status: 400, body: { ok: false, error: { code: 'INVALID_CODE' } } });
      expect(await post('t-1', otherCode(code))).toEqual({ status: 400, body: { ok: false, error: { code: 'INVALID_CODE' } } });
      expect((await post('t-unknown', code)).status).toBe(400);
      expect(await post('t-blocked', code)).toEqual({ status: 429, body: { ok: false, error: { code: 'THROTTLED', retryAfter: new Date(until).toISOString() } } });
      const read = new Database(db, { readonly: true });
      expect(read.prepare('SELECT ok FROM attempts ORDER BY id').all()).toEqual([{ ok: 0 }]);
      // The step of the code accepted (this one or, across a step's edge, the one before).
      const { verified_step: step } = read.prepare("SELECT verified_step FROM resets WHERE token = 't-1'").get() as { verified_step: number };
      expect([Math.floor(Date.now() / 30_000) - 1, Math.floor(Date.now() / 30_000)]).toContain(step);

      // A reset start: the user's methods and a new reset; an unknown user has none.
      const api = async (path: string, body: unknown, token?: string) => {
        const r = await fetch(`${url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
        return { status: r.status, body: (await r.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } } };
      };
      const started = await api('/reset', { userId: 'ana@contoso.example' });
      expect(started.status).toBe(200);
      expect(started.body.data).toMatchObject({ required: 1, methods: [{ id: 'm-1', type: 'authenticatorApp', label: 'Phone' }] });
      expect((await api('/reset', { userId: 'nobody@contoso.example' })).status).toBe(404);
      const token = started.body.data!.resetToken as string;
      // A new password before the code is refused; after it, too short is refused, a long one ends the reset.
      expect((await api('/reset/password', { newPassword: 'Long-Enough-Passw0rd' }, token)).status).toBe(403);
      expect((await post(token, code)).status).toBe(200);
      expect((await api('/reset/password', { newPassword: 'short' }, token)).status).toBe(400);
      expect(await api('/reset/password', { newPassword: 'Long-Enough-Passw0rd' }, token)).toMatchObject({ status: 200, body: { ok: true } });
      expect((await api('/reset/password', { newPassword: 'Another-Passw0rd-1' }, token)).status).toBe(403);
      // Sign-in: the right password gets a session (written), a wrong one and an unknown user do not.
      const signIn = async (userId: string, password: string) => {
        const r = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password }) });
        return { status: r.status, body: (await r.json()) as { ok: boolean; data?: { sessionToken: string } } };
      };
      // The reset above changed Ana's password: the old one no longer signs in.
      expect((await signIn('ana@contoso.example', 'Right-Passw0rd!')).status).toBe(401);
      const signedIn = await signIn('ana@contoso.example', 'Long-Enough-Passw0rd');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.data?.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await signIn('ana@contoso.example', 'Wrong-Passw0rd!')).status).toBe(401);
      expect((await signIn('nobody@contoso.example', 'Long-Enough-Passw0rd')).status).toBe(401);
      expect(new Database(db, { readonly: true }).prepare('SELECT user_id FROM sessions').all()).toEqual([{ user_id: 'ana@contoso.example' }]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
