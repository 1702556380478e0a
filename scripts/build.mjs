// `npm run build`: the renderer with Vite (→ dist/renderer), then the main process and the
// preload with esbuild (→ dist/electron/*.cjs). No minification and no source maps in the
// packaged files: the asar stays readable for reviewers and carries no sources.
//   --electron-only   skip the renderer (when only electron/** changed, or vite is not set up)
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'electron');
const electronOnly = process.argv.includes('--electron-only');

/**
 * Never bundled: electron is provided by the runtime; keytar and @node-rs/argon2 (the
 * embedded demo directory hashes codes with it) are native addons, shipped asar-unpacked.
 */
export const mainExternals = ['electron', 'keytar', '@node-rs/argon2'];

if (!electronOnly) {
  const vite = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (vite.status !== 0) {
    console.error('build: the renderer build (vite build) failed');
    process.exit(vite.status ?? 1);
  }
}

await rm(outDir, { recursive: true, force: true });

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45's Node
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

try {
  await build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: join(outDir, 'main.cjs'),
    external: mainExternals,
    // Bundled code that uses import.meta.url (ESM-only idiom) gets the bundle's own file URL
    // instead of undefined in CommonJS.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  await build({
    ...common,
    // A sandboxed preload can require only `electron`: everything else must be inlined.
    entryPoints: ['electron/preload/preload.ts'],
    outfile: join(outDir, 'preload.cjs'),
    external: ['electron'],
  });
} catch {
  // esbuild has already printed the errors.
  console.error('build: bundling the Electron main process or preload failed');
  process.exit(1);
}

for (const file of ['main.cjs', 'preload.cjs']) {
  const path = join(outDir, file);
  console.log(`build: ${relative(root, path)}  ${(statSync(path).size / 1024).toFixed(1)} KiB`);
}
