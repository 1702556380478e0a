/**
 * "Change my password" lands in a REAL directory (slapd with ppolicy): the service runs as its
 * own process from a YAML file, the app (web host) points at it. A wrong current password is
 * refused and changes nothing; the right one changes it — a bind outside our code proves the
 * new password is the directory's and the old one is not; going back to a password he used is
 * refused by ppolicy's history, in the directory's own words, and changes nothing. (Back to
 * the seeded password is no test: it contains his user name, which our own checklist stops.)
 */
import { AppDriver } from './app-driver.js';
import { expect, test } from './support/real-directory-fixtures.js';

test.describe.configure({ timeout: 180_000 });
test.use({ directoryKind: 'openldap' });

const NEW_PASSWORD = 'Lantern-Copper-Meadow-58';
const SECOND = 'Willow-Harbor-Quartz-31';

/** The app opened afresh (as from the start menu), "Change my password". */
async function openChange(app: AppDriver, url: string): Promise<void> {
  await app.page.goto('about:blank');
  await app.page.goto(url);
  await app.onScreen('home', app.t.app.name);
  await app.button(app.t.home.change).click();
  await app.onScreen('change', app.t.change.title);
}

async function change(app: AppDriver, userId: string, oldPassword: string, newPassword: string): Promise<void> {
  const t = app.t;
  await app.field(t.signIn.userId).fill(userId);
  await app.field(t.change.oldPassword).fill(oldPassword);
  await app.field(t.reset.newPassword).fill(newPassword);
  await app.field(t.reset.confirm).fill(newPassword);
  await app.button(t.change.submit).click();
}

test("lee changes his password on slapd: a wrong current one is refused, the new one binds, one from his history is refused in the directory's words", async ({ page, stack }) => {
  const { directory, app: host } = stack;
  const { id, password: original } = directory.user;
  const app = new AppDriver(page);
  const t = app.t;
  expect(await directory.bind(original)).toBe('ok');

  await openChange(app, host.url);
  await change(app, id, 'Not-His-Password-7', NEW_PASSWORD);
  await expect(app.field(t.change.oldPassword)).toHaveAccessibleDescription(t.change.wrongOldPassword);
  expect(await directory.bind(original), 'a refused change changes nothing').toBe('ok');

  await app.field(t.change.oldPassword).fill(original);
  await app.button(t.change.submit).click();
  await app.onScreen('change-done', t.change.doneTitle);
  expect(await directory.bind(NEW_PASSWORD), 'the new password binds').toBe('ok');
  expect(await directory.bind(original), 'the old password no longer binds').toBe('invalid');

  // Once more, then back to the password he had: ppolicy's history refuses it in its own words.
  await openChange(app, host.url);
  await change(app, id, NEW_PASSWORD, SECOND);
  await app.onScreen('change-done', t.change.doneTitle);
  expect(await directory.bind(SECOND)).toBe('ok');
  await openChange(app, host.url);
  await change(app, id, SECOND, NEW_PASSWORD);
  const refusal = page.getByRole('alert').filter({ hasText: t.errors.POLICY_VIOLATION.title });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(t.policy.directoryHistory);
  const [before, after] = t.policy.directoryWords.split('{{message}}') as [string, string];
  const words = (await refusal.textContent())!.split(before)[1]?.split(after)[0] ?? '';
  expect(words, "the directory's own words are shown").toMatch(/history/i);
  // The checklist's history line is the one marked.
  await expect(page.locator('[data-rule="history"]')).toContainText(t.rules.notMet);
  await expect(page.getByTestId('screen-change')).toBeVisible();
  expect(await directory.bind(SECOND), 'the refusal changed nothing').toBe('ok');
  expect(await directory.bind(NEW_PASSWORD)).toBe('invalid');
});
