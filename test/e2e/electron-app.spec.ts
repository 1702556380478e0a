/**
 * The packaged shape of the app in real Electron: a smoke test for machines that have the
 * Electron binary. Where it cannot run (no binary: ELECTRON_SKIP_BINARY_DOWNLOAD, or an
 * offline install) the test is reported as SKIPPED with that reason — never as passed.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { resolveElectronBinary } from '../../scripts/electron-binary.mjs';

const binary = resolveElectronBinary();

test('the Electron app opens on the demo directory, sandboxed, with window.signin only', async () => {
  test.skip(!binary.ok, 'Electron binary not installed on this machine (see README: npm run web runs the same app)');
  if (!binary.ok) return;
  const root = process.cwd();
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--electron-only'], { cwd: root, stdio: 'inherit' });
  expect(build.status).toBe(0);
  const app = await electron.launch({ executablePath: binary.path, args: [root, '--no-sandbox'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('screen-home')).toBeVisible();
    await expect(window.getByRole('note')).toBeVisible(); // the "Demo directory" banner
    const exposed = await window.evaluate('({ signin: typeof window.signin, require: typeof window.require, process: typeof window.process })');
    expect(exposed).toEqual({ signin: 'object', require: 'undefined', process: 'undefined' });
    expect(new URL(window.url()).protocol).toBe('app:');
  } finally {
    await app.close();
  }
});
