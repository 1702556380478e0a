/**
 * axe on every screen in both languages, in jsdom. jsdom has no layout, so colour contrast
 * and target size cannot be measured here (the Playwright axe scan covers them); every
 * structural rule (labels, names, landmarks, headings, ARIA, lang) runs.
 */
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { GOOD_CODE, PASSWORD, seedUsers, USER } from '../fake-api';
import { renderApp } from '../render-app';

async function expectNoViolations(where: string) {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
  });
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, where).toEqual([]);
}

const labels = {
  en: { signIn: 'Sign in to manage your security info', userId: 'User ID', password: 'Password', submit: 'Sign in', code: 'Code', verify: 'Verify', add: 'Add sign-in method', app: 'Authenticator app', next: 'Next', forgot: 'Forgot my password', newPw: 'New password', inbox: 'Demo inbox' },
  'zh-TW': { signIn: '登入以管理您的安全性資訊', userId: '使用者識別碼', password: '密碼', submit: '登入', code: '代碼', verify: '驗證', add: '新增登入方法', app: '驗證器應用程式', next: '下一步', forgot: '忘記我的密碼', newPw: '新密碼', inbox: '示範收件匣' },
} as const;

describe.each(['en', 'zh-TW'] as const)('axe in %s', (language) => {
  const l = labels[language];

  it('finds nothing on the sign-in and security-info screens', async () => {
    const { user } = await renderApp({ appInfo: { language } });
    await expectNoViolations('home');
    await user.click(screen.getByRole('button', { name: l.signIn }));
    await screen.findByTestId('screen-sign-in');
    await expectNoViolations('sign-in');
    await user.type(screen.getByLabelText(l.userId), USER);
    await user.type(screen.getByLabelText(l.password), 'wrong');
    await user.click(screen.getByRole('button', { name: l.submit }));
    await screen.findByRole('alert', {}, {});
    await expectNoViolations('sign-in with error');
    await user.clear(screen.getByLabelText(l.password));
    await user.type(screen.getByLabelText(l.password), PASSWORD);
    await user.click(screen.getByRole('button', { name: l.submit }));
    await screen.findByTestId('screen-second-factor');
    await expectNoViolations('second factor');
    await user.type(screen.getByLabelText(l.code), GOOD_CODE);
    await user.click(screen.getByRole('button', { name: l.verify }));
    await screen.findByText('Work phone');
    await user.click(screen.getByRole('button', { name: l.add }));
    await expectNoViolations('overview');
    await user.click(screen.getByRole('button', { name: l.app }));
    await screen.findByTestId('screen-add-authenticator-app-intro');
    await expectNoViolations('intro');
    await user.click(screen.getByRole('button', { name: l.next }));
    await screen.findByRole('img');
    await expectNoViolations('scan');
    await user.click(screen.getByRole('button', { name: l.next }));
    await screen.findByTestId('screen-add-authenticator-app-verify');
    await expectNoViolations('verify');
  });

  it('finds nothing on the reset screens and the demo inbox', async () => {
    const { user } = await renderApp({ appInfo: { language } });
    await user.click(screen.getByRole('button', { name: l.forgot }));
    await screen.findByTestId('screen-reset-user-id');
    await expectNoViolations('reset user id');
    await user.type(screen.getByLabelText(l.userId), USER);
    await user.click(screen.getByRole('button', { name: l.next }));
    await screen.findByTestId('screen-reset-verify');
    await expectNoViolations('reset verify');
    await user.type(screen.getByLabelText(l.code), GOOD_CODE);
    await user.click(screen.getByRole('button', { name: l.verify }));
    await screen.findByTestId('screen-reset-new-password');
    await screen.findByRole('list');
    await expectNoViolations('new password');
    await user.type(screen.getByLabelText(l.newPw), 'Blue-mountain-42');
    await expectNoViolations('new password typed');
    await user.click(screen.getByRole('button', { name: l.inbox }));
    await screen.findByTestId('screen-demo-inbox');
    await screen.findAllByRole('article');
    await expectNoViolations('demo inbox');
  });

  it.each(Object.values(seedUsers))('finds nothing on the blocked screen for %s', async (userId) => {
    const { user } = await renderApp({ appInfo: { language } });
    await user.click(screen.getByRole('button', { name: l.forgot }));
    await user.type(await screen.findByLabelText(l.userId), userId);
    await user.click(screen.getByRole('button', { name: l.next }));
    await screen.findByTestId('screen-reset-blocked');
    await expectNoViolations(`blocked ${userId}`);
  });
});
