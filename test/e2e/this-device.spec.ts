/**
 * This device as an authenticator, on the REAL keyring (run inside scripts/with-keyring.sh):
 * the web host runs KeytarVault and fakes only the OS presence prompt's answer ("success",
 * the named test boundary). megan adds this device; `secret-tool` finds the secret under the
 * app's service, no file in the app's data folder holds it, and "Show code from this device"
 * gives a code (the one oathtool makes from that secret) that passes her second factor.
 */
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { expectAdded, signInToRegister, signOut } from './support/add-methods.js';
import { methodRadio } from './support/gates.js';
import { filesContaining, keyringItems, lookup } from './support/keyring.js';
import { oathtoolCode } from './support/oathtool.js';

test.use({ realKeyring: true });

/** A code is accepted once per 30 s step and adding the device spent this one: wait for the next. */
const nextStep = () => new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));

test('megan adds this device: the secret is in the keyring only, and its code passes her second factor', async ({ page, host, dataDir, keyringService }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const app = new AppDriver(page);
  const m = app.t.method.authenticatorApp;
  await app.onScreen('home');
  await signInToRegister(app);
  await app.button(app.t.methods.authenticatorApp).click();
  await app.onScreen('add-authenticator-app-intro', m.introTitle);
  await expect(app.button(m.otherDevice)).toBeVisible();
  await app.button(m.thisDevice).click();
  await app.onScreen('add-authenticator-app-device-name', m.deviceNameTitle);
  await expect(app.field(app.t.method.common.name)).toHaveValue(m.deviceDefaultName);
  await app.button(m.addDevice).click();
  await expectAdded(app, m.deviceDefaultName);
  await expect(page.getByText(app.t.overview.onThisDevice, { exact: true })).toBeVisible();

  // The secret: in the keyring under totp|<directory>|megan@contoso.com|<methodId>, nowhere on disk.
  const accounts = [...keyringItems(keyringService).keys()].filter((a) => a.startsWith(`totp|${host.directoryUrl}|megan@contoso.com|`));
  expect(accounts).toHaveLength(1);
  const secret = lookup(keyringService, accounts[0]!);
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  expect(filesContaining(dataDir, secret)).toEqual([]);
  await signOut(app);

  await nextStep();
  await app.signInFromHome('megan@contoso.com');
  await app.onScreen('second-factor', app.t.secondFactor.title);
  if ((await page.getByRole('radio').count()) > 0) await methodRadio(app, 'authenticatorApp').check();
  await app.button(m.showCode).click();
  const code = app.field(app.t.method.common.code);
  await expect(code).toHaveValue(/^\d{6}$/);
  expect(await code.inputValue()).toBe(oathtoolCode(secret));
  await app.button(app.t.method.common.verify).click();
  await app.onScreen('security-info', app.t.overview.title);
});
