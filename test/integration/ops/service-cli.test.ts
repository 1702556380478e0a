/**
 * The standalone directory service as IT runs it: `npm run server -- --config FILE` with a
 * SQLite store, a secrets key, TLS; readiness; graceful shutdown; refusal to start without a
 * secrets key; audit export as JSON lines. Real processes, real sockets, a real certificate.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'signin-ops-'));
const key = randomBytes(32).toString('base64');

function writeConfig(name: string, extra: { tls?: boolean } = {}): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      'tenant: { name: Fabrikam, helpdesk: { email: helpdesk@fabrikam.test } }',
      'policy: { methodsEnabled: [authenticatorApp, email] }',
      'directory:',
      '  kind: memory',
      '  users: [{ userId: ana@fabrikam.test, displayName: Ana, groups: [], passwordManaged: true, password: Old-Passw0rd-2026 }]',
      `store: { kind: sqlite, path: ${join(dir, `${name}.db`)} }`,
      'secrets: { keyEnv: TEST_SECRETS_KEY }',
      'notify: { email: { kind: outbox } }',
      `server: { host: 127.0.0.1, port: 0${extra.tls ? `, tls: { certFile: ${join(dir, 'cert.pem')}, keyFile: ${join(dir, 'key.pem')} }` : ''} }`,
    ].join('\n'),
  );
  return path;
}

/** Start the CLI and wait for its "listening on URL" line. */
function startCli(config: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--config', config], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`no "listening" line within 15 s: ${output}`)), 15_000);
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

beforeAll(() => {
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the standalone service', () => {
  it('refuses to start without its secrets key, naming what is missing', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--config', writeConfig('nokey.yaml')], { encoding: 'utf8', env: { ...process.env, TEST_SECRETS_KEY: '' }, timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/TEST_SECRETS_KEY/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it('--demo refuses a host other than loopback: its accounts and password are published', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--demo', '--host', '0.0.0.0', '--port', '0'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--demo serves published demo accounts and listens on loopback only; --host 0.0.0.0 is refused');
  });

  it('--check validates a file and starts nothing; a typo is named with its path', () => {
    const good = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--config', writeConfig('check.yaml'), '--check'], { encoding: 'utf8', timeout: 20_000 });
    expect(good.status).toBe(0);
    const bad = join(dir, 'typo.yaml');
    writeFileSync(bad, `tenant: { name: X, helpdesk: {} }\npolicy: { methodsRequird: 2 }\ndirectory: { kind: memory, users: [] }\nstore: { kind: memory }\n`);
    const refused = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--config', bad, '--check'], { encoding: 'utf8', timeout: 20_000 });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/policy\.methodsRequird/);
  });

  it('serves over TLS, is ready with its SQLite store, exports the audit log, and shuts down gracefully on SIGTERM', async () => {
    const config = writeConfig('tls.yaml', { tls: true });
    const env = { TEST_SECRETS_KEY: key };
    const { child, url } = await startCli(config, env);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        // The certificate is the test's own, self-signed for 127.0.0.1: trust exactly it.
        const req = request(url + path, { ca: readFileSync(join(dir, 'cert.pem')) }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    expect((await get('/healthz')).status).toBe(200);
    // Ready once the warm-up after listening is done (the common-password list, WebAuthn): until
    // then /readyz says 503 and what is still warming up, as a probe polls it.
    let ready = await get('/readyz');
    const deadline = Date.now() + 10_000;
    while (ready.status === 503 && Date.now() < deadline) {
      expect(JSON.parse(ready.body).error.message).toMatch(/^Warming up: /);
      await new Promise((r) => setTimeout(r, 50));
      ready = await get('/readyz');
    }
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body).data.status).toBe('ready');
    // Outside demo mode the outbox route does not exist.
    expect((await get('/api/v1/demo/outbox')).status).toBe(404);

    const gone = exited(child);
    child.kill('SIGTERM');
    expect(await gone).toBe(0);

    // The audit of that run survives in SQLite and exports as JSON lines.
    const exported = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--config', config, '--export-audit'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });
    expect(exported.status, exported.stderr).toBe(0);
    const events = exported.stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; outcome: string });
    expect(events.some((e) => e.event === 'api.error')).toBe(true); // the 404 above was audited
  }, 40_000);
});
