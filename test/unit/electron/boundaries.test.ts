import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Security regression: the dangerous Electron APIs stay in the one file each is allowed in. */
const root = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

const files = ['electron', 'renderer', 'server', 'contract'].flatMap(sources);
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const using = (pattern: RegExp) => files.filter((file) => pattern.test(read(file))).sort();
/** Matches `import { …name… } from 'electron'` (comments that mention the name don't count). */
const importsFromElectron = (name: string) => new RegExp(`import\\s*(type\\s*)?\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"]electron['"]|\\.${name}\\.`);

describe('Electron API boundaries', () => {
  it("only electron/main and electron/preload import 'electron'", () => {
    const importers = using(/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/);
    expect(importers.filter((file) => !/^electron\/(main|preload)\//.test(file))).toEqual([]);
  });

  it('only handle.ts touches ipcMain', () => {
    expect(using(importsFromElectron('ipcMain'))).toEqual(['electron/main/handle.ts']);
  });

  it('only the preload touches ipcRenderer', () => {
    expect(using(importsFromElectron('ipcRenderer'))).toEqual(['electron/preload/preload.ts']);
  });

  it('only external-links.ts calls shell.openExternal', () => {
    expect(using(/\bopenExternal\s*\(/)).toEqual(['electron/main/external-links.ts']);
  });

  it('the preload imports the channel map as types only (no zod in the sandbox)', () => {
    const preload = read('electron/preload/preload.ts');
    expect(preload).not.toMatch(/import\s+\{[^}]*\}\s+from\s+['"][^'"]*contract\/ipc\.js['"]/);
    expect(preload).toMatch(/import type \{[^}]*SigninApi[^}]*\} from ['"][^'"]*contract\/ipc\.js['"]/);
  });
});
