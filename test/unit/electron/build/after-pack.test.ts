import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

interface AfterPackModule {
  default: (context: unknown) => Promise<void>;
  electronBinaryPath: (context: unknown) => string;
  isStub: (binary: string) => boolean;
}
const afterPack = createRequire(import.meta.url)('../../../../build/after-pack.cjs') as AfterPackModule;

const context = (platform: string, appOutDir: string) => ({
  appOutDir,
  electronPlatformName: platform,
  arch: 1,
  packager: { executableName: 'sign-in-helper', appInfo: { productFilename: 'Sign-in Helper' } },
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('after-pack (fuses)', () => {
  it('finds the Electron executable per platform', () => {
    expect(afterPack.electronBinaryPath(context('linux', '/out'))).toBe(join('/out', 'sign-in-helper'));
    expect(afterPack.electronBinaryPath(context('win32', '/out'))).toBe(join('/out', 'Sign-in Helper.exe'));
    expect(afterPack.electronBinaryPath(context('darwin', '/out'))).toBe(join('/out', 'Sign-in Helper.app'));
  });

  it('skips a stub Electron with one log line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    writeFileSync(join(dir, 'sign-in-helper'), '#!/bin/sh\necho stub\n');
    vi.stubEnv('SIGNIN_STUB_ELECTRON', '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await afterPack.default(context('linux', dir));
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toContain('fuses not flipped');
  });

  it('does not treat a real-looking binary as a stub, so the fuses are attempted (and fail loudly on a fake)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    writeFileSync(join(dir, 'sign-in-helper'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    vi.stubEnv('SIGNIN_STUB_ELECTRON', '');
    expect(afterPack.isStub(join(dir, 'sign-in-helper'))).toBe(false);
    await expect(afterPack.default(context('linux', dir))).rejects.toThrow();
  });
});
