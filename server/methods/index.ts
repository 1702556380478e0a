import type { MethodType } from '../../contract/methods.js';
import { authenticatorApp } from './authenticatorApp/authenticator-app-method.js';
import { email } from './email/email-method.js';
import type { MethodModule } from './method-module.js';
import { questions } from './questions/questions-method.js';
import { securityKey } from './securityKey/security-key-method.js';
import { sms } from './sms/sms-method.js';
import { voice } from './voice/voice-method.js';

/** Every method type's module: the compiler refuses a MethodType without one (or a module under the wrong key). */
export const methods: { [T in MethodType]: MethodModule<T> } = { authenticatorApp, sms, voice, email, securityKey, questions };

/** The module of `type`, typed by it (a generic lookup keeps a method and its module's types together). */
export const methodModule = <T extends MethodType>(type: T): MethodModule<T> => methods[type];
