/**
 * The service as `npm run server` runs it: the compiled bundle (dist/server/cli.mjs), not the
 * TypeScript sources. A bundler can change how a package loads (a CommonJS package imported
 * dynamically gave the bundle only `default`, and every password check answered 500 there
 * while tsx was fine), so what each lazily loaded part does is checked on the bundle itself:
 * the warm-up logs no failure, and the password check — the common-password list — answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServiceBuilt } from '../../../scripts/build-service.mjs';

let child: ChildProcess | undefined;
let url = '';
let output = '';

beforeAll(async () => {
  const bundle = await ensureServiceBuilt(() => undefined);
  expect(bundle).toBe(join(process.cwd(), 'dist', 'server', 'cli.mjs'));
  child = spawn(process.execPath, [bundle, '--demo', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`the bundle exited ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`no "listening" line within 20 s: ${output}`)), 20_000);
  });
  // Ready: the warm-up (the common-password list, WebAuthn) has settled.
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    if ((await fetch(`${url}/readyz`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`/readyz never answered 200: ${output}`);
}, 60_000);

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('the built service (dist/server/cli.mjs)', () => {
  it('warms up without a failure', () => {
    expect(output).not.toMatch(/warm-up of .* failed/);
  });

  it('checks a new password against the common-password list', async () => {
    const check = async (newPassword: string) => {
      const r = await fetch(`${url}/api/v1/password-policy/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ newPassword }) });
      return { status: r.status, body: (await r.json()) as { ok: boolean; data?: { verdict: string; rule?: string } } };
    };
    expect(await check('Quiet-Harbor-Lantern-42')).toEqual({ status: 200, body: { ok: true, data: { verdict: 'ok' } } });
    const common = await check('Password123!');
    expect(common.status).toBe(200);
    expect(common.body.data).toMatchObject({ verdict: 'refused' });
  });
});
