/**
 * createDispatch, the one entrance to the core for both hosts: requests are parsed before a
 * handler runs, answers are parsed before the renderer sees them (the "secrets never cross
 * IPC" guard), and nothing a handler throws leaks out. Table-driven over contract/ipc.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ok } from '../../../contract/errors.js';
import { ipcChannels, type IpcChannel } from '../../../contract/ipc.js';
import { createDispatch } from '../../../electron/core/ipc/dispatch.js';
import type { IpcHandlers } from '../../../electron/core/ipc/handler.js';
import type { Services } from '../../../electron/core/services.js';
import { validIpcRequests, validIpcResponses } from './ipc-samples.js';

const channels = Object.keys(ipcChannels) as IpcChannel[];
const services = { marker: 'services' } as unknown as Services;

let handlers: Record<IpcChannel, ReturnType<typeof vi.fn>>;
let log: ReturnType<typeof vi.fn<(message: string) => void>>;
let dispatch: ReturnType<typeof createDispatch>;

beforeEach(() => {
  handlers = Object.fromEntries(channels.map((c) => [c, vi.fn(async () => ok(validIpcResponses[c]))])) as typeof handlers;
  log = vi.fn();
  dispatch = createDispatch(handlers as unknown as IpcHandlers, services, log);
});

/** The fields of a request schema; for a union (by id, or by type when hidden), of the option the valid sample takes. */
function shapeOf(schema: z.ZodType, valid: unknown): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape;
  if (schema instanceof z.ZodUnion) {
    const option = (schema.options as z.ZodType[]).find((o) => o instanceof z.ZodObject && o.safeParse(valid).success);
    if (option instanceof z.ZodObject) return option.shape;
  }
  throw new Error('a request schema the malformed-request table does not know');
}

/** Malformed variants of a channel's valid request, from the fields of its schema. */
function malformed(channel: IpcChannel): [string, unknown][] {
  const valid = validIpcRequests[channel] as Record<string, unknown>;
  const shape = shapeOf(ipcChannels[channel].request, valid);
  const fields = Object.keys(shape);
  const cases: [string, unknown][] = [
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', [valid]],
    ['an extra field', { ...valid, sessionToken: 'x' }],
  ];
  for (const field of fields) {
    const { [field]: _dropped, ...rest } = valid;
    // An optional field (or one with a default) may be left out; a required one may not.
    const required = !shape[field]!.safeParse(undefined).success;
    if (required) cases.push([`${field} missing`, rest]);
    cases.push([`${field} = 42`, { ...valid, [field]: 42 }], [`${field} = {}`, { ...valid, [field]: {} }]);
    cases.push([`${field} is a 100 KB string`, { ...valid, [field]: 'x'.repeat(100_000) }]);
  }
  return cases;
}

describe('unknown channels', () => {
  it.each(['nope', 'app.getinfo', '__proto__', 'constructor', 'toString', ''])('%j → BAD_REQUEST, no handler runs', async (channel) => {
    const result = await dispatch(channel, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    for (const c of channels) expect(handlers[c]).not.toHaveBeenCalled();
  });
});

describe.each(channels)('channel %s', (channel) => {
  it('a valid request reaches its handler (parsed) and the answer comes back', async () => {
    const result = await dispatch(channel, validIpcRequests[channel]);
    expect(result).toEqual({ ok: true, data: validIpcResponses[channel] });
    expect(handlers[channel]).toHaveBeenCalledWith(validIpcRequests[channel], services);
  });

  it.each(malformed(channel))('malformed request (%s) → BAD_REQUEST and the handler is NOT called', async (_label, request) => {
    const result = await dispatch(channel, request);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('a handler answering an extra field (a leaked sessionToken) → INTERNAL, and the field is not returned', async () => {
    handlers[channel].mockResolvedValueOnce(ok({ ...validIpcResponses[channel], sessionToken: 'LEAKED-SESSION-TOKEN' }));
    const result = await dispatch(channel, validIpcRequests[channel]);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('LEAKED-SESSION-TOKEN');
    expect(log.mock.calls.join(' ')).not.toContain('LEAKED-SESSION-TOKEN');
  });

  it('a handler that throws → INTERNAL, with neither the message nor the stack of the error', async () => {
    const thrown = new Error('boom at /home/user/secret-path with token XYZ-SECRET');
    handlers[channel].mockRejectedValueOnce(thrown);
    const result = await dispatch(channel, validIpcRequests[channel]);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = JSON.stringify(result);
    expect(text).not.toContain('XYZ-SECRET');
    expect(text).not.toContain(thrown.stack!.split('\n')[1]!.trim());
    expect(log.mock.calls.join(' ')).not.toContain('XYZ-SECRET');
  });

  it("a handler's failure Result passes through unchanged", async () => {
    const failure = { ok: false as const, error: { code: 'THROTTLED' as const, message: 'Too many attempts', retryAfter: '2026-03-03T09:00:00.000Z' } };
    handlers[channel].mockResolvedValueOnce(failure);
    expect(await dispatch(channel, validIpcRequests[channel])).toEqual(failure);
  });
});

describe('nested objects in answers', () => {
  it('unknown nested fields (a secret on a registered method) are stripped, never passed on', async () => {
    const method = { ...validIpcResponses['securityInfo.get'].methods[0]!, secret: 'JBSWY3DPEHPK3PXP' };
    handlers['securityInfo.get'].mockResolvedValueOnce(ok({ ...validIpcResponses['securityInfo.get'], methods: [method] }));
    const result = await dispatch('securityInfo.get', {});
    expect(JSON.stringify(result)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});
