/**
 * The per-user method limit holds when setups race: begun in parallel while under the limit,
 * confirmed in parallel — only as many land as the limit allows (the store adds atomically).
 */
import { afterEach, expect, it } from 'vitest';
import { ALAIN, success, type ApiHarness } from '../../../support/api-harness.js';
import { createFastHarness, elevatedSession } from '../../../support/api-flows.js';
import { totpCode } from '../../../support/totp.js';

let h: ApiHarness;
afterEach(() => h.close());

it('with room for 2 more apps, 6 setups begun at once and confirmed at once add exactly 2', async () => {
  h = await createFastHarness({ maxAuthenticatorApps: 3 });
  const token = await elevatedSession(h, ALAIN);
  const before = success(await h.call('getSecurityInfo', {}, token)).methods.filter((m) => m.type === 'authenticatorApp').length;
  expect(before).toBe(1);
  const setups = await Promise.all(Array.from({ length: 6 }, () => h.call('beginAuthenticatorApp', {}, token)));
  const started = setups.map((s) => success(s));
  const confirmed = await Promise.all(started.map(async (s, i) => h.call('confirmAuthenticatorApp', { setupId: s.setupId, code: await totpCode(s.secret, h.clock()), name: `App ${i}` }, token)));
  expect(confirmed.filter((r) => r.body.ok)).toHaveLength(2);
  for (const r of confirmed.filter((c) => !c.body.ok)) expect(r.body).toMatchObject({ ok: false, error: { code: 'METHOD_LIMIT_REACHED' } });
  expect(success(await h.call('getSecurityInfo', {}, token)).methods.filter((m) => m.type === 'authenticatorApp')).toHaveLength(3);
});
