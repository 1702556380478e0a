import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Build the renderer with Vite when dist/renderer is missing or older than its sources. */
export function ensureRendererBuilt(root: string, say: (line: string) => void): string {
  const out = join(root, 'dist', 'renderer');
  const index = join(out, 'index.html');
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'contract')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return out;
  say('Building the renderer (vite build)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The renderer build failed (see above).');
  return out;
}
