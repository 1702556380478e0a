/**
 * kill -9 the directory service during a burst of registrations: after a restart every
 * registration it acknowledged (HTTP 200) is there, and the database passes its integrity
 * check. A real service process, real HTTP, a real SQLite file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite-store.js';

const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'signin-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USERS = 80;
const KILL_AFTER = 30;
const env = { ...process.env, CRASH_TEST_KEY: randomBytes(32).toString('base64') };
const dbPath = join(dir, 'service.db');
const config = join(dir, 'service.yaml');
writeFileSync(
  config,
  [
    'tenant: { name: Crash, helpdesk: {} }',
    'policy: { methodsEnabled: [authenticatorApp] }',
    'directory:',
    '  kind: memory',
    '  users:',
    ...Array.from({ length: USERS }, (_, i) => `    - { userId: u${i}@crash.test, displayName: U${i}, groups: [], passwordManaged: true, password: Crash-Passw0rd-${i} }`),
    `store: { kind: sqlite, path: ${dbPath} }`,
    'secrets: { keyEnv: CRASH_TEST_KEY }',
    'server: { port: 0 }',
  ].join('\n'),
);

function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--config', config], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const seen = (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`service exited ${code}: ${out}`)));
  });
}

async function post(url: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data: Record<string, unknown> } };
}

/** One user's registration of an authenticator app; the method id once the service acknowledged it. */
async function register(url: string, i: number): Promise<string> {
  const session = await post(url, '/sessions', { userId: `u${i}@crash.test`, password: `Crash-Passw0rd-${i}` });
  const token = session.body.data.sessionToken as string;
  const setup = (await post(url, '/security-info/authenticator-app', {}, token)).body.data as { setupId: string; secret: string };
  const code = await generate({ secret: setup.secret });
  const done = await post(url, '/security-info/authenticator-app/confirm', { setupId: setup.setupId, code, name: `App ${i}` }, token);
  if (done.status !== 200) throw new Error(`not acknowledged: ${JSON.stringify(done.body)}`);
  return (done.body.data.method as { id: string }).id;
}

describe('crash safety of the service', () => {
  it('after kill -9 mid-burst and a restart, every acknowledged registration is there and the file is intact', async () => {
    const { child, url } = await start();
    const acknowledged: { user: number; id: string }[] = [];
    const died = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Four clients at a time; the service is killed once KILL_AFTER registrations were acknowledged.
    let next = 0;
    const worker = async () => {
      while (next < USERS) {
        const i = next++;
        try {
          acknowledged.push({ user: i, id: await register(url, i) });
          if (acknowledged.length === KILL_AFTER) child.kill('SIGKILL');
        } catch {
          return; // the service is gone: requests in flight fail, they were never acknowledged
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(await died).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(USERS); // killed mid-burst, not after it

    const store = SqliteStore.open(dbPath);
    try {
      expect(store.integrityCheck()).toBe('ok');
      for (const { user, id } of acknowledged) {
        expect((await store.listMethods(`u${user}@crash.test`)).map((m) => m.id)).toContain(id);
      }
    } finally {
      await store.close();
    }
    // And the service starts again on that file and is ready.
    const again = await start();
    // Ready once its warm-up after listening is done: poll, as a readiness probe does.
    let ready = await fetch(`${again.url}/readyz`);
    for (const deadline = Date.now() + 10_000; ready.status === 503 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
      ready = await fetch(`${again.url}/readyz`);
    }
    expect(ready.status).toBe(200);
    again.child.kill('SIGTERM');
    await new Promise((resolve) => again.child.once('exit', resolve));
  }, 60_000);
});
