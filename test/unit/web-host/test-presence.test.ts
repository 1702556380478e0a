/**
 * The web host's presence check: none by default (a browser has no OS prompt, so this device
 * cannot be an authenticator), and `--test-presence`, a test boundary that fakes only the OS
 * prompt's answer, refused unless the embedded demo directory runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryVault } from '../../../electron/core/vault/memory-vault.js';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../electron/web-host/web-host.js';
import { fakeOsPresencePrompt } from '../../../electron/web-host/test-presence.js';
import { closedPort } from '../../support/http-doubles.js';

let dir: string;
let host: WebHost | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-host-presence-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Sign-in Helper</title>');
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  await rm(dir, { recursive: true, force: true });
});

const options = (extra: Partial<WebHostOptions> = {}): WebHostOptions => ({
  rendererDir: dir,
  version: '1.0.0',
  systemLocale: 'en-US',
  userPrefsPath: join(dir, 'prefs.json'),
  vault: new MemoryVault(),
  log: () => undefined,
  ...extra,
});

async function status(h: WebHost): Promise<unknown> {
  const reply = await fetch(`http://127.0.0.1:${new URL(h.origin).port}/ipc/thisDevice.getStatus`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return reply.json();
}

describe('the web host without the test boundary', () => {
  it('has no presence check: this device is not offered as an authenticator', async () => {
    host = await startWebHost(options({ overrides: { directoryUrl: `http://127.0.0.1:${await closedPort()}` } }));
    expect(await status(host)).toEqual({ ok: true, data: { available: false, reason: 'presenceUnavailable' } });
  });
});

describe('--test-presence', () => {
  it('is refused with a configured directory (it must never stand in for a real person)', async () => {
    await expect(startWebHost(options({ overrides: { directoryUrl: `http://127.0.0.1:${await closedPort()}` }, testPresence: 'success' }))).rejects.toThrow(/only with the embedded demo/);
  });

  it('with the embedded demo: the OS prompt is faked, so the feature is available', async () => {
    host = await startWebHost(options({ testPresence: 'success' }));
    expect(await status(host)).toEqual({ ok: true, data: { available: true, reason: 'ok' } });
  });

  it('fakes only the prompt: available, and the answer it was given', async () => {
    expect(await fakeOsPresencePrompt('cancelled').isAvailable()).toBe(true);
    expect(await fakeOsPresencePrompt('cancelled').confirm('x')).toBe('cancelled');
    expect(await fakeOsPresencePrompt('success').confirm('x')).toBe('success');
  });

  it.each([
    ['an answer outside success|cancelled', ['--test-presence=maybe'], /must be one of success, cancelled/],
    ['together with --directory-url', ['--test-presence=success', '--directory-url', 'https://sspr.example.com'], /only with the embedded demo/],
  ])('the CLI refuses it %s, before starting anything', (_label, args, message) => {
    const root = resolve(import.meta.dirname, '..', '..', '..');
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron', 'web-host', 'cli.ts'), ...args], { encoding: 'utf8', timeout: 20_000, cwd: root });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(message);
  });
});
