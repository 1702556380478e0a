import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../contract/ipc';
import { seedUsers } from '../fake-api';
import { renderApp } from '../render-app';

type SeedCase = { code: keyof typeof seedUsers; lines: Record<Language, string[]> };

const cases: SeedCase[] = [
  {
    code: 'PASSWORD_NOT_MANAGED',
    lines: {
      en: [
        'Please contact your administrator.',
        "We've detected that your user account password isn't managed by this service. As a result, we are unable to automatically reset your password.",
        'Contact your IT staff for any further assistance.',
      ],
      'zh-TW': ['請連絡您的系統管理員。', '我們偵測到您的使用者帳戶密碼未受到此服務管理。因此，我們無法自動重設您的密碼。', '請連絡 IT 人員以尋求進一步的協助。'],
    },
  },
  {
    code: 'SSPR_NOT_ENABLED',
    lines: {
      en: [
        'Your account is not enabled for password reset.',
        "We're sorry, but your IT staff has not set up your account for use with this service.",
        "If you'd like, we can contact an administrator in your organization to reset your password for you.",
      ],
      'zh-TW': ['您的帳戶未啟用密碼重設功能。', '很抱歉，IT 人員還沒將您的帳戶設定用於此服務。', '如果您願意，我們可以連絡貴組織的系統管理員來為您重設密碼。'],
    },
  },
  {
    code: 'NOT_REGISTERED',
    lines: {
      en: ["We couldn't verify your account.", "If you'd like, we can contact an administrator in your organization to reset your password for you."],
      'zh-TW': ['我們無法驗證您的帳戶。', '如果您願意，我們可以連絡貴組織的系統管理員來為您重設密碼。'],
    },
  },
];

const ui = {
  en: { forgot: 'Forgot my password', userId: 'User ID', next: 'Next', contact: 'Contact an administrator', sent: "Your request was sent to your organization's helpdesk. Support code: HD-4242", support: 'Support code: ' },
  'zh-TW': { forgot: '忘記我的密碼', userId: '使用者識別碼', next: '下一步', contact: '連絡系統管理員', sent: '您的要求已傳送給貴組織的技術支援中心。支援代碼：HD-4242', support: '支援代碼：' },
} as const;

describe.each(['en', 'zh-TW'] as const)('the seed’s error cases in %s', (language) => {
  const texts = ui[language];

  it.each(cases)('$code shows the seed text and its action', async ({ code, lines }) => {
    const { user, fake } = await renderApp({ appInfo: { language } });
    expect(document.documentElement.lang).toBe(language);
    await user.click(screen.getByRole('button', { name: texts.forgot }));
    await user.type(await screen.findByLabelText(texts.userId), seedUsers[code]);
    await user.click(screen.getByRole('button', { name: texts.next }));

    await screen.findByTestId('screen-reset-blocked');
    const [title, ...rest] = lines[language];
    expect(screen.getByRole('heading', { level: 1, name: title })).toHaveFocus();
    for (const line of rest) expect(screen.getByText(line)).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^${texts.support}SC-100`))).toBeInTheDocument();

    if (code === 'PASSWORD_NOT_MANAGED') {
      // Contact details from the error (policy), no request button.
      expect(screen.getByText(/it@contoso\.com/)).toBeInTheDocument();
      expect(screen.getByText(/\+1 555 0199/)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: texts.contact })).not.toBeInTheDocument();
      return;
    }
    await user.click(screen.getByRole('button', { name: texts.contact }));
    expect(await within(screen.getByRole('status')).findByText(texts.sent)).toBeInTheDocument();
    expect(fake.callsOf('contactHelpdesk')).toEqual([{ userId: seedUsers[code], reason: code }]);
    expect(screen.queryByRole('button', { name: texts.contact })).not.toBeInTheDocument();
  });
});
