/**
 * Property: whatever JSON arrives at whichever route, with or without a bearer token, the
 * service answers below 500 with a body of the Result shape (errorInfoSchema on failure).
 * Random bodies rarely pass validation, so the handlers behind auth see random tokens too.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_PREFIX, apiRoutes, type ApiRouteName } from '../../../contract/api.js';
import { errorInfoSchema } from '../../../contract/errors.js';
import { createApiHarness, type ApiHarness } from '../../support/api-harness.js';

const resultShape = z.union([z.strictObject({ ok: z.literal(true), data: z.unknown() }), z.strictObject({ ok: z.literal(false), error: errorInfoSchema })]);

/** Bodies: anything JSON, objects shaped like ours with random values, random text. */
const bodies = fc.oneof(
  fc.jsonValue().map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
  fc
    .record({ userId: fc.string(), password: fc.string(), code: fc.oneof(fc.string(), fc.stringMatching(/^\d{6}$/)), methodId: fc.string(), setupId: fc.string(), name: fc.string(), newPassword: fc.string(), reason: fc.string() }, { requiredKeys: [] })
    .map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
  fc.string({ maxLength: 300 }).map((s) => ({ payload: s, type: 'application/json' })),
  fc.string({ maxLength: 300 }).map((s) => ({ payload: s, type: 'text/plain' })),
);
const tokens = fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.base64String({ minLength: 16, maxLength: 128 })), { nil: undefined });

let h: ApiHarness;
beforeAll(async () => {
  // Every request counts towards the per-address limit (junk is not free): this test is about the answers, so the limit is set out of reach.
  h = await createApiHarness({ policy: { perAddress: { max: 1_000_000, windowMs: 60_000, blockMs: 60_000 } } });
});
afterAll(() => h.close());

describe('random input at every route', () => {
  it.each(Object.keys(apiRoutes) as ApiRouteName[])('%s: never a 5xx, always a Result', async (name) => {
    const route = apiRoutes[name];
    await fc.assert(
      fc.asyncProperty(bodies, tokens, async (body, token) => {
        const headers: Record<string, string> = { 'content-type': body.type };
        // Header values must be legal HTTP: strip what Node itself refuses to send.
        if (token !== undefined) headers.authorization = `Bearer ${token.replace(/[^\x20-\x7e]/g, '')}`;
        const response = await h.app.inject({ method: route.method, url: API_PREFIX + route.path, payload: body.payload, headers });
        expect(response.statusCode).toBeLessThan(500);
        expect(resultShape.safeParse(response.json()).success).toBe(true);
      }),
      { numRuns: 200, interruptAfterTimeLimit: 8_000 },
    );
  });
});
