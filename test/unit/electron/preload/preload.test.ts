import { describe, expect, it, vi } from 'vitest';
import { ipcEvents, ipcMethods } from '../../../../contract/ipc-methods.js';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((channel: string, request: unknown) => Promise.resolve({ ok: true, data: { channel, request } })),
  send: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, send: electron.send, on: electron.on, removeListener: electron.removeListener },
}));

await import('../../../../electron/preload/preload.js');

const [[key, api] = []] = electron.exposeInMainWorld.mock.calls as Array<[string, Record<string, unknown>]>;

describe('preload', () => {
  it("exposes one object, 'signin', and nothing else", () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(key).toBe('signin');
  });

  it('has exactly the named methods and event subscriptions of the contract — no generic invoke, no ipcRenderer', () => {
    expect(Object.keys(api ?? {}).sort()).toEqual([...Object.keys(ipcMethods), ...Object.keys(ipcEvents)].sort());
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(forbidden);
    for (const value of Object.values(api ?? {})) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(Object.entries(ipcMethods))('%s invokes %s with the request as given', async (name, channel) => {
    electron.invoke.mockClear();
    const request = { probe: name };
    const method = api?.[name] as (request: unknown) => Promise<unknown>;
    await expect(method(request)).resolves.toEqual({ ok: true, data: { channel, request } });
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(channel, request);
  });

  it('never uses send, and listens only when the page subscribes', () => {
    expect(electron.send).not.toHaveBeenCalled();
    expect(electron.on).not.toHaveBeenCalled();
  });

  it.each(Object.entries(ipcEvents))('%s listens on %s, hands the page the payload only, and unsubscribes', (name, channel) => {
    electron.on.mockClear();
    electron.removeListener.mockClear();
    const listener = vi.fn();
    const subscribe = api?.[name] as (listener: (payload: unknown) => void) => () => void;
    const unsubscribe = subscribe(listener);
    expect(electron.on).toHaveBeenCalledOnce();
    const [onChannel, handler] = electron.on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void];
    expect(onChannel).toBe(channel);
    // Electron's event object carries `sender` (the ipcRenderer): it must not reach the page.
    handler({ sender: { send: electron.send } }, { flow: 'reset' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ flow: 'reset' });
    unsubscribe();
    expect(electron.removeListener).toHaveBeenCalledExactlyOnceWith(channel, handler);
  });
});
