/**
 * Adding each method the way a person does, from a screen that lists the method types
 * (`register-security-info` or `add-method`), ending back on the security info page. Codes
 * come from the independent oracles: oathtool for the app, the demo outbox for text, call and
 * email. Every screen a step reaches is checked by AppDriver.onScreen (focus + axe).
 */
import type { MethodType } from '../../../contract/method-traits.js';
import type { AppDriver } from '../app-driver.js';
import { expect } from '../fixtures.js';
import { oathtoolCode } from './oathtool.js';
import { latestCode } from './outbox.js';

/** From home, sign in as a user with nothing registered: enforced registration shows the method types. */
export async function signInToRegister(app: AppDriver, userId = 'megan@contoso.com'): Promise<void> {
  await app.signInFromHome(userId);
  await app.onScreen('register-security-info', app.t.register.title);
}

/** From security info, sign out, back home. */
export async function signOut(app: AppDriver): Promise<void> {
  await app.button(app.t.overview.signOut).click();
  await app.onScreen('home', app.t.app.name);
}

/** From security info, open "Add sign-in method" and pick a type. */
export async function openAdd(app: AppDriver, type: MethodType): Promise<void> {
  await app.button(app.t.overview.add).click();
  await app.onScreen('add-method', app.t.choose.title);
  await app.button(app.t.methods[type]).click();
}

/** The security info page after an add: the "was added" status (naming the method when `name` is given). */
export async function expectAdded(app: AppDriver, name?: string): Promise<void> {
  await app.onScreen('security-info', app.t.overview.title);
  const [before, after] = app.t.overview.methodAdded.split('{{name}}') as [string, string];
  await expect(app.page.getByRole('status').filter({ hasText: name === undefined ? after.trim() || before.trim() : `${before}${name}${after}` })).toBeVisible();
}

/** A method's card on security info, by its type (and label when it has one). */
export const card = (app: AppDriver, type: MethodType, label?: string) =>
  app.page.getByRole('article', { name: label ? `${app.t.methods[type]} ${label}` : new RegExp(`^${app.t.methods[type].replace(/[()]/g, '\\$&')}`) });

/**
 * Authenticator app (type button already pressed): intro → scan (manual key) → verify with
 * oathtool's code at `offsetSeconds`. Returns the manual key so later steps can make codes.
 */
export async function addAuthenticatorApp(app: AppDriver, options: { name?: string; offsetSeconds?: number } = {}): Promise<string> {
  const m = app.t.method.authenticatorApp;
  await app.onScreen('add-authenticator-app-intro', m.introTitle);
  // Where this device can be the authenticator, "Next" becomes "Use an app on another device".
  const other = app.button(m.otherDevice);
  await (await other.isVisible() ? other : app.button(app.t.method.common.next)).click();
  await app.onScreen('add-authenticator-app-scan', m.scanTitle);
  const key = (await app.page.getByTestId('manual-key').textContent())!.replace(/\s+/g, '');
  expect(key).toMatch(/^[A-Z2-7]{16,}$/);
  await app.button(app.t.method.common.next).click();
  await app.onScreen('add-authenticator-app-verify', m.verifyTitle);
  if (options.name) await app.field(app.t.method.common.name).fill(options.name);
  await app.field(app.t.method.common.code).fill(oathtoolCode(key, options.offsetSeconds ?? 0));
  await app.button(app.t.method.common.verify).click();
  return key;
}

/** A phone for text messages or calls (type button already pressed), code from the outbox. */
export async function addPhone(app: AppDriver, directoryUrl: string, type: 'sms' | 'voice', phone: { country: string; number: string; e164: string }): Promise<void> {
  const m = app.t.method[type];
  await app.onScreen(`add-${type}-number`, m.addTitle);
  await app.field(app.t.method.phone.country).selectOption(phone.country);
  await app.field(app.t.method.phone.number).fill(phone.number);
  const since = Date.now();
  await app.button(type === 'sms' ? app.t.method.sms.sendCode : app.t.method.voice.callMe).click();
  await app.onScreen(`add-${type}-code`, m.codeTitle);
  await app.field(app.t.method.common.code).fill(await latestCode(directoryUrl, type, phone.e164, since));
  await app.button(app.t.method.common.verify).click();
}

/** An alternate email (type button already pressed): the 8-digit code from the outbox. */
export async function addEmail(app: AppDriver, directoryUrl: string, address: string): Promise<void> {
  const m = app.t.method.email;
  await app.onScreen('add-email-address', m.addTitle);
  await app.field(m.address).fill(address);
  const since = Date.now();
  await app.button(m.sendCode).click();
  await app.onScreen('add-email-code', m.codeTitle);
  const code = await latestCode(directoryUrl, 'email', address, since);
  expect(code).toMatch(/^\d{8}$/);
  await app.field(app.t.method.common.code).fill(code);
  await app.button(app.t.method.common.verify).click();
}

/**
 * A security key (type button already pressed) on the page's CDP virtual authenticator:
 * `platform` = "This device" (an `internal` authenticator), `cross-platform` = a USB key.
 */
export async function addSecurityKey(app: AppDriver, where: 'platform' | 'cross-platform', name?: string): Promise<void> {
  const m = app.t.method.securityKey;
  await app.onScreen('add-security-key-choose', m.chooseTitle);
  await app.button(where === 'platform' ? m.platform : m.crossPlatform).click();
  await app.onScreen('add-security-key-name', m.nameTitle);
  if (name) await app.field(app.t.method.common.name).fill(name);
  await app.button(app.t.method.common.save).click();
}

/** Security questions (type button already pressed): the first N questions, distinct answers. Returns question text → answer. */
export async function addQuestions(app: AppDriver): Promise<Map<string, string>> {
  const m = app.t.method.questions;
  await app.onScreen('add-questions-answer', m.addTitle);
  const answers = new Map<string, string>();
  const words = ['quokka', 'zeppelin', 'marimba', 'tangerine', 'obsidian', 'walrus'];
  for (let n = 1; ; n++) {
    const select = app.field(m.question.replace('{{n}}', String(n)));
    if ((await select.count()) === 0) break;
    // Option 0 is "Choose a question"; take a different real question for each row.
    const option = select.locator('option').nth(n);
    const text = (await option.textContent())!.trim();
    await select.selectOption({ index: n });
    const answer = `${words[n - 1]} ${n}${n}${n}`;
    await app.field(m.answer.replace('{{n}}', String(n))).fill(answer);
    answers.set(text, answer);
  }
  expect(answers.size).toBeGreaterThan(0);
  await app.button(m.save).click();
  return answers;
}
