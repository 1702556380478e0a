/**
 * Abuse of one-time codes and of the reset itself, on the fake clock (POLICY.md): wrong codes
 * block a method, sends are limited, a resend replaces the code, a code is single use, bound
 * to its challenge and short-lived; resets per account and requests per address are limited;
 * racing requests pass a code or spend a reset token exactly once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisteredMethod } from '../../../../contract/methods.js';
import { ALAIN, MEGAN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, codeIn, createFastHarness, otherCode, outbox, registerPhone } from '../../../support/api-flows.js';
import { HOUR, MINUTE } from '../../../support/fake-clock.js';

let h: ApiHarness;
let phone: RegisteredMethod;
beforeEach(async () => {
  h = await createFastHarness();
  phone = await registerPhone(h, await h.signIn(MEGAN), 'sms', '+1 425 555 0142');
});
afterEach(() => h.close());

const newReset = async (userId = MEGAN) => success(await h.call('startReset', { userId })).resetToken;
/** Ask for a code by text and read it from the phone. */
async function sendCode(resetToken: string, methodId = phone.id): Promise<string> {
  success(await h.call('startResetChallenge', { methodId }, resetToken));
  return codeIn(outbox(h).at(-1)!);
}
const verify = (resetToken: string, code: string, methodId = phone.id) => h.call('verifyReset', { methodId, code }, resetToken);

describe('wrong codes block the method (5 per hour → 24 h)', () => {
  it('after 5 wrong codes the right code is THROTTLED (429, retryAfter 24 h), no new code is sent, and after the block a new code works', async () => {
    const token = await newReset();
    const code = await sendCode(token);
    for (let i = 0; i < 5; i++) expect(failure(await verify(token, otherCode(code))).code).toBe('INVALID_CODE');
    const blocked = await verify(token, code);
    expect(blocked.status).toBe(429);
    expect(Date.parse(failure(blocked).retryAfter!) - h.clock()).toBe(24 * HOUR);
    const sent = outbox(h).length;
    expect(failure(await h.call('startResetChallenge', { methodId: phone.id }, token)).code).toBe('THROTTLED');
    expect(outbox(h)).toHaveLength(sent);

    h.clock.advance(24 * HOUR + 1);
    const later = await newReset();
    success(await verify(later, await sendCode(later)));
  });
});

describe('code sends', () => {
  it('the 6th text within an hour is THROTTLED and sends nothing; an hour later sending works again', async () => {
    const token = await newReset();
    for (let i = 0; i < 5; i++) await sendCode(token);
    const sent = outbox(h).length;
    const reply = await h.call('startResetChallenge', { methodId: phone.id }, token);
    expect(failure(reply)).toMatchObject({ code: 'THROTTLED', retryAfter: new Date(h.clock() + HOUR).toISOString() });
    expect(outbox(h)).toHaveLength(sent);
    h.clock.advance(HOUR);
    await sendCode(await newReset());
  });

  it('emails: 10 per 10 minutes, the 11th is THROTTLED', async () => {
    const token = await newReset(ALAIN);
    for (let i = 0; i < 10; i++) success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, token));
    expect(failure(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, token)).code).toBe('THROTTLED');
    h.clock.advance(10 * MINUTE);
    success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, await newReset(ALAIN)));
  });
});

