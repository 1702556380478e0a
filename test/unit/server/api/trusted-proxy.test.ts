/**
 * The client address behind a reverse proxy: with `trustedProxies` the service believes
 * X-Forwarded-For only as far as its own proxies wrote it, and takes the right-most hop that
 * is not one of them. Entries a client wrote on the left (its "own" forged chain) change
 * nothing, so rotating them does not escape the per-address limit — also in parallel.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes } from '../../../../contract/api.js';
import { buildServer } from '../../../../server/app.js';
import { createDemoContext } from '../../../../server/create-demo-context.js';
import { fastHasher } from '../../../support/api-flows.js';

const PROXY = '10.0.0.2';
const MAX = 4;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The service behind `trustedProxies`, with a small per-address limit, and a probe that echoes `request.ip`. */
async function serviceBehind(trustedProxies: string[]): Promise<FastifyInstance> {
  const ctx = await createDemoContext({ hasher: fastHasher(), policy: { perAddress: { max: MAX, windowMs: 60_000, blockMs: 60_000 } } });
  const built = await buildServer(ctx, { trustedProxies });
  // Observation only: the address every route and limit of the service reads.
  built.get('/test/client-address', async (request) => ({ ip: request.ip }));
  app = built;
  return built;
}

const clientAddress = async (service: FastifyInstance, remoteAddress: string, forwardedFor?: string): Promise<string> => {
  const response = await service.inject({ method: 'GET', url: '/test/client-address', remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return (response.json() as { ip: string }).ip;
};

let account = 0;
/**
 * An unauthenticated POST, counted per address before anything else happens; each for
 * another account, so the per-account limit of resets never answers in its place.
 */
const startReset = (service: FastifyInstance, remoteAddress: string, forwardedFor?: string) =>
  service.inject({
    method: 'POST',
    url: API_PREFIX + apiRoutes.startReset.path,
    remoteAddress,
    payload: { userId: `nobody${++account}@contoso.com` },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

describe('client address behind trusted proxies', () => {
  it('is the right-most hop that is not a trusted proxy, whatever the client wrote to its left', async () => {
    const service = await serviceBehind(['10.0.0.0/8', '127.0.0.1']);
    expect(await clientAddress(service, PROXY, '1.2.3.4, 5.6.7.8')).toBe('5.6.7.8');
    // A chain of trusted proxies (127.0.0.1 forwarded to 10.0.0.2): still the first untrusted hop.
    expect(await clientAddress(service, PROXY, '1.2.3.4, 5.6.7.8, 127.0.0.1, 10.9.9.9')).toBe('5.6.7.8');
    // Without the header the proxy itself is the client.
    expect(await clientAddress(service, PROXY)).toBe(PROXY);
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    const service = await serviceBehind(['10.0.0.0/8']);
    expect(await clientAddress(service, '203.0.113.7', '5.6.7.8')).toBe('203.0.113.7');
    expect(await clientAddress(service, '203.0.113.7', '10.0.0.3, 5.6.7.8')).toBe('203.0.113.7');
  });

  it('without trusted proxies, is always the socket peer', async () => {
    const service = await serviceBehind([]);
    expect(await clientAddress(service, PROXY, '1.2.3.4, 5.6.7.8')).toBe(PROXY);
  });

  it('accepts IPv6 ranges and the named ranges, and matches an IPv4-mapped peer', async () => {
    const service = await serviceBehind(['fd00::/8', 'loopback']);
    expect(await clientAddress(service, 'fd00::1', '2001:db8::7')).toBe('2001:db8::7');
    expect(await clientAddress(service, '::ffff:127.0.0.1', '1.2.3.4, 5.6.7.8')).toBe('5.6.7.8');
  });

  it('rotating the left-most entries does not escape the per-address limit, even in parallel', async () => {
    const service = await serviceBehind(['10.0.0.0/8']);
    const attempts = MAX * 3;
    const replies = await Promise.all(Array.from({ length: attempts }, (_, i) => startReset(service, PROXY, `198.51.100.${i + 1}, 5.6.7.8`)));
    const throttled = replies.filter((r) => r.statusCode === 429);
    expect(replies.length - throttled.length).toBe(MAX);
    expect(throttled).toHaveLength(attempts - MAX);
    expect(throttled[0]!.json()).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    // The limit is that client's, not the proxy's: another client behind the same proxy still passes.
    expect((await startReset(service, PROXY, '5.6.7.9')).statusCode).not.toBe(429);
    // And a direct peer forging the blocked client's address is counted as itself.
    expect((await startReset(service, '203.0.113.7', '5.6.7.8')).statusCode).not.toBe(429);
  });
});
