import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import { en } from '../../renderer/i18n/en.js';
import { zhTW } from '../../renderer/i18n/zh-tw.js';
import { expect, expectAccessible } from './fixtures.js';

export type Lang = 'en' | 'zh-TW';
/** The renderer's own resources: tests find controls by the words a person reads. */
export const texts = { en, 'zh-TW': zhTW } as const;
export const DEMO_PASSWORD = 'Demo-Passw0rd-2026';

/** A TOTP code for `secret` at now + offsetSeconds (otplib; oathtool checks otplib in test/integration). */
export const totp = (secret: string, offsetSeconds = 0) => generate({ secret: secret.replace(/\s+/g, ''), epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/** A well-formed code that is not `code`. */
export const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Drives the app the way a person does, and checks accessibility on every screen it reaches. */
export class AppDriver {
  constructor(
    readonly page: Page,
    public lang: Lang = 'en',
  ) {}

  get t() {
    return texts[this.lang];
  }

  /** A plural text as i18next picks it: `key_<category>` by the language's plural rules (zh-TW has only `_other`), {{count}} filled in. */
  plural(group: object, key: string, count: number): string {
    const forms = group as Record<string, string | undefined>;
    const text = forms[`${key}_${new Intl.PluralRules(this.lang).select(count)}`] ?? forms[`${key}_other`];
    if (text === undefined) throw new Error(`no plural text ${key}`);
    return text.replace('{{count}}', String(count));
  }

  /** Screens (per language) this driver has already run axe on. */
  private readonly audited = new Set<string>();

  /**
   * The screen's heading has focus and the screen passes axe — axe once per screen and
   * language in a test (a flow comes back to security info a dozen times; auditing it each
   * time doubled the run). Pass `{ audit: true }` to audit a state of a screen again.
   */
  async onScreen(name: string, heading?: string, options: { audit?: boolean } = {}): Promise<void> {
    const screen = this.page.getByTestId(`screen-${name}`);
    await expect(screen).toBeVisible();
    const h1 = screen.getByRole('heading', { level: 1 });
    if (heading) await expect(h1).toHaveText(heading);
    await expect(h1).toBeFocused();
    const key = `${name} (${this.lang})`;
    if (options.audit || !this.audited.has(key)) {
      await expectAccessible(this.page, key);
      this.audited.add(key);
    }
  }

  async chooseLanguage(lang: Lang): Promise<void> {
    await this.page.getByLabel(this.t.language.label).selectOption(lang);
    this.lang = lang;
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async startReset(userId: string): Promise<void> {
    await this.button(this.t.home.forgot).click();
    await this.onScreen('reset-user-id', this.t.reset.userIdTitle);
    await this.field(this.t.signIn.userId).fill(userId);
    await this.button(this.t.common.next).click();
  }

  /** From home: "Sign in to manage your security info", then the user ID and password. */
  async signInFromHome(userId: string, password = DEMO_PASSWORD): Promise<void> {
    await this.button(this.t.home.signIn).click();
    await this.onScreen('sign-in', this.t.signIn.title);
    await this.signIn(userId, password);
  }

  async signIn(userId: string, password: string): Promise<void> {
    await this.field(this.t.signIn.userId).fill(userId);
    await this.field(this.t.signIn.password).fill(password);
    await this.button(this.t.signIn.submit).click();
  }
}
