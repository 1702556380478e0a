/**
 * Keyboard-only driving: Tab (forward) until the wanted control has focus, then type or press
 * Enter. No click, no fill, no programmatic focus — what a person without a mouse does.
 */
import type { Locator, Page } from '@playwright/test';
import type { MethodType } from '../../../contract/method-traits.js';
import { DEMO_PASSWORD, type AppDriver } from '../app-driver.js';
import { expect } from '../fixtures.js';

export async function tabTo(page: Page, target: Locator, maxTabs = 40): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()} in ${maxTabs} presses`);
}

/** Tab to a button and press Enter. */
export async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Tab to a text box, select what is in it, and type `text` over it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/**
 * Tab to a closed select and press ArrowDown `steps` times, as a person does without opening
 * the list (disabled options are skipped, so one press in each row picks a distinct option).
 * Returns the chosen option's text.
 */
export async function chooseWithArrows(page: Page, select: Locator, steps = 1): Promise<string> {
  await tabTo(page, select);
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await expect(select).not.toHaveValue('');
  return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text.trim() ?? '');
}

/** From home, sign in with the keyboard alone: enforced registration lists the method types. */
export async function signInWithKeyboard(app: AppDriver, userId = 'megan@contoso.com'): Promise<void> {
  const t = app.t;
  await app.onScreen('home', t.app.name);
  await press(app.page, app.button(t.home.signIn));
  await app.onScreen('sign-in', t.signIn.title);
  await typeInto(app.page, app.field(t.signIn.userId), userId);
  await typeInto(app.page, app.field(t.signIn.password), DEMO_PASSWORD);
  await app.page.keyboard.press('Enter');
  await app.onScreen('register-security-info', t.register.title);
}

/** From security info, "Add sign-in method" and a type's button, with the keyboard alone. */
export async function openAddWithKeyboard(app: AppDriver, type: MethodType): Promise<void> {
  await press(app.page, app.button(app.t.overview.add));
  await app.onScreen('add-method', app.t.choose.title);
  await press(app.page, app.button(app.t.methods[type]));
}
