/**
 * The shared contract agrees with itself: every error code has an HTTP status, the IPC method
 * names and the channel map name each other one to one, and every API route is distinct.
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes, httpStatusOf } from '../../../contract/api.js';
import { errorCodes, errorInfoSchema, err } from '../../../contract/errors.js';
import { ipcChannels, ipcMethods } from '../../../contract/ipc.js';

describe('httpStatusOf', () => {
  it.each(errorCodes)('%s has an HTTP error status (4xx or 5xx)', (code) => {
    expect(Number.isInteger(httpStatusOf[code])).toBe(true);
    expect(httpStatusOf[code]).toBeGreaterThanOrEqual(400);
    expect(httpStatusOf[code]).toBeLessThan(600);
  });

  it('names exactly the error codes, no more (no stale code left behind)', () => {
    expect(Object.keys(httpStatusOf).sort()).toEqual([...errorCodes].sort());
  });

  it('a user\'s mistake is never reported as a server failure: only INTERNAL, the keyring errors (VAULT_UNAVAILABLE, KEYRING_MODULE_MISSING) and DIRECTORY_* are 5xx', () => {
    const fiveHundreds = errorCodes.filter((c) => httpStatusOf[c] >= 500);
    expect(fiveHundreds.every((c) => c === 'INTERNAL' || c === 'VAULT_UNAVAILABLE' || c === 'KEYRING_MODULE_MISSING' || c.startsWith('DIRECTORY_'))).toBe(true);
  });
});

describe('ipcMethods and ipcChannels', () => {
  it('every method names a channel of the map', () => {
    for (const channel of Object.values(ipcMethods)) expect(Object.hasOwn(ipcChannels, channel), channel).toBe(true);
  });

  it('every channel of the map has exactly one method name', () => {
    const named = Object.values(ipcMethods);
    for (const channel of Object.keys(ipcChannels)) expect(named.filter((c) => c === channel), channel).toHaveLength(1);
  });

  it('every channel has a strict request schema (unknown fields are refused, not dropped)', () => {
    for (const [channel, { request }] of Object.entries(ipcChannels)) expect(request.safeParse({ __extra: 1 }).success, channel).toBe(false);
  });
});

describe('apiRoutes', () => {
  it('no two routes share a method and path', () => {
    const keys = Object.values(apiRoutes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every body schema refuses unknown fields', () => {
    for (const [name, route] of Object.entries(apiRoutes)) expect(route.body.safeParse({ __extra: 1 }).success, name).toBe(false);
  });
});

describe('err()', () => {
  it('builds failures that errorInfoSchema accepts, for every code', () => {
    for (const code of errorCodes) expect(errorInfoSchema.safeParse(err(code, 'message', { supportCode: 'ABC' }).error).success, code).toBe(true);
  });
});