describe('a code is single use, bound to its challenge, and short-lived', () => {
  it('a resend replaces the previous code: the old one is refused, the new one works', async () => {
    const token = await newReset();
    const old = await sendCode(token);
    let fresh = await sendCode(token);
    while (fresh === old) fresh = await sendCode(token); // 1 in a million
    expect(failure(await verify(token, old)).code).toBe('INVALID_CODE');
    success(await verify(token, fresh));
  });

  it('replay: a code that passed the second factor cannot pass it again in the same session', async () => {
    const session = await h.signIn(MEGAN);
    success(await h.call('startSecondFactor', { methodId: phone.id }, session));
    const code = codeIn(outbox(h).at(-1)!);
    success(await h.call('verifySecondFactor', { methodId: phone.id, code }, session));
    expect(failure(await h.call('verifySecondFactor', { methodId: phone.id, code }, session)).code).toBe('STEP_NOT_ALLOWED');
  });

  it("another reset's code is refused, before and after this reset asks for its own", async () => {
    const a = await newReset();
    const codeA = await sendCode(a);
    const b = await newReset();
    expect(failure(await verify(b, codeA)).code).toBe('STEP_NOT_ALLOWED');
    const codeB = await sendCode(b);
    if (codeB !== codeA) expect(failure(await verify(b, codeA)).code).toBe('INVALID_CODE');
    success(await verify(b, codeB));
  });

  it('a text code is accepted until 5 minutes and refused after', async () => {
    const a = await newReset();
    const early = await sendCode(a);
    h.clock.advance(5 * MINUTE - 1_000);
    success(await verify(a, early));
    const b = await newReset();
    const late = await sendCode(b);
    h.clock.advance(5 * MINUTE + 1);
    expect(failure(await verify(b, late)).code).toBe('STEP_NOT_ALLOWED');
  });
});

describe('resets per account and requests per address', () => {
  it('the 6th startReset of one account within an hour is THROTTLED; an hour later it works', async () => {
    for (let i = 0; i < 5; i++) await newReset();
    const reply = await h.call('startReset', { userId: MEGAN.toUpperCase() });
    expect(reply.status).toBe(429);
    expect(failure(reply).code).toBe('THROTTLED');
    h.clock.advance(HOUR);
    await newReset();
  });

  it('over perAddress.max unauthenticated POSTs from one address are THROTTLED, whatever the account; the block ends', async () => {
    const small = await createFastHarness({ perAddress: { max: 4, windowMs: 10 * MINUTE, blockMs: 10 * MINUTE } });
    try {
      const users = ['a@contoso.com', 'b@contoso.com', 'c@contoso.com', 'd@contoso.com'];
      for (const userId of users) expect(failure(await small.call('startReset', { userId })).code).toBe('NOT_REGISTERED');
      expect(failure(await small.call('startReset', { userId: 'e@contoso.com' })).code).toBe('THROTTLED');
      expect(failure(await small.call('signIn', { userId: ALAIN, password: 'whatever' })).code).toBe('THROTTLED');
      expect(failure(await small.call('getTenant', {})).code).toBe('THROTTLED'); // reads count too (issue 7 item 7)
      small.clock.advance(10 * MINUTE);
      success(await small.call('startReset', { userId: ALAIN }));
    } finally {
      await small.close();
    }
  });
});

describe('races', () => {
  it('10 parallel verifyReset with the same right code: exactly one passes, and the method is not left blocked by the losers', async () => {
    const token = await newReset();
    const code = await sendCode(token);
    const replies = await Promise.all(Array.from({ length: 10 }, () => verify(token, code)));
    expect(replies.filter((r) => r.body.ok)).toHaveLength(1);
    // Losers that were evaluated find the code spent; beyond the limit of 5 in flight, they were never evaluated.
    for (const reply of replies.filter((r) => !r.body.ok)) expect(['STEP_NOT_ALLOWED', 'THROTTLED']).toContain(failure(reply).code);
    const next = await newReset();
    success(await verify(next, await sendCode(next)));
  });

  it('5 parallel completeReset with one token: exactly one password is set', async () => {
    const token = await newReset();
    success(await verify(token, await sendCode(token)));
    const passwords = Array.from({ length: 5 }, (_, i) => `Correct-Horse-Battery-7${i}`);
    const replies = await Promise.all(passwords.map((newPassword) => h.call('completeReset', { newPassword }, token)));
    const winners = passwords.filter((_, i) => replies[i]!.body.ok);
    expect(winners).toHaveLength(1);
    for (const reply of replies.filter((r) => !r.body.ok)) expect(failure(reply).code).toBe('RESET_EXPIRED');
    await h.signIn(MEGAN, winners[0]);
    for (const loser of passwords.filter((p) => p !== winners[0])) expect(failure(await h.call('signIn', { userId: MEGAN, password: loser })).code).toBe('INVALID_CREDENTIALS');
  });
});
