// The directory service as compiled output (dist/server/cli.mjs): what `npm run server` runs,
// so a start does not pay for tsx transpiling the TypeScript sources every time.
//   node scripts/build-service.mjs            build now
//   import { ensureServiceBuilt } from …      build only when a source is newer than the bundle
// Packages are bundled too: resolving and loading a few hundred node_modules files was half
// of the start (measured: 2.4 s with packages external, 1.2 s bundled, under load). Native
// addons cannot be bundled and load from node_modules. The lazy parts are split into chunks
// (dist/server/chunks/): the start compiles only what it runs.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Native addons (and pg's optional native binding): loaded from node_modules at run time. */
export const serviceExternals = ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'keytar'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serviceBundle = join(root, 'dist', 'server', 'cli.mjs');
/** What the service is built from: its sources and the contract they share with the app. */
const sourceDirs = ['server', 'contract'].map((d) => join(root, d));

function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (/\.(ts|json|yaml|sql)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the bundle is missing or older than a source file (or package-lock.json). */
export function serviceBuildIsStale() {
  if (!existsSync(serviceBundle)) return true;
  const built = statSync(serviceBundle).mtimeMs;
  const lock = join(root, 'package-lock.json');
  return sourceDirs.some((d) => newestSourceMs(d) > built) || (existsSync(lock) && statSync(lock).mtimeMs > built);
}

/**
 * Build `entry` (default: the service's CLI) into `outdir` with the service's options. A
 * bench builds its own entry next to the service's modules this way, compiled alike.
 */
export async function buildService(entry = join(root, 'server', 'cli.ts'), outdir = dirname(serviceBundle)) {
  // Chunks are named by content hash: the previous build's would pile up.
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: [entry],
    outdir,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    // What a start does not need (WebAuthn, nodemailer, the LDAP directories, PostgreSQL, the
    // common-password list) is imported dynamically in the sources: with splitting each lands
    // in a chunk of its own, which is neither read nor compiled until it is used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: serviceExternals,
    sourcemap: 'linked', // stack traces in the service's logs point at the TypeScript sources
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    // Bundled CommonJS packages call require() for node built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return join(outdir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
}

/** Build when stale; say so in one line, since it takes a moment. */
export async function ensureServiceBuilt(log = (m) => console.error(m)) {
  if (!serviceBuildIsStale()) return serviceBundle;
  const started = Date.now();
  await buildService();
  log(`build: ${relative(root, serviceBundle)} (${Date.now() - started} ms, sources changed)`);
  return serviceBundle;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildService();
    console.log(`build: ${relative(root, serviceBundle)}  ${(statSync(serviceBundle).size / 1024).toFixed(1)} KiB`);
  } catch {
    console.error('build: bundling the directory service failed (esbuild printed why)');
    process.exit(1);
  }
}
