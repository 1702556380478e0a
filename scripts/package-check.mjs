// `npm run package:check`: package the app offline for Linux (`--linux dir`, against a stub
// Electron) and check what went into app.asar — the built code and nothing else.
//   --no-build   use the existing dist/ instead of running scripts/build.mjs first
// Exits non-zero with the reason on the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stubDir = resolve(root, '.ci-tmp', 'electron-stub');
const asarPath = join(root, 'release', 'linux-unpacked', 'resources', 'app.asar');

function fail(reason) {
  console.error(`package:check FAILED: ${reason}`);
  process.exit(1);
}

function run(label, command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) fail(`${label} exited with ${result.status ?? result.signal}`);
}

if (!process.argv.includes('--no-build')) run('build', process.execPath, ['scripts/build.mjs']);
run('stub-electron-dist.sh', 'bash', ['scripts/stub-electron-dist.sh', stubDir]);
// npmRebuild=false: rebuilding keytar for Electron's ABI needs Electron's headers from the
// network. The real packaging job (with network) keeps the rebuild on.
run('electron-builder', 'npx', ['electron-builder', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${stubDir}`, '-c.npmRebuild=false'], {
  SIGNIN_STUB_ELECTRON: '1',
});

if (!existsSync(asarPath)) fail(`no ${asarPath}`);
const entries = asar.listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
const files = new Set(entries);

const required = ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/package.json'];
for (const path of required) if (!files.has(path)) fail(`app.asar lacks ${path}`);
if (!entries.some((path) => /^\/dist\/renderer\/assets\/[^/]+\.js$/.test(path))) fail('app.asar has no /dist/renderer/assets/*.js');

/** What must never ship: source maps, our sources and tests (node_modules' own files aside from maps). */
const forbidden = [
  { why: 'a source map', test: (path) => path.endsWith('.map') },
  { why: 'a test file', test: (path) => path.startsWith('/test/') },
  { why: 'a source file', test: (path) => /^\/(electron|renderer|server|contract|scripts|resources|build)\//.test(path) },
  { why: 'a TypeScript source', test: (path) => !path.startsWith('/node_modules/') && /\.(ts|tsx|mts|cts)$/.test(path) },
  { why: 'a config or secret file', test: (path) => /^\/(\.env|\.npmrc|tsconfig[^/]*\.json|vite\.config\.ts|electron-builder\.yml)$/.test(path) },
];
for (const path of entries) {
  const hit = forbidden.find(({ test }) => test(path));
  if (hit) fail(`app.asar contains ${hit.why}: ${path}`);
}

// The native addons the main bundle leaves external must ship unpacked next to the asar.
const unpacked = join(root, 'release', 'linux-unpacked', 'resources', 'app.asar.unpacked', 'node_modules');
const nativeAddons = ['keytar/build/Release/keytar.node', `@node-rs/argon2-${process.platform}-${process.arch}-gnu/argon2.${process.platform}-${process.arch}-gnu.node`];
for (const addon of nativeAddons) if (!existsSync(join(unpacked, addon))) fail(`app.asar.unpacked lacks the native addon ${addon}`);

const ours = entries.filter((path) => path.startsWith('/dist/'));
/** Top-level package name of a /node_modules/… entry (scoped names keep their scope). */
const packageOf = (path) => {
  const [, , first = '', second = ''] = path.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
};
const modules = new Set(entries.filter((path) => /^\/node_modules\/[^/]+\//.test(path)).map(packageOf));
console.log(`package:check OK: ${asarPath.slice(root.length + 1)} holds ${entries.length} entries; ${ours.length} under /dist; ${modules.size} node_modules packages; no maps, sources or tests.`);
