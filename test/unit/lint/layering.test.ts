/**
 * The layering rules of DESIGN.md are enforced by ESLint; these tests prove the rules fire
 * (and stay quiet where the import is allowed), so a config edit cannot disable them unseen.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  it.each([
    ['renderer/flows/x.tsx', "import { x } from '../../electron/core/create-core.js';\nexport const y = x;"],
    ['renderer/flows/x.tsx', "import { x } from '../../server/app.js';\nexport const y = x;"],
    ['renderer/flows/x.tsx', "import { readFile } from 'node:fs';\nexport const y = readFile;"],
    ['renderer/flows/x.tsx', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;"],
    ['electron/main/window.ts', "import { ipcMain } from 'electron';\nexport const y = ipcMain;"],
    ['electron/core/ipc/x.ts', "import { app } from 'electron';\nexport const y = app;"],
    ['electron/web-host/x.ts', "import { x } from '../main/handle.js';\nexport const y = x;"],
    ['server/api/x.ts', "import { x } from '../../electron/core/create-core.js';\nexport const y = x;"],
    ['contract/x.ts', "import { x } from '../server/app.js';\nexport const y = x;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/handle.ts', "import { ipcMain } from 'electron';\nexport const y = ipcMain;"],
    ['electron/preload/preload.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;"],
    ['electron/main/window.ts', "import { BrowserWindow } from 'electron';\nexport const y = BrowserWindow;"],
    ['renderer/flows/x.tsx', "import type { SigninApi } from '../../contract/ipc.js';\nexport type Y = SigninApi;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
