import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn() }));
vi.mock('electron', () => ({ shell }));

const { openExternalSafely } = await import('../../../../electron/main/external-links.js');

beforeEach(() => {
  shell.openExternal.mockReset().mockResolvedValue(undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('openExternalSafely', () => {
  it('opens https links', async () => {
    await expect(openExternalSafely('https://support.example.com/reset?x=1')).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://support.example.com/reset?x=1');
  });

  it.each([
    'http://support.example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'smb://fileserver/share',
    'ms-msdt:/id PCWDiagnostic',
    'sign-in-helper://reset',
    'mailto:helpdesk@example.com',
    '//evil.example/',
    'not a url',
    '',
  ])('refuses %s', async (url) => {
    await expect(openExternalSafely(url)).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('reports failure when the OS cannot open the link', async () => {
    shell.openExternal.mockRejectedValue(new Error('no browser'));
    await expect(openExternalSafely('https://example.com/')).resolves.toBe(false);
  });
});
