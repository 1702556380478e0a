import { describe, expect, it, vi } from 'vitest';
import { ipcMethods } from '../../../../contract/ipc-methods.js';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((channel: string, request: unknown) => Promise.resolve({ ok: true, data: { channel, request } })),
  send: vi.fn(),
  on: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, send: electron.send, on: electron.on },
}));

await import('../../../../electron/preload/preload.js');

const [[key, api] = []] = electron.exposeInMainWorld.mock.calls as Array<[string, Record<string, unknown>]>;

describe('preload', () => {
  it("exposes one object, 'signin', and nothing else", () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(key).toBe('signin');
  });

  it('has exactly the named methods of the contract — no generic invoke, no ipcRenderer', () => {
    expect(Object.keys(api ?? {}).sort()).toEqual(Object.keys(ipcMethods).sort());
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

  it('never uses send or listeners', () => {
    expect(electron.send).not.toHaveBeenCalled();
    expect(electron.on).not.toHaveBeenCalled();
  });
});
