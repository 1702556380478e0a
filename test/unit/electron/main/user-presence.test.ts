/**
 * The Electron host's presence check, with Electron mocked (no binary here): Touch ID on
 * macOS — success only when promptTouchID resolves, a rejection is 'cancelled' —, and
 * 'unavailable' on Windows and Linux, whatever the prompt would have said.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const touch = vi.hoisted(() => ({ canPromptTouchID: vi.fn(() => true), promptTouchID: vi.fn(async (_reason: string) => undefined) }));
vi.mock('electron', () => ({ systemPreferences: touch }));

const { createUserPresence } = await import('../../../../electron/main/user-presence.js');

beforeEach(() => {
  touch.canPromptTouchID.mockReset().mockReturnValue(true);
  touch.promptTouchID.mockReset().mockResolvedValue(undefined);
});

describe('macOS: Touch ID', () => {
  it('available when Touch ID can prompt; success when the prompt resolves, with the reason shown', async () => {
    const presence = createUserPresence('darwin');
    expect(await presence.isAvailable()).toBe(true);
    expect(await presence.confirm('show your sign-in code')).toBe('success');
    expect(touch.promptTouchID).toHaveBeenCalledWith('show your sign-in code');
  });

  it('a rejected prompt (cancel, failed finger, lockout) is cancelled', async () => {
    touch.promptTouchID.mockRejectedValue(new Error('Touch ID cancelled'));
    expect(await createUserPresence('darwin').confirm('x')).toBe('cancelled');
  });

  it('a Mac without Touch ID (or with it disabled): unavailable, and no prompt is shown', async () => {
    touch.canPromptTouchID.mockReturnValue(false);
    const presence = createUserPresence('darwin');
    expect(await presence.isAvailable()).toBe(false);
    expect(await presence.confirm('x')).toBe('unavailable');
    expect(touch.promptTouchID).not.toHaveBeenCalled();
  });

  it('canPromptTouchID throwing reads as unavailable', async () => {
    touch.canPromptTouchID.mockImplementation(() => {
      throw new Error('not supported');
    });
    expect(await createUserPresence('darwin').isAvailable()).toBe(false);
  });
});

describe.each(['win32', 'linux'] as const)('%s: no presence check Electron can ask', (platform) => {
  it('unavailable, and Touch ID is never consulted (no bypass)', async () => {
    const presence = createUserPresence(platform);
    expect(await presence.isAvailable()).toBe(false);
    expect(await presence.confirm('x')).toBe('unavailable');
    expect(touch.canPromptTouchID).not.toHaveBeenCalled();
    expect(touch.promptTouchID).not.toHaveBeenCalled();
  });
});
