/**
 * Keyboard only: megan signs in and adds an authenticator app and a text-message phone with
 * Tab, Enter and typing — no click anywhere. Codes from oathtool and the demo outbox.
 */
import { AppDriver, DEMO_PASSWORD } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { expectAdded } from './support/add-methods.js';
import { press, typeInto } from './support/keyboard.js';
import { oathtoolCode } from './support/oathtool.js';
import { latestCode } from './support/outbox.js';

test('megan adds an authenticator app and a text-message phone with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  const common = t.method.common;
  await app.onScreen('home', t.app.name);

  await press(page, app.button(t.home.signIn));
  await app.onScreen('sign-in', t.signIn.title);
  await typeInto(page, app.field(t.signIn.userId), 'megan@contoso.com');
  await typeInto(page, app.field(t.signIn.password), DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await app.onScreen('register-security-info', t.register.title);

  // Authenticator app: intro → scan (the key is read, as a person reads it off the screen) → code.
  await press(page, app.button(t.methods.authenticatorApp));
  await app.onScreen('add-authenticator-app-intro', t.method.authenticatorApp.introTitle);
  await press(page, app.button(common.next));
  await app.onScreen('add-authenticator-app-scan', t.method.authenticatorApp.scanTitle);
  const key = (await page.getByTestId('manual-key').textContent())!.replace(/\s+/g, '');
  await press(page, app.button(common.next));
  await app.onScreen('add-authenticator-app-verify', t.method.authenticatorApp.verifyTitle);
  await typeInto(page, app.field(common.code), oathtoolCode(key));
  await page.keyboard.press('Enter');
  await expectAdded(app, t.method.authenticatorApp.name);

  // Text message: the country follows the browser (en-US), the number is typed, Enter sends.
  await press(page, app.button(t.overview.add));
  await app.onScreen('add-method', t.choose.title);
  await press(page, app.button(t.methods.sms));
  await app.onScreen('add-sms-number', t.method.sms.addTitle);
  await expect(app.field(t.method.phone.country)).toHaveValue('US');
  await typeInto(page, app.field(t.method.phone.number), '425 555 0142');
  const since = Date.now();
  await page.keyboard.press('Enter');
  await app.onScreen('add-sms-code', t.method.sms.codeTitle);
  await typeInto(page, app.field(common.code), await latestCode(host.directoryUrl, 'sms', '+14255550142', since));
  await page.keyboard.press('Enter');
  await expectAdded(app);
});
