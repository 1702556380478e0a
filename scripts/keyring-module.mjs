/**
 * keytar, the OS keyring module, is an optional dependency: on a machine without libsecret's
 * headers (and without GitHub for its prebuilt binary) its build fails and npm REMOVES it,
 * so `npm rebuild keytar` has nothing to rebuild. This module checks it and brings it back:
 * build deps first (apt, as root or with sudo), then `npm install --no-save keytar@<lock's
 * version>`, which adds keytar and node-addon-api and leaves package.json, package-lock.json
 * and the rest of node_modules alone (measured: ~9 s).
 * Used by `npm run keyring:build` and by `npm test` before its integration phase.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall } from './apt-install.mjs';
import { buildDeps } from './system-deps.mjs';

/** keytar's version pinned by package-lock.json, so bringing it back installs what `npm ci` would have. */
export function keytarVersionFromLock(lockText) {
  const version = JSON.parse(lockText).packages?.['node_modules/keytar']?.version;
  if (typeof version !== 'string') throw new Error('package-lock.json has no entry for node_modules/keytar');
  return version;
}

/**
 * Can keytar load from `root`? Asked in a child process so a failed native load leaves this
 * process clean, and so the answer is the one the app will get.
 * @returns {{ ok: true } | { ok: false, installed: boolean, reason: string }}
 */
export function checkKeytar(root) {
  const r = spawnSync(process.execPath, ['-e', "require('keytar')"], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0) return { ok: true };
  const reason = (r.stderr ?? '').split('\n').find((line) => /Error/.test(line))?.trim() ?? 'it did not load';
  return { ok: false, installed: existsSync(join(root, 'node_modules', 'keytar', 'package.json')), reason };
}

/**
 * The npm command that brings keytar back: rebuild it where npm kept it (its native module
 * failed to load), install the lock's version where npm removed it.
 * @param {{ installed: boolean, version: string }} state
 */
export function restoreCommand({ installed, version }) {
  return installed
    ? ['rebuild', 'keytar']
    : ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `keytar@${version}`];
}

/** What keytar's source build needs on Linux (libsecret through pkg-config, a C++ toolchain). */
export function missingBuildTools() {
  if (process.platform !== 'linux') return [];
  const ok = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  const onPath = (cmd) => ok('sh', ['-c', `command -v ${cmd}`]);
  const missing = [];
  if (!onPath('pkg-config') || !ok('pkg-config', ['--exists', 'libsecret-1'])) missing.push('libsecret-1-dev', 'pkg-config');
  if (!onPath('python3')) missing.push('python3');
  if (!onPath('make')) missing.push('make');
  if (!onPath('g++')) missing.push('g++');
  return missing.filter((p) => buildDeps.debian.includes(p));
}

/**
 * Make keytar loadable in `root`, or say in one line why it cannot be.
 * @param {string} root
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {{ ok: true, changed: boolean } | { ok: false, line: string }}
 */
export function bringKeytarBack(root, { log = console.log } = {}) {
  const before = checkKeytar(root);
  if (before.ok) return { ok: true, changed: false };
  const why = 'keytar (the OS keyring module)';

  const missing = missingBuildTools();
  if (missing.length) {
    const line = aptInstall(missing, { why: `${why} needs its build tools`, log });
    if (line) return { ok: false, line };
    const still = missingBuildTools();
    if (still.length) return { ok: false, line: `${why}: after apt-get, its build still lacks ${still.join(' ')} (libsecret is found through pkg-config: is PKG_CONFIG_LIBDIR or PKG_CONFIG_PATH set?)` };
  }

  const args = restoreCommand({ installed: before.installed, version: keytarVersionFromLock(readFileSync(join(root, 'package-lock.json'), 'utf8')) });
  log(`${why} ${before.installed ? 'cannot load' : 'is not installed'}: npm ${args.join(' ')}…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  const after = checkKeytar(root);
  if (after.ok) return { ok: true, changed: true };
  return { ok: false, line: `${why} still does not load after npm ${args[0]} (exit ${r.status ?? r.signal}): ${after.reason}` };
}
