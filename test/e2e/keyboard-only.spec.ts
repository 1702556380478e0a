/**
 * Keyboard only: megan signs in and adds every method with Tab, Enter, arrows and typing — no
 * click anywhere. Codes from oathtool and the demo outbox; keys on a CDP virtual authenticator.
 */
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { card, expectAdded } from './support/add-methods.js';
import { chooseWithArrows, openAddWithKeyboard, press, signInWithKeyboard, typeInto } from './support/keyboard.js';
import { oathtoolCode } from './support/oathtool.js';
import { latestCode } from './support/outbox.js';
import { addVirtualAuthenticator } from './support/virtual-authenticator.js';

test('megan adds an authenticator app and a text-message phone with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  const common = t.method.common;
  await signInWithKeyboard(app);

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
  await openAddWithKeyboard(app, 'sms');
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

test('megan adds a phone for calls, an alternate email and security questions with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  const common = t.method.common;
  await signInWithKeyboard(app);

  // Phone call: the country follows the browser (en-US); "Call me" is reached by Tab.
  await press(page, app.button(t.methods.voice));
  await app.onScreen('add-voice-number', t.method.voice.addTitle);
  await expect(app.field(t.method.phone.country)).toHaveValue('US');
  await typeInto(page, app.field(t.method.phone.number), '(425) 555-0143');
  let since = Date.now();
  await press(page, app.button(t.method.voice.callMe));
  await app.onScreen('add-voice-code', t.method.voice.codeTitle);
  await typeInto(page, app.field(common.code), await latestCode(host.directoryUrl, 'voice', '+14255550143', since));
  await press(page, app.button(common.verify));
  await expectAdded(app);
  await expect(card(app, 'voice')).toHaveCount(1);

  // Alternate email: the 8-digit code from the mailbox.
  await openAddWithKeyboard(app, 'email');
  await app.onScreen('add-email-address', t.method.email.addTitle);
  await typeInto(page, app.field(t.method.email.address), 'megan.b@example.net');
  since = Date.now();
  await press(page, app.button(t.method.email.sendCode));
  await app.onScreen('add-email-code', t.method.email.codeTitle);
  const code = await latestCode(host.directoryUrl, 'email', 'megan.b@example.net', since);
  expect(code).toMatch(/^\d{8}$/);
  await typeInto(page, app.field(common.code), code);
  await press(page, app.button(common.verify));
  await expectAdded(app);
  await expect(card(app, 'email')).toHaveCount(1);

  // Security questions: each select is chosen with ArrowDown (a question taken in an earlier
  // row is disabled, so one press picks a different one), each answer typed.
  const q = t.method.questions;
  await openAddWithKeyboard(app, 'questions');
  await app.onScreen('add-questions-answer', q.addTitle);
  const words = ['quokka', 'zeppelin', 'marimba', 'tangerine', 'obsidian', 'walrus'];
  const chosen: string[] = [];
  for (let n = 1; (await app.field(q.question.replace('{{n}}', String(n))).count()) > 0; n++) {
    chosen.push(await chooseWithArrows(page, app.field(q.question.replace('{{n}}', String(n)))));
    await typeInto(page, app.field(q.answer.replace('{{n}}', String(n))), `${words[n - 1]} ${n}${n}${n}`);
  }
  expect(chosen.length).toBeGreaterThan(0);
  expect(new Set(chosen).size).toBe(chosen.length);
  await press(page, app.button(q.save));
  await expectAdded(app);
  await expect(card(app, 'questions')).toHaveCount(1);
});

test('megan adds a USB security key with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  const m = t.method.securityKey;
  const usb = await addVirtualAuthenticator(page, 'usb');
  await signInWithKeyboard(app);

  await press(page, app.button(t.methods.securityKey));
  await app.onScreen('add-security-key-choose', m.chooseTitle);
  await press(page, app.button(m.crossPlatform));
  await app.onScreen('add-security-key-name', m.nameTitle);
  await expect(app.field(t.method.common.name)).toHaveValue(m.name);
  await press(page, app.button(t.method.common.save));
  await expectAdded(app, m.name);
  await expect(card(app, 'securityKey', m.name)).toBeVisible();
  expect(await usb.credentialCount()).toBe(1);
});
