/**
 * Passing a gate (the sign-in second factor, a reset step) with one method, the way a person
 * does: pick the method in the radio list, then use its Verify step. Codes come from oathtool
 * or the demo outbox; security keys from the page's CDP virtual authenticator.
 */
import type { MethodType } from '../../../contract/method-traits.js';
import type { AppDriver } from '../app-driver.js';
import { expect } from '../fixtures.js';
import { oathtoolCode } from './oathtool.js';
import { latestCode } from './outbox.js';

export type Proof =
  | { type: 'authenticatorApp'; secret: string; offsetSeconds?: number }
  | { type: 'sms' | 'voice'; directoryUrl: string; to: string }
  | { type: 'email'; directoryUrl: string; to: string }
  | { type: 'securityKey' }
  | { type: 'questions'; answers: Map<string, string> };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The radio of a method type, named "<type>" or "<type> (<hint>)", then "verified" once passed. */
export const methodRadio = (app: AppDriver, type: MethodType) => app.page.getByRole('radio', { name: new RegExp(`^${escape(app.t.methods[type])}( |$)`) });

/** The method types offered in the gate's radio list, by their accessible names. */
export async function offeredTypes(app: AppDriver): Promise<MethodType[]> {
  const names = await app.page.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
  const types = Object.keys(app.t.methods) as MethodType[];
  return names.map((n) => types.find((t) => n === app.t.methods[t] || n.startsWith(`${app.t.methods[t]} (`))!);
}

/** Choose the method (when there is a choice) and pass its Verify step. */
export async function passWith(app: AppDriver, proof: Proof): Promise<void> {
  const radio = methodRadio(app, proof.type);
  if ((await app.page.getByRole('radio').count()) > 0) await radio.first().check();
  const common = app.t.method.common;
  switch (proof.type) {
    case 'authenticatorApp':
      await app.field(common.code).fill(oathtoolCode(proof.secret, proof.offsetSeconds ?? 0));
      await app.button(common.verify).click();
      return;
    case 'sms':
    case 'voice':
    case 'email': {
      const since = Date.now();
      const send = proof.type === 'sms' ? app.t.method.sms.sendCode : proof.type === 'voice' ? app.t.method.voice.callMe : app.t.method.email.sendCode;
      await app.button(send).click();
      await expect(app.field(common.code)).toBeVisible();
      await app.field(common.code).fill(await latestCode(proof.directoryUrl, proof.type, proof.to, since));
      await app.button(common.verify).click();
      return;
    }
    case 'securityKey':
      await app.button(app.t.method.securityKey.verifyButton).click();
      return;
    case 'questions': {
      const boxes = app.page.getByTestId('screen-reset-verify').locator('input[type="password"], input[type="text"]');
      await expect(boxes.first()).toBeVisible();
      for (const [question, answer] of proof.answers) {
        const box = app.page.getByLabel(question, { exact: true });
        if ((await box.count()) > 0) await box.fill(answer);
      }
      await app.button(common.verify).click();
      return;
    }
  }
}
