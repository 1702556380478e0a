/**
 * The demo directory's users with one kind of method each complete their flows: pradeep (only
 * a text-message phone) signs in and resets by text; isaiah (an alternate email and security
 * questions) resets with both; the administrator (an authenticator app and a text phone)
 * needs two methods at reset and passes both.
 */
import { DEMO_ANSWERS } from '../../server/demo/contoso.js';
import { predefinedQuestions } from '../../server/verifiers/questions.js';
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { methodRadio, offeredTypes, passWith } from './support/gates.js';
import { chooseNewPassword } from './support/reset-steps.js';

const DEMO_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test.beforeEach(async ({ page, host }) => {
  await page.goto(host.url);
  await new AppDriver(page).onScreen('home');
});

test('pradeep (only a phone) signs in with a text message, then resets by text', async ({ page, host }) => {
  const app = new AppDriver(page);
  const sms = { type: 'sms', directoryUrl: host.directoryUrl, to: '+14255550123' } as const;
  await app.signInFromHome('pradeep@contoso.com');
  await app.onScreen('second-factor', app.t.secondFactor.title);
  await passWith(app, sms);
  await app.onScreen('security-info', app.t.overview.title);
  await app.button(app.t.overview.signOut).click();
  await app.onScreen('home', app.t.app.name);

  await app.startReset('pradeep@contoso.com');
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  await passWith(app, sms);
  await chooseNewPassword(app);
});

test('isaiah (an email and security questions) resets with both', async ({ page, host }) => {
  const app = new AppDriver(page);
  // His answers, by the question texts a person reads (the demo's printed values).
  const answers = new Map(predefinedQuestions.filter((q) => q.id in DEMO_ANSWERS).map((q) => [q.text.en!, DEMO_ANSWERS[q.id]!] as const));
  await app.startReset('isaiah@contoso.com');
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  expect((await offeredTypes(app)).sort()).toEqual(['email', 'questions']);
  await passWith(app, { type: 'questions', answers });
  await expect(page.getByText(app.t.reset.stepPassed)).toBeVisible();
  await passWith(app, { type: 'email', directoryUrl: host.directoryUrl, to: 'isaiah.l@example.net' });
  await chooseNewPassword(app);
});

test('the administrator needs two methods at reset: the app, then a text message', async ({ page, host }) => {
  const app = new AppDriver(page);
  await app.startReset('admin@contoso.com');
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  await expect(page.getByText(app.t.reset.neededTwo)).toBeVisible();
  await expect(page.getByRole('list', { name: app.t.reset.progressLabel })).toBeVisible();
  await passWith(app, { type: 'authenticatorApp', secret: DEMO_SECRET });
  await expect(page.getByText(app.t.reset.stepPassed)).toBeVisible();
  await expect(methodRadio(app, 'authenticatorApp')).toBeDisabled();
  await passWith(app, { type: 'sms', directoryUrl: host.directoryUrl, to: '+14255550199' });
  await chooseNewPassword(app, 'Granite-Orchard-Compass-73');
});
