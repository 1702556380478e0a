// The directory service as compiled output: what `npm run server` runs, so a start does not pay
// for tsx transpiling the TypeScript sources every time.
//   node scripts/build-service.mjs            build now
//   import { ensureServiceBuilt } from …      build only when a source is newer than the bundle
// dist/server/cli.cjs is the bundle (CommonJS, one file) and dist/server/cli.mjs, the command,
// is scripts/service-loader.mjs, which runs it with a V8 code cache (why: see that file).
// Packages are bundled too: resolving and loading a few hundred node_modules files was half
// of the start (measured: 2.4 s with packages external, 1.2 s bundled, under load). Native
// addons cannot be bundled and load from node_modules. What a start does not need (WebAuthn,
// nodemailer, the LDAP directories, PostgreSQL, the common-password list) is imported
// dynamically in the sources: in the bundle it is compiled but not run until used, and with
// the code cache its compiling costs next to nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * Build `entry` (default: the service's CLI) into `outdir` with the service's options: the
 * bundle `<name>.cjs` and the command `<name>.mjs` that runs it. A bench builds its own entry
 * next to the service's modules this way, compiled alike. Returns the command's path.
 */
export async function buildService(entry = join(root, 'server', 'cli.ts'), outdir = dirname(serviceBundle)) {
  const name = basename(entry).replace(/\.ts$/, '');
  const bundle = join(outdir, `${name}.cjs`);
  mkdirSync(outdir, { recursive: true });
  // The previous layout's chunks, and caches of earlier builds (named by their bundle's hash).
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  rmSync(join(outdir, `${name}.mjs.map`), { force: true });
  for (const f of readdirSync(outdir)) if (f.startsWith(`${name}.cjs.`) && f.endsWith('.cache')) rmSync(join(outdir, f), { force: true });
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    // CommonJS: V8 keeps a code cache for a script (vm.Script), not for an ES module on node 20.
    format: 'cjs',
    target: 'node20',
    external: serviceExternals,
    sourcemap: 'linked', // stack traces in the service's logs point at the TypeScript sources
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
  const command = join(outdir, `${name}.mjs`);
  // Written last: its time is the build's (serviceBuildIsStale compares against it).
  writeFileSync(command, readFileSync(join(root, 'scripts', 'service-loader.mjs'), 'utf8').replace("'__BUNDLE_HASH__'", `'${hash}'`));
  return command;
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
    const bundle = serviceBundle.replace(/\.mjs$/, '.cjs');
    console.log(`build: ${relative(root, serviceBundle)} → ${relative(root, bundle)}  ${(statSync(bundle).size / 1024).toFixed(1)} KiB`);
  } catch {
    console.error('build: bundling the directory service failed (esbuild printed why)');
    process.exit(1);
  }
}
