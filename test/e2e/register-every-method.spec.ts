/**
 * megan (nothing registered) registers every method through the UI, in English and in
 * Traditional Chinese: authenticator app (oathtool code from the manual key), text message
 * and phone call (codes from the demo outbox), alternate email (8-digit code), a USB security
 * key and a passkey (CDP virtual authenticators), security questions. Then rename, set
 * default, remove, re-add, the privacy note, and Done. Every screen passes axe (onScreen).
 */
import { AppDriver, type Lang } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { addAuthenticatorApp, addEmail, addPhone, addQuestions, addSecurityKey, card, expectAdded, openAdd } from './support/add-methods.js';
import { addVirtualAuthenticator } from './support/virtual-authenticator.js';

const SMS = { country: 'US', number: '425 555 0142', e164: '+14255550142' };
const VOICE = { country: 'US', number: '(425) 555-0143', e164: '+14255550143' };

for (const lang of ['en', 'zh-TW'] as const satisfies readonly Lang[]) {
  test(`megan registers every method, renames, sets a default, removes, re-adds and is done (${lang})`, async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    const app = new AppDriver(page);
    await app.onScreen('home');
    if (lang !== 'en') await app.chooseLanguage(lang);
    const t = app.t;

    // Enforced registration: nothing registered, no skip left — add from there.
    await app.signInFromHome('megan@contoso.com');
    await app.onScreen('register-security-info', t.register.title);
    await app.button(t.methods.authenticatorApp).click();
    await addAuthenticatorApp(app);
    await expectAdded(app, t.method.authenticatorApp.name);

    await openAdd(app, 'sms');
    await addPhone(app, host.directoryUrl, 'sms', SMS);
    await expectAdded(app);

    await openAdd(app, 'voice');
    await addPhone(app, host.directoryUrl, 'voice', VOICE);
    await expectAdded(app);

    await openAdd(app, 'email');
    await addEmail(app, host.directoryUrl, 'megan.b@example.net');
    await expectAdded(app);

    // A roaming key first (no platform authenticator: "This device" is not offered) …
    const usb = await addVirtualAuthenticator(page, 'usb');
    await openAdd(app, 'securityKey');
    await expect(app.button(t.method.securityKey.platform)).toHaveCount(0);
    await addSecurityKey(app, 'cross-platform', 'Blue key');
    await expectAdded(app, 'Blue key');
    expect(await usb.credentialCount()).toBe(1);
    await usb.remove();
    // … then a passkey on "this device" (an internal authenticator), with its default name.
    const internal = await addVirtualAuthenticator(page, 'internal');
    await openAdd(app, 'securityKey');
    await addSecurityKey(app, 'platform');
    await expectAdded(app, t.method.securityKey.platformName);
    expect(await internal.credentialCount()).toBe(1);

    await openAdd(app, 'questions');
    await addQuestions(app);
    await expectAdded(app);

    for (const type of ['authenticatorApp', 'sms', 'voice', 'email', 'securityKey', 'questions'] as const) await expect(card(app, type).first()).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: t.overview.privacy })).toBeVisible();
    // Security info with a card of every type (and its actions) passes axe too.
    await app.onScreen('security-info', t.overview.title, { audit: true });

    // Rename the app and the key.
    await card(app, 'authenticatorApp').getByRole('button', { name: t.overview.rename, exact: true }).click();
    await app.onScreen('rename-method');
    await app.field(t.rename.label).fill(lang === 'en' ? 'Work phone' : '工作手機');
    await app.button(t.rename.save).click();
    await app.onScreen('security-info', t.overview.title);
    const newAppName = lang === 'en' ? 'Work phone' : '工作手機';
    await expect(page.getByRole('status').filter({ hasText: t.overview.renamed.replace('{{name}}', newAppName) })).toBeVisible();
    await expect(card(app, 'authenticatorApp', newAppName)).toBeVisible();

    await card(app, 'securityKey', 'Blue key').getByRole('button', { name: t.overview.rename, exact: true }).click();
    await app.onScreen('rename-method');
    await app.field(t.rename.label).fill('Red key');
    await app.button(t.rename.save).click();
    await app.onScreen('security-info', t.overview.title);
    await expect(card(app, 'securityKey', 'Red key')).toBeVisible();

    // Set the text message as default: its card gets the badge, and it is listed first.
    await card(app, 'sms').getByRole('button', { name: t.overview.setDefault, exact: true }).click();
    await expect(card(app, 'sms').getByText(t.overview.defaultBadge, { exact: true })).toBeVisible();
    await expect(page.getByRole('article').first()).toHaveAccessibleName(new RegExp(`^${t.methods.sms.replace(/[()]/g, '\\$&')}`));

    // Remove the phone call, then add it again.
    await card(app, 'voice').getByRole('button', { name: t.overview.remove, exact: true }).click();
    await app.onScreen('remove-method', t.remove.title);
    await app.button(t.remove.confirm).click();
    await app.onScreen('security-info', t.overview.title);
    await expect(card(app, 'voice')).toHaveCount(0);
    await openAdd(app, 'voice');
    await addPhone(app, host.directoryUrl, 'voice', VOICE);
    await expectAdded(app);
    await expect(card(app, 'voice')).toHaveCount(1);

    // Done: the seed's step 3 — what is now possible.
    await app.button(t.overview.done).click();
    await app.onScreen('security-info-done', t.done.readyTitle);
    await expect(page.getByText(t.done.next)).toBeVisible();
    await app.button(t.done.back).click();
    await app.onScreen('security-info', t.overview.title);
  });
}
