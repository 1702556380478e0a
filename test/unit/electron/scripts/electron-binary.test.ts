import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_UNAVAILABLE_MESSAGE, resolveElectronBinary } from '../../../../scripts/electron-binary.mjs';

const electronDir = '/proj/node_modules/electron';
const files = (entries: Record<string, string>) => ({
  exists: (path: string) => path in entries,
  readText: (path: string) => entries[path] ?? '',
});

describe('resolveElectronBinary (npm start)', () => {
  it('is unavailable when the binary was never downloaded (no path.txt)', () => {
    const result = resolveElectronBinary({ electronDir, env: {}, ...files({}) });
    expect(result).toEqual({ ok: false, message: ELECTRON_UNAVAILABLE_MESSAGE });
  });

  it('is unavailable when path.txt names a binary that is missing', () => {
    const result = resolveElectronBinary({ electronDir, env: {}, ...files({ [join(electronDir, 'path.txt')]: 'electron' }) });
    expect(result.ok).toBe(false);
  });

  it('finds the downloaded binary', () => {
    const binary = join(electronDir, 'dist', 'electron');
    const result = resolveElectronBinary({ electronDir, env: {}, ...files({ [join(electronDir, 'path.txt')]: 'electron\n', [binary]: '' }) });
    expect(result).toEqual({ ok: true, path: binary });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron itself', () => {
    const binary = join('/opt/electron', 'electron');
    const result = resolveElectronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, ...files({ [binary]: '' }) });
    expect(result).toEqual({ ok: true, path: binary });
  });

  it('the message is one line that points to the browser version', () => {
    expect(ELECTRON_UNAVAILABLE_MESSAGE).not.toContain('\n');
    expect(ELECTRON_UNAVAILABLE_MESSAGE).toContain('npm run web');
  });

  it('on this machine (no Electron binary) reports unavailable without throwing or downloading', () => {
    const result = resolveElectronBinary();
    if (!result.ok) expect(result.message).toBe(ELECTRON_UNAVAILABLE_MESSAGE);
  });
});
