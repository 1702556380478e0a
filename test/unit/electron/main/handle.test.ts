import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../../contract/ipc.js';
import { fakeIpcEvent } from './fake-ipc-event.js';

type Handler = (event: IpcMainInvokeEvent, request: unknown) => Promise<unknown>;
const electron = vi.hoisted(() => ({ handlers: new Map<string, unknown>(), handle: vi.fn() }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: electron.handle,
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { registerIpcHandlers } = await import('../../../../electron/main/handle.js');
const { createAppOrigin } = await import('../../../../electron/main/app-origin.js');
// The embedded demo's origin, as main.ts derives it; fakeIpcEvent's default URL is on it.
const origin = createAppOrigin('localhost');

const dispatch = vi.fn();
const ours = new Set<WebContents>();
const isOwn = (contents: WebContents) => ours.has(contents);

function handler(channel: string): Handler {
  const found = electron.handlers.get(channel);
  if (typeof found !== 'function') throw new Error(`no handler for ${channel}`);
  return found as Handler;
}

/** A trusted event whose WebContents is one of "our" windows. */
function trustedEvent(): IpcMainInvokeEvent {
  const event = fakeIpcEvent();
  ours.add(event.sender);
  return event;
}

beforeEach(() => {
  electron.handlers.clear();
  electron.handle.mockReset().mockImplementation((channel: string, fn: unknown) => {
    if (electron.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    electron.handlers.set(channel, fn);
  });
  dispatch.mockReset().mockResolvedValue({ ok: true, data: {} });
  ours.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  registerIpcHandlers({ dispatch }, origin, isOwn);
});

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract exactly once', () => {
    const registered = electron.handle.mock.calls.map(([channel]) => channel as string);
    expect(registered.sort()).toEqual(Object.keys(ipcChannels).sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it("passes a trusted sender's request to core.dispatch on its own channel", async () => {
    const request = { userId: 'ada@example.com' };
    await expect(handler('reset.start')(trustedEvent(), request)).resolves.toEqual({ ok: true, data: {} });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('reset.start', request);
  });

  it('returns what core.dispatch returns, errors included', async () => {
    dispatch.mockResolvedValue({ ok: false, error: { code: 'BAD_REQUEST', message: 'Invalid request' } });
    await expect(handler('session.signIn')(trustedEvent(), { bogus: true })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('security regression: forged senders are refused before the core sees them', () => {
  const forged: Array<[string, () => IpcMainInvokeEvent]> = [
    ['a subframe (iframe) of our page', () => { const e = fakeIpcEvent({ topFrame: false }); ours.add(e.sender); return e; }],
    ['a page on another origin', () => { const e = fakeIpcEvent({ url: 'https://evil.example/' }); ours.add(e.sender); return e; }],
    ['a look-alike host', () => { const e = fakeIpcEvent({ url: 'https://localhost.evil.example/index.html' }); ours.add(e.sender); return e; }],
    ['our host on another port', () => { const e = fakeIpcEvent({ url: 'https://localhost:8443/index.html' }); ours.add(e.sender); return e; }],
    ['our host over http (the web host, a dev server)', () => { const e = fakeIpcEvent({ url: 'http://localhost/index.html' }); ours.add(e.sender); return e; }],
    ['the old app: origin', () => { const e = fakeIpcEvent({ url: 'app://sign-in-helper/index.html' }); ours.add(e.sender); return e; }],
    ['a file: page', () => { const e = fakeIpcEvent({ url: 'file:///etc/passwd' }); ours.add(e.sender); return e; }],
    ['a frame that is gone', () => { const e = fakeIpcEvent({ noFrame: true }); ours.add(e.sender); return e; }],
    ['a WebContents we did not create', () => fakeIpcEvent()],
  ];

  it.each(forged)('refuses %s with FORBIDDEN_SENDER', async (_name, makeEvent) => {
    const result = await handler('securityInfo.get')(makeEvent(), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame that claims to be top but is not the main frame', async () => {
    const event = fakeIpcEvent();
    ours.add(event.sender);
    const impostor = { url: 'https://localhost/index.html', parent: null, processId: 4, routingId: 99 };
    const result = await handler('app.getInfo')({ ...event, sender: event.sender, senderFrame: impostor } as unknown as IpcMainInvokeEvent, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('a throwing core', () => {
  it('becomes INTERNAL "Unexpected error", without stack or cause', async () => {
    dispatch.mockRejectedValue(new Error('boom at /secret/path.ts:12 token=abc'));
    const result = await handler('reset.setPassword')(trustedEvent(), { newPassword: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Unexpected error' } });
    expect(JSON.stringify(result)).not.toMatch(/boom|secret|token|stack/);
  });

  it('does not log the request', async () => {
    const error = vi.spyOn(console, 'error');
    dispatch.mockRejectedValue(new Error('boom'));
    await handler('reset.setPassword')(trustedEvent(), { newPassword: 'Sup3r-secret!' });
    expect(JSON.stringify(error.mock.calls)).not.toContain('Sup3r-secret!');
  });
});
