/**
 * Every route of contract/api.ts refuses malformed input with a typed BAD_REQUEST before any
 * handler runs. The table is built from `apiRoutes` and each route's own zod schema, so a new
 * route (or a new field) is covered without touching this file — except for its valid body,
 * which the `validBodies` type forces someone to write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_PREFIX, apiRoutes, type ApiBody, type ApiRouteName } from '../../../contract/api.js';
import { errorInfoSchema } from '../../../contract/errors.js';
import { createApiHarness, type ApiHarness } from '../../support/api-harness.js';

/** A body each route's schema accepts; the malformed cases are built by breaking it. */
const validBodies: { [N in ApiRouteName]: ApiBody<N> } = {
  getTenant: {},
  getPasswordPolicy: {},
  checkPassword: { newPassword: 'a long new password' },
  signIn: { userId: 'alain@contoso.com', password: 'Demo-Passw0rd-2026' },
  startSecondFactor: { methodId: 'm-alain-app' },
  verifySecondFactor: { methodId: 'm-alain-app', code: '123456' },
  signOut: {},
  getSecurityInfo: {},
  beginAuthenticatorApp: {},
  confirmAuthenticatorApp: { setupId: 'setup-abc', code: '123456', name: 'Phone' },
  beginPhone: { type: 'sms', phoneNumber: '+14255550142' },
  confirmPhone: { setupId: 'setup-abc', code: '123456' },
  beginEmail: { address: 'someone@example.net' },
  confirmEmail: { setupId: 'setup-abc', code: '12345678' },
  beginSecurityKey: {},
  confirmSecurityKey: { setupId: 'setup-abc', name: 'Key', response: { id: 'abc', rawId: 'abc', type: 'public-key', response: {} } },
  getQuestionPool: {},
  registerQuestions: { answers: [{ questionId: 'q-first-pet', answer: 'Rex the dog' }] },
  removeMethod: { methodId: 'm-alain-app' },
  renameMethod: { methodId: 'm-alain-app', name: 'Work phone' },
  skipRegistration: {},
  setDefaultMethod: { methodId: 'm-alain-app' },
  reconfirmSecurityInfo: {},
  startReset: { userId: 'alain@contoso.com' },
  startResetChallenge: { methodId: 'm-alain-app' },
  verifyReset: { methodId: 'm-alain-app', code: '123456' },
  completeReset: { newPassword: 'a long new password' },
  unlockAccount: {},
  extendReset: {},
  changePassword: { userId: 'alain@contoso.com', oldPassword: 'Demo-Passw0rd-2026', newPassword: 'a long new password' },
  contactHelpdesk: { userId: 'alain@contoso.com', reason: 'OTHER' },
  getDemoOutbox: {},
};

const failureBody = z.strictObject({ ok: z.literal(false), error: errorInfoSchema });
const names = Object.keys(apiRoutes) as ApiRouteName[];
const postRoutes = names.filter((n) => apiRoutes[n].method === 'POST');
const bodylessRoutes = names.filter((n) => apiRoutes[n].method !== 'POST');

interface Case {
  label: string;
  payload: string;
  contentType?: string;
}
const json = (label: string, value: unknown): Case => ({ label, payload: JSON.stringify(value), contentType: 'application/json' });

/** The fields of a body schema: an object's shape, or every option's of a union (a proof by id or by type). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodUnion) return Object.assign({}, ...(schema.options as z.ZodType[]).map(shapeOf)) as Record<string, z.ZodType>;
  return {};
}

/** Malformed variants of a route's valid body, derived from its schema's fields. */
function malformedCases(name: ApiRouteName): Case[] {
  const valid = validBodies[name] as Record<string, unknown>;
  const fields = Object.keys(shapeOf(apiRoutes[name].body));
  const cases: Case[] = [
    json('an array', [valid]),
    json('a string', 'hello'),
    json('a number', 42),
    json('null', null),
    json('an extra field (strict objects)', { ...valid, admin: true }),
    { label: 'broken JSON', payload: '{"userId": ', contentType: 'application/json' },
  ];
  for (const field of fields) {
    const { [field]: _dropped, ...rest } = valid;
    // Only a required field's absence is malformed; an optional one (or one of another union option) may be left out.
    if (field in valid && !apiRoutes[name].body.safeParse(rest).success) cases.push(json(`${field} missing`, rest));
    for (const wrong of [42, null, true, {}, ['x']]) cases.push(json(`${field} = ${JSON.stringify(wrong)}`, { ...valid, [field]: wrong }));
    // Over every field's bound but under the body limit: refused by the schema itself.
    cases.push(json(`${field} is a 5,000-character string`, { ...valid, [field]: 'x'.repeat(5_000) }));
  }
  return cases;
}

