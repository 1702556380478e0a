import { describe, expect, it } from 'vitest';
import { accountUnlockedMessage, codeMessage, helpdeskRequestMessage, passwordResetMessage, securityInfoChangedMessage } from '../../../server/notify/messages.js';

const at = new Date(Date.UTC(2026, 4, 2, 9, 30));

describe('messages', () => {
  it('writes the code message for each channel in English', () => {
    expect(codeMessage({ channel: 'sms', organization: 'Contoso', code: '123456', lifetimeMinutes: 5 }).body).toBe('Your Contoso verification code is 123456. It expires in 5 minutes.');
    expect(codeMessage({ channel: 'voice', organization: 'Contoso', code: '123456', lifetimeMinutes: 5 }).body).toBe(
      'Your Contoso verification code is 1, 2, 3, 4, 5, 6. Again: 1, 2, 3, 4, 5, 6. It expires in 5 minutes.',
    );
    const email = codeMessage({ channel: 'email', organization: 'Contoso', code: '12345678', lifetimeMinutes: 1 });
    expect(email.subject).toBe('Your Contoso verification code');
    expect(email.body).toMatch(/^Your Contoso verification code is 12345678\. It expires in 1 minute\.\n/);
  });

  it('writes it in Traditional Chinese, and falls back to English for other languages', () => {
    expect(codeMessage({ channel: 'sms', organization: 'Contoso', code: '123456', lifetimeMinutes: 5, language: 'zh-TW' }).body).toBe('您的 Contoso 驗證碼是 123456。此驗證碼將於 5 分鐘後失效。');
    expect(codeMessage({ channel: 'sms', organization: 'Contoso', code: '1', lifetimeMinutes: 5, language: 'fr' }).body).toMatch(/^Your Contoso/);
  });

  it('tells the user what happened to the account and where to turn', () => {
    const info = securityInfoChangedMessage({ organization: 'Contoso', userId: 'alain@contoso.com', at, change: 'authenticator app added', helpdesk: 'helpdesk@contoso.com' });
    expect(info.subject).toBe('Your Contoso security info was changed');
    expect(info.body).toContain('2026-05-02 09:30 UTC: authenticator app added');
    expect(info.body).toContain("If this wasn't you, contact your helpdesk right away: helpdesk@contoso.com.");
    expect(passwordResetMessage({ organization: 'Contoso', userId: 'a', at, language: 'zh-TW' }).subject).toBe('您的 Contoso 密碼已重設');
    expect(accountUnlockedMessage({ organization: 'Contoso', userId: 'a', at }).body).toContain('was unlocked on 2026-05-02 09:30 UTC');
  });

  it('gives the helpdesk the reason and support code', () => {
    const m = helpdeskRequestMessage({ organization: 'Contoso', userId: 'adele@contoso.com', reason: 'SSPR_NOT_ENABLED', supportCode: 'A1B2C3D4E5', at });
    expect(m.subject).toBe('Contoso: adele@contoso.com asks for help (SSPR_NOT_ENABLED)');
    expect(m.body).toContain('Support code: A1B2C3D4E5');
  });
});
