/**
 * axe (wcag2a/aa, 21aa, 22aa, best practice) on every method screen in both languages, in
 * jsdom: structure, names, labels, ARIA. Colour contrast and target size need layout; the
 * Playwright axe scan covers them.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/i18n';
import { methodScreens } from '../../../../renderer/methods';
import { added, fail, gate, installApi, ok } from './helpers';

vi.mock('@simplewebauthn/browser', () => ({
  browserSupportsWebAuthn: () => true,
  platformAuthenticatorIsAvailable: async () => true,
  startRegistration: async () => {
    throw Object.assign(new Error('x'), { name: 'NotAllowedError' });
  },
  startAuthentication: async () => {
    throw Object.assign(new Error('x'), { name: 'InvalidStateError' });
  },
}));

async function expectNoViolations(where: string) {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
  });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([]);
}

/** A page around a component, as the app's shell gives it: a main landmark (and a heading for verify steps). */
const Page = ({ children, heading }: { children: ReactNode; heading?: string }) => (
  <main>
    {heading && <h1>{heading}</h1>}
    {children}
  </main>
);

const pool = [
  { id: 'q-a', text: { en: 'What was the name of your first pet?', 'zh-TW': '您的第一隻寵物叫什麼名字？' } },
  { id: 'q-b', text: { en: 'What was your first job?', 'zh-TW': '您的第一份工作是什麼？' } },
];

function allCalls() {
  return installApi({
    getThisDeviceStatus: async () => ok({ available: true, reason: 'ok' as const }),
    beginAuthenticatorApp: async () => ok({ otpauthUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', manualKey: 'JBSWY3DPEHPK3PXP', issuer: 'Contoso', accountName: 'alain' }),
    confirmAuthenticatorApp: async () => fail('INVALID_CODE'),
    getThisDeviceCode: async () => ok({ outcome: 'success' as const, code: '123456', secondsLeft: 20, period: 30 }),
    beginPhone: async () => ok({ sentTo: '•••23', expiresAt: '2026-12-01T21:00:00.000Z', digits: 6 }),
    confirmPhone: async () => fail('INVALID_CODE'),
    beginEmail: async () => ok({ sentTo: 'a•••@example.com', expiresAt: '2026-12-01T21:00:00.000Z', digits: 8 }),
    beginSecurityKey: async () => ok({ options: {} }),
    getQuestionPool: async () => ok({ questions: pool, toRegister: 2, minAnswerLength: 3, maxAnswerLength: 40 }),
    registerQuestions: async () => ok({ method: added('questions', 'x') }),
  });
}

const labels = {
  en: { next: 'Next', code: 'Code', verify: 'Verify', number: 'Phone number', send: 'Send code', email: 'Email address', key: 'A security key or phone', answer: 'Answer 1', show: 'Show code from this device', useKey: 'Use your security key' },
  'zh-TW': { next: '下一步', code: '代碼', verify: '驗證', number: '電話號碼', send: '傳送代碼', email: '電子郵件地址', key: '安全性金鑰或手機', answer: '答案 1', show: '顯示這部裝置上的代碼', useKey: '使用您的安全性金鑰' },
} as const;

describe.each(['en', 'zh-TW'] as const)('axe on the method screens in %s', (language) => {
  const l = labels[language];
  const props = { onAdded: vi.fn(), onCancel: vi.fn(), existingLabels: [] };

  it('finds nothing in the authenticator app wizard and verify step', async () => {
    await initI18n(language);
    allCalls();
    const user = userEvent.setup();
    const { Add, Verify } = methodScreens.authenticatorApp;
    const view = render(<Page><Add {...props} /></Page>);
    await screen.findByTestId('screen-add-authenticator-app-intro');
    await screen.findAllByRole('button', { name: /./ });
    await expectNoViolations('intro');
    await user.click(screen.getAllByRole('button')[0]!);
    await screen.findByTestId('screen-add-authenticator-app-scan');
    await expectNoViolations('scan');
    await user.click(screen.getByRole('button', { name: l.next }));
    await user.type(await screen.findByLabelText(l.code), '000000');
    await user.click(screen.getByRole('button', { name: l.verify }));
    await screen.findByText(/./, { selector: '.field-error' });
    await expectNoViolations('verify with a wrong code');
    view.unmount();
    render(<Page heading="Verify"><Verify method={gate('authenticatorApp', { onThisDevice: true })} requestChallenge={async () => ok({ kind: 'totp', digits: 6 })} submit={vi.fn()} busy={false} error={null} /></Page>);
    await user.click(await screen.findByRole('button', { name: l.show }));
    await screen.findByText(/123456/);
    await expectNoViolations('verify with the device code');
  });

  it('finds nothing in the phone and email wizards', async () => {
    await initI18n(language);
    allCalls();
    const user = userEvent.setup();
    const view = render(<Page><methodScreens.sms.Add {...props} /></Page>);
    await user.type(await screen.findByLabelText(l.number), '12');
    await user.click(screen.getByRole('button', { name: l.send }));
    await expectNoViolations('number with an error');
    await user.clear(screen.getByLabelText(l.number));
    await user.type(screen.getByLabelText(l.number), '+1 201 555 0123');
    await user.click(screen.getByRole('button', { name: l.send }));
    await screen.findByTestId('screen-add-sms-code');
    await user.type(screen.getByLabelText(l.code), '000000');
    await user.click(screen.getByRole('button', { name: l.verify }));
    await screen.findByText(/./, { selector: '.field-error' });
    await expectNoViolations('code with an error');
    view.unmount();
    render(<Page><methodScreens.email.Add {...props} /></Page>);
    await user.type(await screen.findByLabelText(l.email), 'alain@example.com');
    await expectNoViolations('email address');
    await user.click(screen.getByRole('button', { name: l.send }));
    await screen.findByTestId('screen-add-email-code');
    await expectNoViolations('email code');
    // axe walks every option of the country list: slower than the other screens.
  }, 30_000);

  it('finds nothing in the security key and questions screens', async () => {
    await initI18n(language);
    allCalls();
    const user = userEvent.setup();
    const view = render(<Page><methodScreens.securityKey.Add {...props} /></Page>);
    await user.click(await screen.findByRole('button', { name: l.key }));
    await screen.findByText(/./, { selector: '.method-problem' });
    await expectNoViolations('security key refused');
    view.unmount();
    const v2 = render(<Page heading="Verify"><methodScreens.securityKey.Verify method={gate('securityKey')} requestChallenge={async () => ok({ kind: 'webauthn', options: {} })} submit={vi.fn()} busy={false} error={null} /></Page>);
    await user.click(await screen.findByRole('button', { name: l.useKey }));
    await screen.findByText(/./, { selector: '.method-problem' });
    await expectNoViolations('security key verify refused');
    v2.unmount();
    const v3 = render(<Page><methodScreens.questions.Add {...props} /></Page>);
    await user.type(await screen.findByLabelText(l.answer), 'ab');
    await expectNoViolations('questions with a rule broken');
    v3.unmount();
    render(<Page heading="Verify"><methodScreens.questions.Verify method={gate('questions')} requestChallenge={async () => ok({ kind: 'questions', questions: pool })} submit={vi.fn()} busy={false} error={null} /></Page>);
    await screen.findAllByLabelText(/./, { selector: 'input[type="password"]' });
    await expectNoViolations('questions verify');
  });
});
