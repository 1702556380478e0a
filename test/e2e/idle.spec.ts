/**
 * The idle wipe (WCAG 2.2.1): the warning comes min(60 s, half the timeout) before it, so
 * with idleTimeoutMs 20 s it shows 10 s after the last call and the wipe 10 s later. "Keep going" keeps the session; letting it run out clears
 * the page, and the core holds no reset any more (back at the first step, and a call on the
 * reset is answered RESET_EXPIRED).
 */
import type { SigninApi } from '../../contract/ipc.js';
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';

test.use({ hostOptions: { idleTimeoutMs: 20_000 } });

test('warns before the idle wipe, keep going keeps the reset, running out clears it', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  await app.startReset('alain@contoso.com');
  await app.onScreen('reset-verify');
  // The control for the end: while the session lives, the core answers for the reset.
  const challenge = () => page.evaluate(() => (window as unknown as { signin: SigninApi }).signin.startResetChallenge({ methodId: 'm-alain-app' }));
  expect(await challenge()).toMatchObject({ ok: true });
  const warning = page.getByRole('alertdialog', { name: app.t.idle.warningTitle });
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(app.button(app.t.idle.keepGoing)).toBeFocused();
  await app.button(app.t.idle.keepGoing).click();
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('screen-reset-verify')).toBeVisible();
  // Now let it run out: the core wipes, the page clears and says why.
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('shell-notice')).toHaveText(app.t.idle.cleared, { timeout: 20_000 });
  await expect(page.getByTestId('screen-home')).toBeVisible();
  await expect(page.getByTestId('screen-reset-verify')).toHaveCount(0);
  // And the core really forgot it: the same call through the page's own bridge is now told to start again.
  expect(await challenge()).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
});
