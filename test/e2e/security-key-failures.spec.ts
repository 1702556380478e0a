/**
 * Security key ceremonies that fail, on a CDP virtual USB key: user verification refused,
 * the person never touching the key (a cancel), and the same key registered twice. Each
 * leaves the person on the choose step with one clear sentence, and nothing is added.
 */
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { addSecurityKey, expectAdded, openAdd, signInToRegister } from './support/add-methods.js';
import { addVirtualAuthenticator } from './support/virtual-authenticator.js';

test.beforeEach(async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  await signInToRegister(app);
});

async function tryKey(app: AppDriver): Promise<void> {
  await app.onScreen('add-security-key-choose', app.t.method.securityKey.chooseTitle);
  await app.button(app.t.method.securityKey.crossPlatform).click();
}

const problem = (app: AppDriver, text: string) => app.page.getByRole('alert').filter({ hasText: text });

test('user verification refused: a clear message, nothing added', async ({ page }) => {
  const app = new AppDriver(page);
  const key = await addVirtualAuthenticator(page, 'usb', { userVerified: false });
  await app.button(app.t.methods.securityKey).click();
  await tryKey(app);
  await expect(problem(app, app.t.method.securityKey.problem.cancelled)).toBeVisible();
  await expect(page.getByTestId('screen-add-security-key-name')).toHaveCount(0);
  expect(await key.credentialCount()).toBe(0);
});

/**
 * The person never touches the key: the virtual key answers without the user-present flag
 * (CDP's isBadUP), as close to a cancel as a headless browser gets without waiting out the
 * ceremony's timeout. The service refuses such a key; the person must read the key's own
 * "cancelled" sentence — never a sentence about a code — and a retry then works.
 */
test('the key is never touched (cancel): a clear message, then a retry works', async ({ page }) => {
  const app = new AppDriver(page);
  const key = await addVirtualAuthenticator(page, 'usb');
  await key.setPresenceRefused(true);
  await app.button(app.t.methods.securityKey).click();
  await tryKey(app);
  const cancelled = problem(app, app.t.method.securityKey.problem.cancelled);
  const named = page.getByTestId('screen-add-security-key-name');
  await expect(cancelled.or(named)).toBeVisible();
  // Where the app only learns it from the service, that is when the name is saved.
  if (await named.isVisible()) await app.button(app.t.method.common.save).click();
  await expect(page.getByRole('alert').filter({ hasText: app.t.errors.INVALID_CODE.title })).toHaveCount(0);
  await expect(cancelled).toBeVisible();
  await key.setPresenceRefused(false);
  await openAddAgainIfNeeded(app);
  await app.button(app.t.method.securityKey.crossPlatform).click();
  await app.onScreen('add-security-key-name', app.t.method.securityKey.nameTitle);
});

/** After a failed key, the choose step (or, if the app went back, the type list) is where one retries. */
async function openAddAgainIfNeeded(app: AppDriver): Promise<void> {
  if (await app.page.getByTestId('screen-add-security-key-choose').isVisible()) return;
  await app.button(app.t.method.common.cancel).click();
  await app.button(app.t.methods.securityKey).click();
}

test('the same key a second time: "already registered"', async ({ page }) => {
  const app = new AppDriver(page);
  const key = await addVirtualAuthenticator(page, 'usb');
  await app.button(app.t.methods.securityKey).click();
  await addSecurityKey(app, 'cross-platform');
  await expectAdded(app, app.t.method.securityKey.name);
  await openAdd(app, 'securityKey');
  await tryKey(app);
  await expect(problem(app, app.t.method.securityKey.problem.alreadyRegistered)).toBeVisible();
  expect(await key.credentialCount()).toBe(1);
});
