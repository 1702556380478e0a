/**
 * What operators and the demo rely on: health, the OpenAPI document, the demo outbox only in
 * demo mode, and "Contact your administrator" (support code, audit, helpdesk email, rate limit).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes } from '../../../contract/api.js';
import { ADELE, createApiHarness, failure, success, type ApiHarness } from '../../support/api-harness.js';

let h: ApiHarness;
afterEach(() => h.close());

describe('health and API description', () => {
  it('/healthz answers 200', async () => {
    h = await createApiHarness();
    const response = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true });
  });

  it('/api/v1/openapi.json is OpenAPI 3.1.0 and lists every route with its method', async () => {
    h = await createApiHarness();
    const doc = (await h.app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` })).json() as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const [name, route] of Object.entries(apiRoutes)) {
      expect(doc.paths[API_PREFIX + route.path]?.[route.method.toLowerCase()]?.operationId, name).toBe(name);
    }
  });
});

describe('the demo outbox route', () => {
  it('exists in demo mode and lists what was sent, newest first', async () => {
    h = await createApiHarness();
    await h.ctx.notifier.send({ channel: 'email', to: 'a@example.net', subject: 'first', body: '1' });
    h.clock.advance(1_000);
    await h.ctx.notifier.send({ channel: 'email', to: 'a@example.net', subject: 'second', body: '2' });
    expect(success(await h.call('getDemoOutbox', {})).messages.map((m) => m.subject)).toEqual(['second', 'first']);
  });

  it('is absent (404 NOT_FOUND) when the context has no outbox, and not in the OpenAPI document', async () => {
    h = await createApiHarness({ withoutOutbox: true });
    const reply = await h.call('getDemoOutbox', {});
    expect(reply.status).toBe(404);
    expect(failure(reply).code).toBe('NOT_FOUND');
    const doc = (await h.app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain(`${API_PREFIX}/demo/outbox`);
  });
});

describe('"Contact your administrator"', () => {
  it('returns a support code, audits it, and emails the helpdesk with it', async () => {
    h = await createApiHarness();
    const { supportCode } = success(await h.call('contactHelpdesk', { userId: ADELE, reason: 'SSPR_NOT_ENABLED' }));
    expect(supportCode).toMatch(/^[0-9A-F]{10}$/);
    const audit = await h.ctx.store.listAudit();
    expect(audit).toContainEqual(expect.objectContaining({ event: 'helpdesk.request', userId: ADELE, supportCode, detail: 'SSPR_NOT_ENABLED' }));
    const mail = h.ctx.outbox!.list();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: 'email', to: 'helpdesk@contoso.com' });
    expect(`${mail[0]!.subject} ${mail[0]!.body}`).toContain(supportCode);
    expect(mail[0]!.body).toContain(ADELE);
  });

  it('answers the same for an unknown account (does not reveal who works here)', async () => {
    h = await createApiHarness();
    const known = await h.call('contactHelpdesk', { userId: ADELE, reason: 'OTHER' });
    const unknown = await h.call('contactHelpdesk', { userId: 'nobody@contoso.com', reason: 'OTHER' });
    expect(unknown.status).toBe(known.status);
    expect(Object.keys(success(unknown))).toEqual(Object.keys(success(known)));
  });

  it('sends at most one message per account per minute (user id in any case), then one again', async () => {
    h = await createApiHarness();
    success(await h.call('contactHelpdesk', { userId: ADELE, reason: 'OTHER' }));
    h.clock.advance(30_000);
    const again = success(await h.call('contactHelpdesk', { userId: ADELE.toUpperCase(), reason: 'OTHER' }));
    expect(h.ctx.outbox!.list()).toHaveLength(1);
    // The code handed out while rate-limited still points at an audit event the helpdesk can find.
    expect((await h.ctx.store.listAudit()).some((e) => e.supportCode === again.supportCode)).toBe(true);
    success(await h.call('contactHelpdesk', { userId: 'megan@contoso.com', reason: 'OTHER' }));
    expect(h.ctx.outbox!.list()).toHaveLength(2);
    h.clock.advance(30_001);
    success(await h.call('contactHelpdesk', { userId: ADELE, reason: 'OTHER' }));
    expect(h.ctx.outbox!.list()).toHaveLength(3);
  });
});

describe("Fastify's own refusals keep their precise status, as typed results", () => {
  it('a body over the limit is 413 and a wrong content type 415, both BAD_REQUEST', async () => {
    const h = await createApiHarness();
    try {
      const big = await h.app.inject({ method: 'POST', url: `${API_PREFIX}/reset`, payload: { userId: 'x'.repeat(20_000) } });
      expect([big.statusCode, big.json().error.code]).toEqual([413, 'BAD_REQUEST']);
      const text = await h.app.inject({ method: 'POST', url: `${API_PREFIX}/reset`, payload: '<userId>alain</userId>', headers: { 'content-type': 'application/xml' } });
      expect([text.statusCode, text.json().error.code]).toEqual([415, 'BAD_REQUEST']);
      expect(text.json().error.supportCode).toMatch(/^[0-9A-F]{10}$/);
    } finally {
      await h.close();
    }
  });
});
