/**
 * Every answer of the service carries the hardening headers — successes, typed failures,
 * Fastify's own 4xx (bad JSON 400, 413, 415), 404s and 429s — on every route of the contract
 * (the table is iterated, so a new route is covered without editing this file), plus the
 * health, readiness and OpenAPI documents. No CORS header is ever sent.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes, type ApiRouteName } from '../../../../contract/api.js';
import { createApiHarness, DEMO_PASSWORD, type ApiHarness } from '../../../support/api-harness.js';
import { fastHasher } from '../../../support/api-flows.js';

/** A browser on another site, to prove no CORS door opens for it. */
const FOREIGN_ORIGIN = 'https://evil.example';

function expectHardened(response: LightMyRequestResponse, what: string): void {
  const h = response.headers;
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['cache-control'], what).toBe('no-store');
  const csp = String(h['content-security-policy']).split(';');
  expect(csp, what).toContain("default-src 'none'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  expect(h['cross-origin-resource-policy'], what).toBe('same-origin');
  expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(h['strict-transport-security'], what).toMatch(/^max-age=\d{7,}/);
  expect(h['x-powered-by'], what).toBeUndefined();
  expect(Object.keys(h).filter((name) => name.startsWith('access-control-')), what).toEqual([]);
}

let h: ApiHarness;
let sessionToken: string;
let resetToken: string;

beforeAll(async () => {
  h = await createApiHarness({ hasher: fastHasher() });
  sessionToken = await h.signIn('megan@contoso.com');
  resetToken = await h.verifiedAlainReset();
});
afterAll(() => h.close());

const tokenFor = (name: ApiRouteName): string | undefined => {
  const { auth } = apiRoutes[name];
  return auth === 'session' ? sessionToken : auth === 'reset' ? resetToken : undefined;
};

describe('security headers', () => {
  it('on every route of the API table, with and without credentials', async () => {
    const names = Object.keys(apiRoutes) as ApiRouteName[];
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const route = apiRoutes[name];
      for (const token of [tokenFor(name), undefined]) {
        const response = await h.app.inject({
          method: route.method,
          url: API_PREFIX + route.path,
          headers: { origin: FOREIGN_ORIGIN, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(route.method === 'POST' ? { payload: {} } : {}),
        });
        // Answered by the route (whatever it decided), not by the 404 handler.
        expect(response.statusCode, name).not.toBe(404);
        expectHardened(response, `${name} ${token ? 'with' : 'without'} credentials: HTTP ${response.statusCode}`);
      }
    }
  });

  it('on successful answers that carry tokens, security info and the outbox', async () => {
    const signIn = await h.app.inject({ method: 'POST', url: API_PREFIX + apiRoutes.signIn.path, payload: { userId: 'megan@contoso.com', password: DEMO_PASSWORD } });
    expect(signIn.json(), 'signIn').toMatchObject({ ok: true, data: { sessionToken: expect.any(String) } });
    expectHardened(signIn, 'signIn');
    // A fresh session: the table walk above signed the first one out.
    const session = await h.signIn('megan@contoso.com');
    for (const name of ['getTenant', 'getSecurityInfo', 'getDemoOutbox'] as const) {
      const token = apiRoutes[name].auth === 'session' ? session : undefined;
      const response = await h.app.inject({ method: 'GET', url: API_PREFIX + apiRoutes[name].path, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
      expect(response.statusCode, name).toBe(200);
      expectHardened(response, name);
    }
  });

  it('on health, readiness and the OpenAPI document', async () => {
    for (const url of ['/healthz', '/readyz', `${API_PREFIX}/openapi.json`]) {
      const response = await h.app.inject({ method: 'GET', url, headers: { origin: FOREIGN_ORIGIN } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      expectHardened(response, url);
    }
  });

  it("on Fastify's own refusals and the 404 handler", async () => {
    const url = API_PREFIX + apiRoutes.signIn.path;
    const cases = [
      { status: 404, request: { method: 'GET' as const, url: `${API_PREFIX}/no-such-route?token=secret` } },
      { status: 404, request: { method: 'OPTIONS' as const, url, headers: { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'POST' } } },
      { status: 400, request: { method: 'POST' as const, url, headers: { 'content-type': 'application/json' }, payload: '{"userId": ' } },
      { status: 413, request: { method: 'POST' as const, url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ userId: 'x'.repeat(20_000) }) } },
      { status: 415, request: { method: 'POST' as const, url, headers: { 'content-type': 'application/xml' }, payload: '<userId>megan</userId>' } },
      // A URL Fastify cannot decode skips every hook (frameworkErrors): still typed, with a support code and the headers.
      { status: 400, request: { method: 'GET' as const, url: `${API_PREFIX}/%E0%A4%A` } },
    ];
    for (const { status, request } of cases) {
      const response = await h.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(status);
      expect(response.json(), `${status}`).toMatchObject({ ok: false, error: { supportCode: expect.any(String) } });
      expectHardened(response, `HTTP ${status}`);
    }
  });
});

describe('security headers on a 429', () => {
  it('keep Retry-After beside them', async () => {
    const limited = await createApiHarness({ hasher: fastHasher(), policy: { perAddress: { max: 2, windowMs: 60_000, blockMs: 60_000 } } });
    try {
      const start = (i: number) => limited.app.inject({ method: 'POST', url: API_PREFIX + apiRoutes.startReset.path, payload: { userId: `nobody${i}@contoso.com` } });
      const replies = [await start(1), await start(2), await start(3)];
      const refused = replies[2]!;
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expectHardened(refused, 'HTTP 429');
    } finally {
      await limited.close();
    }
  });
});
