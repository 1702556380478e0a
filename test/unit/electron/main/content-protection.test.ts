/** Content protection reaches every open window of ours, and a window opened while it is on. */
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createContentProtection } from '../../../../electron/main/content-protection.js';

const fakeWindow = (destroyed = false) => ({ isDestroyed: () => destroyed, setContentProtection: vi.fn() });

describe('createContentProtection', () => {
  it('on and off on every open window; a destroyed one is left alone', () => {
    const a = fakeWindow();
    const gone = fakeWindow(true);
    const protection = createContentProtection(() => [a, gone] as unknown as BrowserWindow[]);
    protection.protectContent(true);
    protection.protectContent(false);
    expect(a.setContentProtection.mock.calls).toEqual([[true], [false]]);
    expect(gone.setContentProtection).not.toHaveBeenCalled();
  });

  it('a window opened while a QR is up is protected at once', () => {
    const protection = createContentProtection(() => []);
    protection.protectContent(true);
    const late = fakeWindow();
    protection.apply(late as unknown as BrowserWindow);
    expect(late.setContentProtection).toHaveBeenCalledWith(true);
  });
});
