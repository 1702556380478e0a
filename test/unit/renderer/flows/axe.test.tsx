/**
 * axe on every screen in both languages, in jsdom. jsdom has no layout, so colour contrast
 * and target size cannot be measured here (the Playwright axe scan covers them); every
 * structural rule (labels, names, landmarks, headings, ARIA, lang) runs. The method modules'
 * own screens are stubbed here (they have their own tests); the flows around them are real.
 */
import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../renderer/i18n/en';
import { zhTW } from '../../../../renderer/i18n/zh-tw';
import { GOOD_CODE, method, PASSWORD, seedUsers, USER } from '../fake-api';
import { renderApp } from '../render-app';

vi.mock('../../../../renderer/methods', () => import('./method-stubs'));

async function expectNoViolations(where: string) {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
  });
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, where).toEqual([]);
}

const texts = { en, 'zh-TW': zhTW } as const;

/** The stubbed Verify step's controls (English in both languages: it is a test stand-in). */
async function passStubVerify(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  const form = await screen.findByTestId('verify-authenticatorApp');
  await user.type(within(form).getByLabelText('Code'), GOOD_CODE);
  await user.click(within(form).getByRole('button', { name: 'Verify' }));
}

describe.each(['en', 'zh-TW'] as const)('axe in %s', (language) => {
  const t = texts[language];

  it('finds nothing on the sign-in and security-info screens', async () => {
    const { user } = await renderApp({
      appInfo: { language },
      methods: [method('m1', 'authenticatorApp', 'Work phone'), method('s1', 'sms', '+1 •••• ••23'), method('e1', 'email', 'a•••@fabrikam.com')],
      securityInfo: { reconfirmDue: true },
    });
    await expectNoViolations('home');
    await user.click(screen.getByRole('button', { name: t.home.signIn }));
    await screen.findByTestId('screen-sign-in');
    await expectNoViolations('sign-in');
    await user.type(screen.getByLabelText(t.signIn.userId), USER);
    await user.type(screen.getByLabelText(t.signIn.password), 'wrong');
    await user.click(screen.getByRole('button', { name: t.signIn.submit }));
    await screen.findByRole('alert', {}, {});
    await expectNoViolations('sign-in with error');
    await user.clear(screen.getByLabelText(t.signIn.password));
    await user.type(screen.getByLabelText(t.signIn.password), PASSWORD);
    await user.click(screen.getByRole('button', { name: t.signIn.submit }));
    await screen.findByTestId('screen-second-factor');
    await screen.findByTestId('verify-authenticatorApp');
    await expectNoViolations('second factor');
    await passStubVerify(user);
    await screen.findByText('Work phone');
    await expectNoViolations('security info: cards, re-confirm, privacy note');
    await user.click(screen.getByRole('button', { name: t.overview.add }));
    await screen.findByTestId('screen-add-method');
    await expectNoViolations('add a method');
    await user.click(screen.getByRole('button', { name: t.common.back }));
    await user.click(within(await screen.findByRole('group', { name: t.overview.actionsFor.replace('{{name}}', 'Work phone') })).getByRole('button', { name: t.overview.rename }));
    await screen.findByTestId('screen-rename-method');
    await expectNoViolations('rename');
    await user.click(screen.getByRole('button', { name: t.common.cancel }));
    await user.click(within(await screen.findByRole('group', { name: t.overview.actionsFor.replace('{{name}}', '+1 •••• ••23') })).getByRole('button', { name: t.overview.remove }));
    await screen.findByTestId('screen-remove-method');
    await expectNoViolations('remove');
    await user.click(screen.getByRole('button', { name: t.common.cancel }));
    await user.click(await screen.findByRole('button', { name: t.overview.done }));
    await screen.findByTestId('screen-security-info-done');
    await expectNoViolations('done');
  }, 30_000);

  it('finds nothing on the enforced registration screen', async () => {
    const { user } = await renderApp({ appInfo: { language }, required: 2, methods: [method('m1', 'authenticatorApp', 'Work phone')], securityInfo: { requiredAtLaunch: true } });
    await user.click(screen.getByRole('button', { name: t.home.signIn }));
    await user.type(await screen.findByLabelText(t.signIn.userId), USER);
    await user.type(screen.getByLabelText(t.signIn.password), PASSWORD);
    await user.click(screen.getByRole('button', { name: t.signIn.submit }));
    await passStubVerify(user);
    await screen.findByTestId('screen-register-security-info');
    await expectNoViolations('register');
    await user.click(screen.getByRole('button', { name: t.register.skip }));
    await screen.findByTestId('screen-security-info');
    await screen.findByText('Work phone');
    await expectNoViolations('security info after a skip');
  }, 20_000);

  it('finds nothing on the reset screens and the demo inbox', async () => {
    // The directory's rules too: their note and lines are part of the new-password screen.
    const { user } = await renderApp({
      appInfo: { language },
      required: 2,
      accountDirectoryRules: { minLength: 12, complexity: true, history: 24, minAgeSeconds: 86_400, source: 'ppolicy cn=default,ou=policies,dc=contoso,dc=test' },
    });
    await user.click(screen.getByRole('button', { name: t.home.forgot }));
    await screen.findByTestId('screen-reset-user-id');
    await expectNoViolations('reset user id');
    await user.type(screen.getByLabelText(t.signIn.userId), USER);
    await user.click(screen.getByRole('button', { name: t.common.next }));
    await screen.findByTestId('screen-reset-verify');
    await screen.findByTestId('verify-authenticatorApp');
    await expectNoViolations('reset verify, 0 of 2');
    await passStubVerify(user);
    await screen.findByText(t.reset.stepPassed);
    await screen.findByTestId('verify-authenticatorApp');
    await expectNoViolations('reset verify, 1 of 2');
    await passStubVerify(user);
    await screen.findByTestId('screen-reset-new-password');
    await screen.findByText(t.rules.heading);
    expect(document.querySelector('[data-rule="complexity"]')).toHaveTextContent(t.rules.complexity.replace('{{n}}', '3'));
    await expectNoViolations('new password');
    await user.type(screen.getByLabelText(t.reset.newPassword), 'Blue-mountain-42');
    await expectNoViolations('new password typed');
    await user.click(screen.getByRole('button', { name: t.demo.inbox }));
    await screen.findByTestId('screen-demo-inbox');
    await screen.findAllByRole('article');
    await expectNoViolations('demo inbox');
  }, 30_000);

  it.each(Object.values(seedUsers))('finds nothing on the blocked screen for %s', async (userId) => {
    const { user } = await renderApp({ appInfo: { language } });
    await user.click(screen.getByRole('button', { name: t.home.forgot }));
    await user.type(await screen.findByLabelText(t.signIn.userId), userId);
    await user.click(screen.getByRole('button', { name: t.common.next }));
    await screen.findByTestId('screen-reset-blocked');
    await expectNoViolations(`blocked ${userId}`);
  });
});
