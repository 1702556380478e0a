/**
 * Keyboard-only driving: Tab (forward) until the wanted control has focus, then type or press
 * Enter. No click, no fill, no programmatic focus — what a person without a mouse does.
 */
import type { Locator, Page } from '@playwright/test';
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
