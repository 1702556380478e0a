import type { MethodType } from '../../../contract/methods.js';
import { hiddenAuthenticatorApp } from './hidden-authenticator-app.js';
import { hiddenCodeChannel } from './hidden-code.js';
import type { HiddenMethod } from './hidden-method.js';
import { hiddenQuestions } from './hidden-questions.js';
import { hiddenSecurityKey } from './hidden-security-key.js';

/** Every method type verified by type (hideAccountState): the compiler refuses a missing one. */
export const hiddenMethods: { [T in MethodType]: HiddenMethod<T> } = {
  authenticatorApp: hiddenAuthenticatorApp,
  sms: hiddenCodeChannel('sms'),
  voice: hiddenCodeChannel('voice'),
  email: hiddenCodeChannel('email'),
  securityKey: hiddenSecurityKey,
  questions: hiddenQuestions,
};

export const hiddenMethod = <T extends MethodType>(type: T): HiddenMethod<T> => hiddenMethods[type];
