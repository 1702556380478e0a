/**
 * Registering a phone (text message, phone call) and an alternate email through the API, as
 * megan (no method yet, so her session may add one at once): the number's validation, the
 * code on the right channel, masked labels, the per-type limits and the policy's list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../../server/policy/policy.js';
import { MEGAN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { codeIn, createFastHarness, otherCode, outbox, registerEmail, registerPhone } from '../../../support/api-flows.js';

let h: ApiHarness;
let token: string;
beforeEach(async () => {
  h = await createFastHarness();
  token = await h.signIn(MEGAN);
});
afterEach(() => h.close());

describe('phone numbers are validated as E.164 (libphonenumber)', () => {
  it('accepts +1 425 555 0142 and sends the code to +14255550142, masked in the answer', async () => {
    const setup = success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0142' }, token));
    expect(setup.sentTo).toBe('+1 ••• ••• ••42');
    expect(outbox(h)).toHaveLength(1);
    expect(outbox(h)[0]).toMatchObject({ channel: 'sms', to: '+14255550142' });
  });

  it('refuses 12345 with BAD_REQUEST and sends nothing', async () => {
    const reply = await h.call('beginPhone', { type: 'sms', phoneNumber: '12345' }, token);
    expect(reply.status).toBe(400);
    expect(failure(reply).code).toBe('BAD_REQUEST');
    expect(outbox(h)).toEqual([]);
  });

  it("accepts a national number with country TW ('0912 345 678' → +886912345678)", async () => {
    success(await h.call('beginPhone', { type: 'sms', phoneNumber: '0912 345 678', country: 'TW' }, token));
    expect(outbox(h)[0]!.to).toBe('+886912345678');
  });

  it('refuses the same national number without a country', async () => {
    expect(failure(await h.call('beginPhone', { type: 'sms', phoneNumber: '0912 345 678' }, token)).code).toBe('BAD_REQUEST');
  });
});

describe('text message', () => {
  it('a wrong code is INVALID_CODE; the right code registers the phone with a masked label', async () => {
    const { setupId } = success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0142' }, token));
    const code = codeIn(outbox(h)[0]!);
    expect(code).toMatch(/^\d{6}$/);
    expect(failure(await h.call('confirmPhone', { setupId, code: otherCode(code) }, token)).code).toBe('INVALID_CODE');
    const { method } = success(await h.call('confirmPhone', { setupId, code }, token));
    expect(method).toMatchObject({ type: 'sms', label: '+1 ••• ••• ••42' });
    const info = success(await h.call('getSecurityInfo', {}, token));
    expect(info.methods.map((m) => m.id)).toEqual([method.id]);
    expect(JSON.stringify(info)).not.toContain('4255550142');
  });

  it('a second text-message phone is METHOD_LIMIT_REACHED (409), and sms leaves canAdd', async () => {
    await registerPhone(h, token, 'sms', '+1 425 555 0142');
    expect(success(await h.call('getSecurityInfo', {}, token)).canAdd).not.toContain('sms');
    const reply = await h.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0199' }, token);
    expect(reply.status).toBe(409);
    expect(failure(reply).code).toBe('METHOD_LIMIT_REACHED');
  });

  it('a setup code cannot confirm an email setup (the kinds are kept apart)', async () => {
    const { setupId } = success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0142' }, token));
    expect(failure(await h.call('confirmEmail', { setupId, code: codeIn(outbox(h)[0]!) }, token)).code).toBe('SETUP_EXPIRED');
  });
});

describe('phone call', () => {
  it('the code is read out digit by digit on the voice channel; it registers a voice method', async () => {
    const { setupId } = success(await h.call('beginPhone', { type: 'voice', phoneNumber: '+1 425 555 0142' }, token));
    const call = outbox(h)[0]!;
    expect(call).toMatchObject({ channel: 'voice', to: '+14255550142' });
    const code = codeIn(call);
    expect(call.body).not.toContain(code); // spoken digit by digit, never as one number
    const { method } = success(await h.call('confirmPhone', { setupId, code }, token));
    expect(method).toMatchObject({ type: 'voice', label: '+1 ••• ••• ••42' });
  });
});

describe('alternate email', () => {
  it('sends an 8-digit code by email; wrong code INVALID_CODE; the right one registers a masked address', async () => {
    const setup = success(await h.call('beginEmail', { address: 'megan.bowen@example.org' }, token));
    expect(setup.sentTo).toBe('m•••@example.org');
    const mail = outbox(h)[0]!;
    expect(mail).toMatchObject({ channel: 'email', to: 'megan.bowen@example.org' });
    const code = codeIn(mail);
    expect(code).toMatch(/^\d{8}$/);
    expect(failure(await h.call('confirmEmail', { setupId: setup.setupId, code: otherCode(code) }, token)).code).toBe('INVALID_CODE');
    const { method } = success(await h.call('confirmEmail', { setupId: setup.setupId, code }, token));
    expect(method).toMatchObject({ type: 'email', label: 'm•••@example.org' });
  });

  it('a second email is METHOD_LIMIT_REACHED', async () => {
    await registerEmail(h, token, 'megan.bowen@example.org');
    expect(failure(await h.call('beginEmail', { address: 'other@example.org' }, token)).code).toBe('METHOD_LIMIT_REACHED');
  });
});

describe('what the policy enables', () => {
  it('security questions are off by default (the demo turns them on): pool and registration are METHOD_NOT_AVAILABLE', async () => {
    const plain = await createFastHarness({ methodsEnabled: defaultPolicy.methodsEnabled });
    try {
      const t = await plain.signIn(MEGAN);
      expect(success(await plain.call('getSecurityInfo', {}, t)).enabled).not.toContain('questions');
      expect(failure(await plain.call('getQuestionPool', {}, t)).code).toBe('METHOD_NOT_AVAILABLE');
      const answers = [
        { questionId: 'q-first-school', answer: 'Lincoln' },
        { questionId: 'q-first-pet', answer: 'Rex' },
        { questionId: 'q-first-job', answer: 'Paper route' },
      ];
      expect(failure(await plain.call('registerQuestions', { answers }, t)).code).toBe('METHOD_NOT_AVAILABLE');
    } finally {
      await plain.close();
    }
  });

  it('a policy without text messages refuses an sms phone but accepts a phone call', async () => {
    const custom = await createFastHarness({ methodsEnabled: ['authenticatorApp', 'voice', 'email'] });
    try {
      const t = await custom.signIn(MEGAN);
      expect(failure(await custom.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0142' }, t)).code).toBe('METHOD_NOT_AVAILABLE');
      success(await custom.call('beginPhone', { type: 'voice', phoneNumber: '+1 425 555 0142' }, t));
    } finally {
      await custom.close();
    }
  });
});

describe('every registration change is notified on another channel and audited', () => {
  it('adding a phone tells the alternate email (not the phone); the audit has both additions, never the number or code', async () => {
    await registerEmail(h, token, 'megan.bowen@example.org');
    const before = outbox(h).length;
    await registerPhone(h, token, 'sms', '+1 425 555 0142');
    const after = outbox(h).slice(before + 1); // the first new message is the code itself
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ channel: 'email', to: 'megan.bowen@example.org' });
    expect(after[0]!.body).toContain('added Phone (text message) “+1 ••• ••• ••42”'); // the method's name, never the internal 'sms'
    const audit = await h.ctx.store.listAudit();
    const events = audit.filter((e) => e.userId === MEGAN && e.outcome === 'success').map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['registration.add.email', 'registration.add.sms']));
    expect(JSON.stringify(audit)).not.toContain('4255550142');
  });

  it('a failed confirmation is audited as a failure', async () => {
    const { setupId } = success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0142' }, token));
    await h.call('confirmPhone', { setupId, code: otherCode(codeIn(outbox(h)[0]!)) }, token);
    expect((await h.ctx.store.listAudit()).some((e) => e.event === 'registration.add.sms' && e.outcome === 'failure')).toBe(true);
  });
});
