import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type JsonRead = { kind: 'missing' } | { kind: 'ok'; value: unknown } | { kind: 'unreadable'; reason: string };

/** Read a JSON file; a missing file is normal, a broken one is reported with the reason. */
export async function readJsonFile(path: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: (e as Error).message };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) };
  } catch (e) {
    return { kind: 'unreadable', reason: `not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * Write JSON so a crash mid-write never leaves a half file: write a sibling, then rename over.
 * Mode 0o600: preferences are the user's own.
 */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
}
