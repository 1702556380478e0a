/**
 * Untrusted text stays data. At the route, control characters in typed text are refused
 * (contract/api.ts `plainText`); behind it, every mail, text and audit row renders untrusted
 * values as one bounded line (server/notify/untrusted-text.ts), so a value that came another
 * way (a directory, a config, an old row) still cannot forge a line, a header or a reordering.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS } from '../../../contract/api.js';
import {
  accountUnlockedMessage,
  codeMessage,
  describeChange,
  helpdeskRequestMessage,
  passwordChangedMessage,
  passwordResetMessage,
  securityInfoChangedMessage,
  type RenderedMessage,
} from '../../../server/notify/messages.js';
import { plainField } from '../../../server/notify/untrusted-text.js';
import { audit } from '../../../server/service-context.js';
import { createFastHarness, outbox } from '../../support/api-flows.js';
import { ALAIN, DEMO_PASSWORD, failure, success, type ApiHarness } from '../../support/api-harness.js';
import { HOUR } from '../../support/fake-clock.js';

/** The attack that was found: a user id carrying lines of its own. */
const FORGED = 'alain@contoso.com\r\nReason: OTHER\r\nSupport code: 0000000000\n\u2028Note: call +1 555 0100\u202e';
const at = new Date(Date.UTC(2026, 2, 2, 9, 0));

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness({ signInFailures: { max: 2, windowMs: HOUR, blockMs: HOUR } });
});
afterEach(() => h.close());

describe('at the route: control characters in typed text are refused', () => {
  it.each([
    ['line breaks and forged lines', FORGED],
    ['a line separator', 'alain@contoso.com\u2028Support code: 1'],
    ['a bidi override', 'moc.osotnoc@\u202enia la'],
    ['a NUL', 'alain@contoso.com\0'],
    ['an escape sequence', 'alain\x1b[2J@contoso.com'],
  ])('helpdesk request with a user id holding %s → 400, nothing sent', async (_label, userId) => {
    const before = outbox(h).length;
    const reply = await h.call('contactHelpdesk', { userId, reason: 'OTHER' });
    expect(reply.status).toBe(400);
    expect(failure(reply).code).toBe('BAD_REQUEST');
    expect(outbox(h)).toHaveLength(before);
  });

  it('sign-in with a NUL in the password → 400 naming why, and never counted towards the sign-in limit', async () => {
    for (let i = 0; i < 5; i++) {
      const reply = await h.call('signIn', { userId: ALAIN, password: `${DEMO_PASSWORD}\0` });
      expect(reply.status).toBe(400);
      expect(failure(reply).message).toContain('a password cannot contain a NUL character');
    }
    // The limit is 2 failures: had any of the five been counted, the right password would be THROTTLED now.
    success(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD }));
  });

  it('the old password at change with a NUL → 400 naming why', async () => {
    const reply = await h.call('changePassword', { userId: ALAIN, oldPassword: `${DEMO_PASSWORD}\0`, newPassword: 'a brand new passphrase 2026' });
    expect(reply.status).toBe(400);
    expect(failure(reply).message).toContain('a password cannot contain a NUL character');
  });
});

/** Each line of a body: none may be a line an untrusted value added. */
const lines = (m: RenderedMessage) => m.body.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
function expectNoForgery(message: RenderedMessage, templateLines: number) {
  expect(message.subject).not.toMatch(CONTROL_CHARACTERS);
  expect(lines(message)).toHaveLength(templateLines);
  for (const line of lines(message)) expect(line).not.toMatch(CONTROL_CHARACTERS);
}

describe('messages: an untrusted value is one bounded field', () => {
  it.each(['en', 'zh-TW'])('the helpdesk mail (%s): one "Support code" line, the real one', (language) => {
    const message = helpdeskRequestMessage({ organization: 'Contoso', userId: FORGED, reason: 'NOT_REGISTERED\nSupport code: 1111111111', supportCode: 'A1B2C3D4E5', at, language });
    expectNoForgery(message, 3);
    const codeLines = lines(message).filter((l) => /^(Support code|支援代碼)：?:?/.test(l));
    expect(codeLines).toEqual([language === 'en' ? 'Support code: A1B2C3D4E5' : '支援代碼：A1B2C3D4E5']);
    expect(lines(message)[0]).toContain('alain@contoso.com\uFFFD\uFFFDReason: OTHER');
  });

  it('notices to the user: reset, change, unlock, security info — a forged user id, organization, helpdesk or label adds no line', () => {
    const input = { organization: 'Contoso\r\nBcc: attacker@example.org', userId: FORGED, at, helpdesk: 'helpdesk@contoso.com\nCall +1 555 0199 now' };
    for (const language of ['en', 'zh-TW']) {
      for (const render of [passwordResetMessage, passwordChangedMessage, accountUnlockedMessage]) expectNoForgery(render({ ...input, language }), 3);
      const change = describeChange({ action: 'renamed', methodName: { en: 'Authenticator app', 'zh-TW': '驗證器應用程式' }, label: 'Phone\n\nIf this was you, ignore', previousLabel: 'Old\rname' }, language);
      expect(change).not.toMatch(CONTROL_CHARACTERS);
      expectNoForgery(securityInfoChangedMessage({ ...input, change: `${change}\nForged line`, language }), 3);
    }
  });

  it('a one-time code message: a forged organization adds no line to a text or a call', () => {
    for (const channel of ['sms', 'voice'] as const) expectNoForgery(codeMessage({ channel, organization: 'Contoso\nYour code is 000000', code: '123456', lifetimeMinutes: 5 }), 1);
    expectNoForgery(codeMessage({ channel: 'email', organization: 'Contoso\nYour code is 000000', code: '12345678', lifetimeMinutes: 10 }), 3);
  });

  it('a huge value is bounded (in code points), a lone surrogate replaced', () => {
    const message = helpdeskRequestMessage({ organization: 'Contoso', userId: `${'😀'.repeat(5_000)}\ud800`, reason: 'OTHER', supportCode: 'A1B2C3D4E5', at });
    expect(message.body.length).toBeLessThan(1_000);
    expect(plainField('😀'.repeat(300), 256)).toBe(`${'😀'.repeat(255)}…`);
    expect(plainField('a\ud800b\udc00', 10)).toBe('a\uFFFDb\uFFFD');
    // What is already plain passes unchanged (names in any script, combining marks, emoji).
    for (const plain of ['alain@contoso.com', '驗證器應用程式', 'José\u0301', '👩‍💻 laptop', '+1 ••• ••• ••42']) expect(plainField(plain)).toBe(plain);
  });
});

describe('audit rows: user id, client and detail are one bounded line', () => {
  it('a forged user id and detail are stored without a control character, bounded', async () => {
    await audit(h.ctx, { event: 'helpdesk.request', userId: FORGED, client: '127.0.0.1\nforged', outcome: 'success', detail: `OTHER\n{"event":"reset.complete","outcome":"success"}${'x'.repeat(5_000)}` });
    const row = (await h.ctx.store.listAudit()).at(-1)!;
    for (const value of [row.userId, row.client, row.detail]) expect(value).not.toMatch(CONTROL_CHARACTERS);
    expect(row.userId).toMatch(/^alain@contoso\.com\uFFFD\uFFFDReason: OTHER/);
    expect(Array.from(row.detail!).length).toBeLessThanOrEqual(500);
  });
});
