/**
 * The bench's floor (scripts/bench/floor-server.mjs) does the work it claims, so a ratio
 * against it means something: the app's right code is accepted, a wrong one and an unknown
 * reset refused, and every checked attempt is written to its SQLite file.
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
  it('accepts the right code, refuses a wrong one and an unknown reset, answers a blocked one THROTTLED unchecked, writes each checked attempt, and signs in with the right password only', async () => {
    const until = Date.now() + 3_600_000;
    writeFileSync(join(dir, 'fixture.json'), JSON.stringify([{ token: 't-1', secret: SECRET, userId: 'Ana@contoso.example', password: 'Right-Passw0rd!', scryptN: 16 }, { token: 't-blocked', secret: SECRET, blockedUntil: until }]));
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
      expect(await post('t-1', otherCode(code))).toEqual({ status: 400, body: { ok: false, error: { code: 'INVALID_CODE' } } });
      expect((await post('t-unknown', code)).status).toBe(400);
      expect(await post('t-blocked', code)).toEqual({ status: 429, body: { ok: false, error: { code: 'THROTTLED', retryAfter: new Date(until).toISOString() } } });
      const rows = new Database(db, { readonly: true }).prepare('SELECT ok FROM attempts ORDER BY id').all();
      expect(rows).toEqual([{ ok: 1 }, { ok: 0 }]);
      // Sign-in: the right password gets a session (written), a wrong one and an unknown user do not.
      const signIn = async (userId: string, password: string) => {
        const r = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password }) });
        return { status: r.status, body: (await r.json()) as { ok: boolean; data?: { sessionToken: string } } };
      };
      const signedIn = await signIn('ana@contoso.example', 'Right-Passw0rd!');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.data?.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await signIn('ana@contoso.example', 'Wrong-Passw0rd!')).status).toBe(401);
      expect((await signIn('nobody@contoso.example', 'Right-Passw0rd!')).status).toBe(401);
      expect(new Database(db, { readonly: true }).prepare('SELECT user_id FROM sessions').all()).toEqual([{ user_id: 'ana@contoso.example' }]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
