/**
 * The reset session's time limit (WCAG 2.2.1), against the real service: the warning appears
 * about two minutes before the reset runs out, and "Extend" gives more time.
 *
 * Test-only shortening: the service's reset lifetime is 15 min (policy resetLifetimeMs; the
 * YAML knob resetLifetimeMinutes cannot go below 5), so the PAGE's clock is moved instead
 * (Playwright's clock): 13½ minutes on, the page is 1½ minutes from `expiresAt` and warns.
 * After "Extend" the page's clock is set back to the real time: the service's new expiry is
 * 15 minutes away again, so the warning goes. (The page's own idle warning is another
 * dialog: the reset's is found by its test id.)
 */
import { AppDriver } from './app-driver.js';
import { expect, expectAccessible, test } from './fixtures.js';

test('the reset warns before it runs out, and Extend gives more time', async ({ page, host }) => {
  await page.clock.install({ time: Date.now() });
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await app.onScreen('home');
  await app.startReset('alain@contoso.com');
  await app.onScreen('reset-verify', t.reset.verifyTitle);
  await expect(page.getByTestId('time-limit-reset')).toHaveCount(0);

  await page.clock.fastForward('13:30');
  const warning = page.getByTestId('time-limit-reset');
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('heading', { name: t.reset.expiryTitle })).toBeVisible();
  await expect(warning.getByRole('button', { name: t.reset.startOver })).toBeVisible();
  await expectAccessible(page, 'reset expiry warning (en)');

  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/ipc/reset.extend')), warning.getByRole('button', { name: t.reset.extend }).click()]);
  const body = (await response.json()) as { ok: boolean; data?: { expiresAt: string } };
  expect(body.ok).toBe(true);
  expect(Date.parse(body.data!.expiresAt) - Date.now()).toBeGreaterThan(10 * 60_000);
  await page.clock.setSystemTime(Date.now());
  await page.clock.runFor(2_000);
  await expect(warning).toHaveCount(0);
  // The reset goes on: the gate is still there.
  await expect(page.getByTestId('screen-reset-verify')).toBeVisible();
});