let h: ApiHarness;
beforeAll(async () => {
  // Every request counts towards the per-address limit (junk is not free): this test is about the answers, so the limit is set out of reach.
  h = await createApiHarness({ policy: { perAddress: { max: 1_000_000, windowMs: 60_000, blockMs: 60_000 } } });
});
afterAll(() => h.close());

async function send(name: ApiRouteName, c: Case, headers: Record<string, string> = {}) {
  const route = apiRoutes[name];
  return h.app.inject({ method: route.method, url: API_PREFIX + route.path, payload: c.payload, headers: { ...(c.contentType ? { 'content-type': c.contentType } : {}), ...headers } });
}

function expectTypedBadRequest(response: { statusCode: number; json(): unknown }, exactStatus = true) {
  if (exactStatus) expect(response.statusCode).toBe(400);
  else {
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  }
  const body = failureBody.parse(response.json());
  expect(body.error.code).toBe('BAD_REQUEST');
  expect(body.error.supportCode).toMatch(/^[0-9A-F]{10}$/);
}

describe('the table of valid bodies', () => {
  it.each(names)('%s: its valid body passes its own schema (so a refusal below is the malformation, not the base)', (name) => {
    expect(apiRoutes[name].body.safeParse(validBodies[name]).success).toBe(true);
  });
});

describe.each(postRoutes)('POST route %s refuses malformed bodies with a typed 400 BAD_REQUEST', (name) => {
  it.each(malformedCases(name).map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    expectTypedBadRequest(await send(name, c));
  });

  it('refuses malformed bodies even when a (bogus) bearer token is present', async () => {
    expectTypedBadRequest(await send(name, json('extra field', { ...validBodies[name], extra: 1 }), { authorization: `Bearer ${'A'.repeat(43)}` }));
  });

  it('refuses a 100 KB body (over the 16 KB limit) with a typed 4xx, never a 5xx', async () => {
    const field = Object.keys(shapeOf(apiRoutes[name].body))[0] ?? 'padding';
    expectTypedBadRequest(await send(name, json('100 KB', { ...validBodies[name], [field]: 'x'.repeat(100_000) })), false);
  });

  it('refuses a body that is not JSON (text/plain, form-encoded) with a typed 4xx', async () => {
    expectTypedBadRequest(await send(name, { label: 'text', payload: 'userId=alain', contentType: 'text/plain' }), false);
    expectTypedBadRequest(await send(name, { label: 'form', payload: 'userId=alain', contentType: 'application/x-www-form-urlencoded' }), false);
  });

  it('refuses a request with no body at all', async () => {
    expectTypedBadRequest(await send(name, { label: 'empty', payload: '' }));
  });
});

describe.each(bodylessRoutes)('%s (no body) answers junk with a typed Result, never a 5xx', (name) => {
  it('a junk body, an odd content type and a junk query string', async () => {
    for (const c of [{ label: 'text', payload: 'x'.repeat(100_000), contentType: 'text/plain' }, { label: 'bad json', payload: '{', contentType: 'application/json' }]) {
      const route = apiRoutes[name];
      const response = await h.app.inject({ method: route.method, url: `${API_PREFIX}${route.path}?userId=${'x'.repeat(2_000)}`, payload: c.payload, headers: { 'content-type': c.contentType } });
      expect(response.statusCode).toBeLessThan(500);
      expect(z.object({ ok: z.boolean() }).parse(response.json()).ok === true || failureBody.safeParse(response.json()).success).toBe(true);
    }
  });
});

describe('unknown paths', () => {
  it.each([
    ['GET', `${API_PREFIX}/nope`],
    ['POST', `${API_PREFIX}/sessions/other`],
    ['PUT', `${API_PREFIX}/sessions`],
    ['GET', '/'],
  ] as const)('%s %s → 404 typed NOT_FOUND with a support code', async (method, url) => {
    const response = await h.app.inject({ method, url });
    expect(response.statusCode).toBe(404);
    const body = failureBody.parse(response.json());
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.supportCode).toBeTruthy();
  });
});
