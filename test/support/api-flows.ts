/**
 * User journeys through the API that many tests need: an elevated session, a phone or email
 * registered by reading its code from the demo outbox (as a person reads their phone), and
 * security questions. Built on api-harness.ts; every step fails the test when it fails.
 */
import type { OutboxMessage } from '../../contract/api.js';
import type { RegisteredMethod } from '../../contract/methods.js';
import { Argon2Hasher } from '../../server/crypto/hasher.js';
import type { SsprPolicy } from '../../server/policy/policy.js';
import type { Store } from '../../server/store/store.js';
import { ALAIN, ALAIN_APP, alainCode, createApiHarness, success, type ApiHarness } from './api-harness.js';

/** Still Argon2id, at a cost that makes a code check take a millisecond (tests not about the cost). */
export const fastHasher = () => new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

/** The demo harness with the fast hasher. */
export const createFastHarness = (policy?: Partial<SsprPolicy>, store?: Store) => createApiHarness({ hasher: fastHasher(), ...(policy ? { policy } : {}), ...(store ? { store } : {}) });

export const ALAIN_EMAIL = 'm-alain-email';
export const ALAIN_EMAIL_ADDRESS = 'alain.charon@example.net';

/** Every method type the API knows, questions included (the default policy leaves them out). */
export const ALL_METHODS: SsprPolicy['methodsEnabled'] = ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email', 'questions'];

export const outbox = (h: ApiHarness): OutboxMessage[] => {
  if (!h.ctx.outbox) throw new Error('the harness has no outbox');
  return h.ctx.outbox.list();
};

/** The one-time code in a message's body; a call reads it digit by digit ("1, 2, 3, 4, 5, 6"). */
export function codeIn(message: OutboxMessage): string {
  const found = /(?<!\d)\d(?:(?:, ?| )?\d){5,7}(?!\d)/.exec(message.body);
  if (!found) throw new Error(`no code in message to ${message.to}: ${message.subject}`);
  return found[0].replace(/\D/g, '');
}

/** The code in the newest message to `to` (the user looks at the newest text). */
export function latestCodeTo(h: ApiHarness, to: string): string {
  const mine = outbox(h).filter((m) => m.to === to);
  const last = mine[mine.length - 1];
  if (!last) throw new Error(`nothing was sent to ${to}`);
  return codeIn(last);
}

/** A wrong code of the same length: every digit shifted by one. */
export const otherCode = (code: string): string => code.replace(/\d/g, (d) => String((Number(d) + 1) % 10));

/** Sign in; alain passes his authenticator app so his session may change security info. */
export async function elevatedSession(h: ApiHarness, userId: string): Promise<string> {
  const token = await h.signIn(userId);
  if (userId === ALAIN) success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, token));
  return token;
}

/** Add a phone (text or call) by reading the code sent to it. */
export async function registerPhone(h: ApiHarness, token: string, type: 'sms' | 'voice', phoneNumber: string, country?: string): Promise<RegisteredMethod> {
  const { setupId } = success(await h.call('beginPhone', { type, phoneNumber, ...(country ? { country } : {}) }, token));
  const last = outbox(h).at(-1)!;
  return success(await h.call('confirmPhone', { setupId, code: codeIn(last) }, token)).method;
}

/** Add an alternate email by reading the code sent to it. */
export async function registerEmail(h: ApiHarness, token: string, address: string): Promise<RegisteredMethod> {
  const { setupId } = success(await h.call('beginEmail', { address }, token));
  return success(await h.call('confirmEmail', { setupId, code: latestCodeTo(h, address) }, token)).method;
}

export const ANSWERS = [
  { questionId: 'q-first-school', answer: 'Lincoln Elementary' },
  { questionId: 'q-first-pet', answer: 'Rex the Dog' },
  { questionId: 'q-first-job', answer: 'Paper route' },
];

/** The answer the user registered for a question drawn at reset. */
export const answerFor = (questionId: string, answers = ANSWERS): string => {
  const found = answers.find((a) => a.questionId === questionId);
  if (!found) throw new Error(`no answer registered for ${questionId}`);
  return found.answer;
};

export async function registerQuestions(h: ApiHarness, token: string, answers = ANSWERS): Promise<RegisteredMethod> {
  return success(await h.call('registerQuestions', { answers }, token)).method;
}
