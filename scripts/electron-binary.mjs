// Where is the Electron executable, without triggering electron's lazy download?
// `require('electron')` in electron >= 45 tries to download the binary when it is missing,
// prints "Downloading Electron binary..." and then throws — noisy and slow offline. This
// module repeats its lookup (node_modules/electron/path.txt → dist/<path>, or
// ELECTRON_OVERRIDE_DIST_PATH) and only reports; it never downloads.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Why Electron cannot run here, for callers that report it (`npm start` itself falls back to the web host: start-plan.mjs). */
export const ELECTRON_UNAVAILABLE_MESSAGE =
  "Electron can't start on this machine (its binary is not installed). Run the same app in your browser instead: npm run web";

/**
 * @param {{ electronDir?: string, env?: NodeJS.ProcessEnv, exists?: (p: string) => boolean, readText?: (p: string) => string }} [options]
 * @returns {{ ok: true, path: string } | { ok: false, message: string }}
 */
export function resolveElectronBinary(options = {}) {
  const exists = options.exists ?? existsSync;
  const readText = options.readText ?? ((p) => readFileSync(p, 'utf8'));
  const env = options.env ?? process.env;
  const electronDir = options.electronDir ?? findElectronDir();
  if (!electronDir) return { ok: false, message: ELECTRON_UNAVAILABLE_MESSAGE };

  const pathFile = join(electronDir, 'path.txt');
  const relative = exists(pathFile) ? readText(pathFile).trim() : '';
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? join(electronDir, 'dist', relative)
      : '';
  if (!candidate || !exists(candidate)) return { ok: false, message: ELECTRON_UNAVAILABLE_MESSAGE };
  return { ok: true, path: candidate };
}

/** node_modules/electron of this project, or undefined when the package is not installed. */
function findElectronDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}
