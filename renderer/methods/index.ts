/**
 * Every method's screens, one module per type. A `{ [T in MethodType]: … }` record: a new
 * method type without its folder here is a compile error. Icons are eager (small inline
 * SVGs); every Add wizard and Verify step loads on first use (see shared/lazy-step.tsx).
 */
import type { MethodType } from '../../contract/methods';
import { authenticatorAppScreens } from './authenticatorApp';
import { emailScreens } from './email';
import type { MethodScreens } from './method-module';
import { questionsScreens } from './questions';
import { securityKeyScreens } from './securityKey';
import { smsScreens } from './sms';
import { voiceScreens } from './voice';
import './methods.css';

export const methodScreens: { [T in MethodType]: MethodScreens } = {
  authenticatorApp: authenticatorAppScreens,
  sms: smsScreens,
  voice: voiceScreens,
  securityKey: securityKeyScreens,
  email: emailScreens,
  questions: questionsScreens,
};

export type { AddWizardProps, MethodProof, MethodScreens, VerifyStepProps } from './method-module';
