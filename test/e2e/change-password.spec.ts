/**
 * "Change my password" against the demo directory, in real Chromium through the web host: a
 * wrong current password is refused on its box, the right one changes it and only the new
 * password signs in afterwards; a blocklisted password is refused while typing and again by
 * the service; the whole change with the keyboard alone; axe on every change screen in both
 * languages.
 */
import { AppDriver, DEMO_PASSWORD } from './app-driver.js';
import { expect, expectAccessible, test } from './fixtures.js';
import { press, tabTo, typeInto } from './support/keyboard.js';

const NEW_PASSWORD = 'Quiet-Meadow-Tulip-42';
const BLOCKLISTED = 'Password1!';

/** Home → "Change my password": the form, its checklist loaded. */
async function openChange(app: AppDriver): Promise<void> {
  await app.onScreen('home', app.t.app.name);
  await app.button(app.t.home.change).click();
  await app.onScreen('change', app.t.change.title);
  await expect(app.page.getByText(app.t.rules.heading)).toBeVisible();
}

async function fillChange(app: AppDriver, userId: string, oldPassword: string, newPassword: string): Promise<void> {
  await app.field(app.t.signIn.userId).fill(userId);
  await app.field(app.t.change.oldPassword).fill(oldPassword);
  await app.field(app.t.reset.newPassword).fill(newPassword);
  await app.field(app.t.reset.confirm).fill(newPassword);
}

test('a wrong current password is refused and says so; the right one changes it, and only the new password signs in', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await openChange(app);

  await fillChange(app, 'megan@contoso.com', 'Not-Her-Password-1', NEW_PASSWORD);
  await app.button(t.change.submit).click();
  const old = app.field(t.change.oldPassword);
  await expect(old).toHaveAccessibleDescription(t.change.wrongOldPassword);
  await expect(old).toBeFocused();
  await expect(old).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'change with a wrong current password');

  await old.fill(DEMO_PASSWORD);
  await app.button(t.change.submit).click();
  await app.onScreen('change-done', t.change.doneTitle);
  await expect(page.getByText(t.change.doneBody)).toBeVisible();

  // No automatic sign-in: sign-in opens with the id; the old password is refused, the new one works.
  await app.button(t.change.signIn).click();
  await app.onScreen('sign-in', t.signIn.title);
  await expect(app.field(t.signIn.userId)).toHaveValue('megan@contoso.com');
  await app.signIn('megan@contoso.com', DEMO_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: t.errors.INVALID_CREDENTIALS.title })).toBeVisible();
  await app.field(t.signIn.password).fill(NEW_PASSWORD);
  await app.button(t.signIn.submit).click();
  await app.onScreen('register-security-info', t.register.title);
});

test('a blocklisted password is refused with the reason while typing, and by the service at submit', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await openChange(app);
  await app.field(t.signIn.userId).fill('alain@contoso.com');
  await app.field(t.change.oldPassword).fill(DEMO_PASSWORD);
  await app.field(t.reset.newPassword).fill(BLOCKLISTED);

  // While typing, before any submit: the service's list marks the line with the reason.
  const line = page.locator('[data-rule="commonPassword"]');
  await expect(line).toContainText(t.policy.commonPassword);
  await expect(line).toContainText(t.rules.notMet);
  await expect(page.locator('.alert-region'), 'no error wall before submit').toBeEmpty();
  await expectAccessible(page, 'change with a live refusal');

  // The live check is a help, not a gate: the submit goes to the service, which refuses too.
  await app.field(t.reset.confirm).fill(BLOCKLISTED);
  await app.button(t.change.submit).click();
  await expect(page.getByRole('alert').filter({ hasText: t.policy.commonPassword })).toBeVisible();
  await expect(page.getByTestId('screen-change')).toBeVisible();

  // A password the list takes: the line turns to done before submit, and the change goes through.
  await app.field(t.reset.newPassword).fill(NEW_PASSWORD);
  await expect(line).toContainText(t.rules.met);
  await app.field(t.reset.confirm).fill(NEW_PASSWORD);
  await app.button(t.change.submit).click();
  await app.onScreen('change-done', t.change.doneTitle);
});

test('megan changes her password with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await app.onScreen('home', t.app.name);
  await press(page, app.button(t.home.change));
  await app.onScreen('change', t.change.title);
  await typeInto(page, app.field(t.signIn.userId), 'megan@contoso.com');
  await typeInto(page, app.field(t.change.oldPassword), DEMO_PASSWORD);
  await typeInto(page, app.field(t.reset.newPassword), NEW_PASSWORD);
  await typeInto(page, app.field(t.reset.confirm), NEW_PASSWORD);
  await expect(page.locator('[data-rule="match"]')).toContainText(t.rules.met);
  await page.keyboard.press('Enter');
  await app.onScreen('change-done', t.change.doneTitle);
  await tabTo(page, app.button(t.change.signIn));
  await page.keyboard.press('Enter');
  await app.onScreen('sign-in', t.signIn.title);
  await expect(app.field(t.signIn.userId)).toHaveValue('megan@contoso.com');
});

for (const lang of ['en', 'zh-TW'] as const) {
  test(`the change screens have no axe violations (${lang})`, async ({ page, host }) => {
    await page.goto(host.url);
    const app = new AppDriver(page);
    if (lang !== 'en') await app.chooseLanguage(lang);
    const t = app.t;
    await openChange(app);
    await expect(page.getByText(t.feedback.strengthEmpty)).toBeVisible();
    // Every state of the form: what is missing, the live hint and refusal, the service's refusal.
    await app.button(t.change.submit).click();
    await expect(page.getByText(t.change.missingUserId)).toBeVisible();
    await expectAccessible(page, `change, user id missing (${lang})`);
    await fillChange(app, 'alain@contoso.com', DEMO_PASSWORD, BLOCKLISTED);
    await expect(page.locator('[data-rule="commonPassword"]')).toContainText(t.policy.commonPassword);
    await expect(page.locator('.strength')).toContainText(t.feedback.strengthLabel);
    await expectAccessible(page, `change, live refusal and strength (${lang})`);
    await app.button(t.change.submit).click();
    await expect(page.getByRole('alert').filter({ hasText: t.policy.commonPassword })).toBeVisible();
    await expectAccessible(page, `change, refused by the service (${lang})`);
    await fillChange(app, 'alain@contoso.com', DEMO_PASSWORD, NEW_PASSWORD);
    await app.button(t.change.submit).click();
    await app.onScreen('change-done', t.change.doneTitle);
  });
}
