/**
 * The web host carries IPC over HTTP on loopback: every call needs the per-launch token, the
 * Host header must name this origin (DNS rebinding), a foreign Origin is refused, it listens on
 * 127.0.0.1 only, and pages go out with the CSP. The directory is a closed loopback port, so
 * no embedded demo starts and IPC answers come from the core's own checks.
 */
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorInfoSchema } from '../../../contract/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/csp.js';
import { MemoryVault } from '../../../electron/core/vault/memory-vault.js';
import { startWebHost, type WebHost } from '../../../electron/web-host/web-host.js';
import { closedPort } from '../../support/http-doubles.js';

let dir: string;
let host: WebHost;
let port: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-host-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Sign-in Helper</title><div id="root"></div>');
  host = await startWebHost({
    rendererDir: dir,
    version: '1.2.3',
    systemLocale: 'en-US',
    userPrefsPath: join(dir, 'prefs.json'),
    overrides: { directoryUrl: `http://127.0.0.1:${await closedPort()}` },
    vault: new MemoryVault(),
    log: () => undefined,
  });
  port = Number(new URL(host.origin).port);
});
afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}
/** A raw HTTP request (node:http lets the test set Host and Origin as an attacker could). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; address?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: options.address ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `localhost:${port}`, ...options.headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const ipc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/ipc/${channel}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...headers } });
const errorCode = (reply: Reply) => errorInfoSchema.parse((JSON.parse(reply.text) as { error: unknown }).error).code;

describe('the per-launch token', () => {
  it('the URL to open carries the token in the fragment, on localhost', () => {
    expect(host.url).toBe(`http://localhost:${port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(43);
  });

  it('no token → 401 UNAUTHORIZED', async () => {
    const reply = await ipc('app.getInfo', {}, { authorization: '' });
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('UNAUTHORIZED');
  });

  it.each([
    ['a wrong token of the same length', () => `Bearer ${'A'.repeat(host.token.length)}`],
    ['a prefix of the token', () => `Bearer ${host.token.slice(0, 10)}`],
    ['the token without "Bearer"', () => host.token],
  ])('%s → 401 UNAUTHORIZED', async (_label, auth) => {
    const reply = await ipc('app.getInfo', {}, { authorization: auth() });
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('UNAUTHORIZED');
  });

  it('the right token → the core answers (app info, web host)', async () => {
    const reply = await ipc('app.getInfo', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, data: { host: 'web', version: '1.2.3' } });
  });
});

describe('who may talk to it', () => {
  it.each(['evil.example', `evil.example:${port}`, 'localhost:1', `192.0.2.2:${port}`])('Host %s (DNS rebinding) → refused, no IPC runs', async (hostHeader) => {
    const reply = await ipc('app.getInfo', {}, { host: hostHeader });
    expect(reply.status).toBe(421);
    expect(errorCode(reply)).toBe('FORBIDDEN_SENDER');
    expect(reply.text).not.toContain('1.2.3');
  });

  it('Host 127.0.0.1:<port> is accepted as the same origin', async () => {
    expect((await ipc('app.getInfo', {}, { host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it.each(['https://evil.example', `http://localhost:${port + 1}`, 'null'])('a foreign Origin %s → 403 FORBIDDEN_SENDER, even with the token', async (origin) => {
    const reply = await ipc('app.getInfo', {}, { origin });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('FORBIDDEN_SENDER');
  });

  it('its own Origin is accepted', async () => {
    expect((await ipc('app.getInfo', {}, { origin: host.origin })).status).toBe(200);
  });
});

describe('listening on loopback only', () => {
  it('answers on 127.0.0.1', async () => {
    expect((await send('/')).status).toBe(200);
  });

  const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  it.skipIf(!external)(`refuses connections on a non-loopback address of this machine (${external?.address ?? 'none: this machine has no non-loopback IPv4, check skipped'})`, async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external!.address, port }, () => (socket.destroy(), resolve('connected')));
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});

describe('pages and malformed IPC', () => {
  it('serves index.html with the Content-Security-Policy and nosniff', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Sign-in Helper');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['an unknown channel', 'nope.nothing', {}],
    ['a wrong type', 'session.signIn', { userId: 5, password: 'x' }],
    ['an extra field', 'app.getInfo', { sessionToken: 'x' }],
    ['a missing field', 'reset.start', {}],
    ['a text/plain body', 'reset.start', 'hello'],
  ])('%s → typed BAD_REQUEST', async (_label, channel, body) => {
    const reply = await ipc(channel, body, typeof body === 'string' ? { 'content-type': 'text/plain' } : {});
    expect(reply.status).toBeLessThan(500);
    expect(errorCode(reply)).toBe('BAD_REQUEST');
  });

  it.each([
    ['broken JSON', '{"userId":', 'application/json'],
    ['a body over 64 KB', JSON.stringify({ userId: 'x'.repeat(70_000) }), 'application/json'],
  ])('%s → typed 4xx BAD_REQUEST, never a 5xx', async (_label, body, type) => {
    const reply = await ipc('reset.start', body, { 'content-type': type });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(errorCode(reply)).toBe('BAD_REQUEST');
  });
});

describe('main → page events (server-sent, behind the token)', () => {
  /** Open the stream and collect its text until `until` matches. */
  function stream(headers: Record<string, string>): Promise<{ status: number; text: () => string; close: () => void; ended: Promise<void> }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/events', headers: { host: `localhost:${port}`, ...headers } }, (res) => {
        let text = '';
        const ended = new Promise<void>((r) => res.on('end', () => r()));
        res.on('data', (c: Buffer) => (text += String(c)));
        resolve({ status: res.statusCode ?? 0, text: () => text, close: () => req.destroy(), ended });
      });
      req.on('error', reject);
      req.end();
    });
  }
  const until = async (get: () => string, pattern: RegExp) => {
    for (let i = 0; i < 100 && !pattern.test(get()); i++) await new Promise((r) => setTimeout(r, 20));
    return get();
  };

  it('without the token: 401, no stream', async () => {
    const s = await stream({});
    expect(s.status).toBe(401);
    s.close();
  });

  it('with the token: a navigation and a wipe arrive as their contract events, in order', async () => {
    const s = await stream({ authorization: `Bearer ${host.token}` });
    expect(s.status).toBe(200);
    await until(s.text, /connected/);
    host.navigate({ flow: 'reset', userId: 'alain' });
    host.wipe('lockScreenDone');
    const text = await until(s.text, /session\.wiped/);
    expect(text).toContain('event: app.navigate\ndata: {"flow":"reset","userId":"alain"}\n\n');
    expect(text.indexOf('app.navigate')).toBeLessThan(text.indexOf('session.wiped'));
    expect(text).toContain('event: session.wiped\ndata: {"reason":"lockScreenDone"}\n\n');
    s.close();
  });

  it('closing the host ends open streams (a stream never holds the host open)', async () => {
    const s = await stream({ authorization: `Bearer ${host.token}` });
    await until(s.text, /connected/);
    await host.close();
    await s.ended;
    host = await startWebHost({ rendererDir: dir, version: '1.2.3', systemLocale: 'en-US', userPrefsPath: join(dir, 'prefs.json'), overrides: { directoryUrl: `http://127.0.0.1:${await closedPort()}` }, vault: new MemoryVault(), log: () => undefined });
  });
});
