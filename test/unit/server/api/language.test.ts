/**
 * The user's language reaches the service: the app sends Accept-Language on every request,
 * and one-time codes (at setup and at challenge), security-info notices, reset and unlock
 * notices and helpdesk mails are written in it. The demo outbox shows them as sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { languageFromHeader } from '../../../../server/notify/messages.js';
import { ADELE, ALAIN, ALAIN_APP, MEGAN, alainCode, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL_ADDRESS, codeIn, createFastHarness, elevatedSession, outbox } from '../../../support/api-flows.js';

const zh = { language: 'zh-TW,zh;q=0.9,en;q=0.8' };

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-TW', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, zh-TW;q=0.8, en;q=0.5', 'zh-TW'],
    ['fr-FR, en;q=0.9, zh-TW;q=0.8', 'en'],
    ['en;q=0.5, zh-TW', 'zh-TW'],
    ['zh-TW;q=0, en', 'en'],
    ['zh-CN', 'en'],
    ['zh', 'en'],
    ['de, fr', 'en'],
    ['*', 'en'],
    ['zh-TW;q=abc', 'zh-TW'],
    ['x'.repeat(10_000), 'en'],
  ] as const)('%j → %s', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});

describe('messages in the caller’s language', () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await createFastHarness();
  });
  afterEach(() => h.close());

  it('a zh-TW user registering a phone gets the code and the notice in Traditional Chinese; the second-factor code too', async () => {
    const token = await h.signIn(ALAIN);
    success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, token, zh));
    const { setupId } = success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+14255550142' }, token, zh));
    const sent = outbox(h).at(-1)!;
    expect(sent).toMatchObject({ channel: 'sms', to: '+14255550142' });
    expect(sent.body).toMatch(/^您的 Contoso 驗證碼是 \d{6}。此驗證碼將於 5 分鐘後失效。$/);
    success(await h.call('confirmPhone', { setupId, code: codeIn(sent) }, token, zh));
    const notice = outbox(h).at(-1)!;
    expect(notice).toMatchObject({ channel: 'email', to: ALAIN_EMAIL_ADDRESS, subject: '您的 Contoso 安全性資訊已變更' });
    expect(notice.body).toContain('已新增電話（簡訊）「+1 ••• ••• ••42」');
    expect(notice.body).not.toMatch(/sms|added|security info/);
    // The demo outbox route shows what was sent, as sent.
    expect(success(await h.call('getDemoOutbox', {})).messages.slice(0, 2)).toEqual([notice, sent]); // newest first

    const next = success(await h.call('signIn', { userId: ALAIN, password: 'Demo-Passw0rd-2026' }));
    const phone = next.secondFactorMethods.find((m) => m.type === 'sms')!;
    success(await h.call('startSecondFactor', { methodId: phone.id }, next.sessionToken, zh));
    expect(outbox(h).at(-1)!.body).toMatch(/^您的 Contoso 驗證碼是 \d{6}/);
    success(await h.call('startSecondFactor', { methodId: phone.id }, next.sessionToken));
    expect(outbox(h).at(-1)!.body).toMatch(/^Your Contoso verification code is \d{6}/); // no header: English
  });

  it('a voice code is read out in zh-TW, digit by digit', async () => {
    const token = await elevatedSession(h, MEGAN);
    success(await h.call('beginPhone', { type: 'voice', phoneNumber: '+886912345678' }, token, { language: 'zh-Hant-TW' }));
    expect(outbox(h).at(-1)!.body).toMatch(/^您的 Contoso 驗證碼是 (\d, ){5}\d。再說一次：/);
  });

  it('an email code at a reset gate, and the reset and unlock notices, follow the header', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }, undefined, zh));
    success(await h.call('startResetChallenge', { methodId: 'm-alain-email' }, resetToken, zh));
    const code = outbox(h).at(-1)!;
    expect(code).toMatchObject({ channel: 'email', to: ALAIN_EMAIL_ADDRESS, subject: 'Contoso 驗證碼' });
    expect(code.body).toContain('如果您沒有要求此驗證碼，請忽略這封郵件');
    success(await h.call('verifyReset', { methodId: 'm-alain-email', code: codeIn(code) }, resetToken, zh));
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, resetToken, zh));
    expect(outbox(h).at(-1)).toMatchObject({ to: ALAIN_EMAIL_ADDRESS, subject: '您的 Contoso 密碼已重設' });

    h.clock.advance(30_000);
    const { resetToken: unlock } = success(await h.call('startReset', { userId: ALAIN, mode: 'unlock' }, undefined, { language: 'zh-HK' }));
    success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, unlock));
    success(await h.call('unlockAccount', {}, unlock, { language: 'zh-HK' }));
    expect(outbox(h).at(-1)).toMatchObject({ to: ALAIN_EMAIL_ADDRESS, subject: '您的 Contoso 帳戶已解除鎖定' });
  });

  it('a helpdesk request from a zh-TW screen mails the helpdesk in zh-TW; from an English one in English', async () => {
    success(await h.call('contactHelpdesk', { userId: ADELE, reason: 'SSPR_NOT_ENABLED' }, undefined, zh));
    const mail = outbox(h).at(-1)!;
    expect(mail).toMatchObject({ channel: 'email', to: 'helpdesk@contoso.com', subject: 'Contoso：adele@contoso.com 需要協助（SSPR_NOT_ENABLED）' });
    expect(mail.body).toContain('支援代碼：');
    h.clock.advance(61_000);
    success(await h.call('contactHelpdesk', { userId: ADELE, reason: 'OTHER' }, undefined, { language: 'en-GB' }));
    expect(outbox(h).at(-1)!.subject).toBe('Contoso: adele@contoso.com asks for help (OTHER)');
  });
});
