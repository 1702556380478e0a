/**
 * The ways into the app: home's three buttons next to sign-in, a deep link (what a second
 * launch or a `sign-in-helper://` link does in Electron) switching a running page, and the
 * start flows unlock and change with the user id pre-filled.
 */
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';

const ALAIN = 'alain@contoso.com';

test('home offers forgot, unlock and change next to sign-in', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  for (const name of [app.t.home.forgot, app.t.home.unlock, app.t.home.change, app.t.home.signIn]) await expect(app.button(name)).toBeVisible();
  await app.button(app.t.home.unlock).click();
  await app.onScreen('reset-user-id', app.t.reset.unlockUserIdTitle);
});

test('a deep link into the running app opens the reset with the user id pre-filled', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  // The page is listening once its first screen shows; the event reaches it over /events.
  await expect.poll(() => (host.navigate({ flow: 'reset', userId: ALAIN }), page.getByTestId('screen-reset-user-id').count()), { timeout: 10_000 }).toBe(1);
  await app.onScreen('reset-user-id', app.t.reset.userIdTitle);
  await expect(app.field(app.t.signIn.userId)).toHaveValue(ALAIN);
});

test.describe('start flow unlock', () => {
  test.use({ hostOptions: { startFlow: 'unlock', startUserId: ALAIN } });
  test('opens the unlock with the user id pre-filled', async ({ page, host }) => {
    await page.goto(host.url);
    const app = new AppDriver(page);
    await app.onScreen('reset-user-id', app.t.reset.unlockUserIdTitle);
    await expect(app.field(app.t.signIn.userId)).toHaveValue(ALAIN);
  });
});

test.describe('start flow change', () => {
  test.use({ hostOptions: { startFlow: 'change', startUserId: ALAIN } });
  test('opens the change with the user id pre-filled', async ({ page, host }) => {
    await page.goto(host.url);
    const app = new AppDriver(page);
    await app.onScreen('change', app.t.change.title);
    await expect(app.field(app.t.signIn.userId)).toHaveValue(ALAIN);
  });
});
