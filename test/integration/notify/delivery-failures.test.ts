/**
 * An outside system fails; the service answers 424 DELIVERY_FAILED with a support code that
 * is in the audit log, and the user's state is as it was: the send is not used up (the limit
 * still allows its full count of real sends afterwards), a code sent before stays valid, no
 * setup is created, a helpdesk request may be sent again at once.
 *
 * The notifiers are the real ones (SmtpNotifier, HttpSmsProvider behind a RoutingNotifier),
 * speaking SMTP and HTTP to local doubles that are down, reset, hang or answer 500.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../contract/errors.js';
import { HttpSmsProvider } from '../../../server/notify/http-sms-provider.js';
import type { Notifier } from '../../../server/notify/outbox.js';
import { RoutingNotifier } from '../../../server/notify/routing-notifier.js';
import { SmtpNotifier } from '../../../server/notify/smtp-notifier.js';
import type { HelpdeskRequest } from '../../../server/store/store.js';
import { ALAIN_EMAIL, ALAIN_EMAIL_ADDRESS, createFastHarness, elevatedSession, latestCodeTo } from '../../support/api-flows.js';
import { ALAIN, DEMO_PASSWORD, failure, MEGAN, success, type ApiHarness, type ApiReply } from '../../support/api-harness.js';
import { HOUR } from '../../support/fake-clock.js';
import { closedPort } from '../../support/http-doubles.js';
import { recordingRelay, resettingRelay, silentRelay, stallingRelay, tricklingRelay } from './smtp-doubles.js';
import { twilioStyleDouble, type TwilioStyleDouble } from './twilio-style-double.js';

/** Two real sends per window: after any number of failures, exactly two must still go out. */
const SENDS = 2;
const policy = { codeSends: { max: SENDS, windowMs: HOUR, blockMs: HOUR }, emailSends: { max: SENDS, windowMs: HOUR, blockMs: HOUR } };
const TIMEOUT_MS = 400;

let h: ApiHarness;
const closers: (() => unknown)[] = [];
beforeEach(async () => {
  h = await createFastHarness(policy);
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await h.close();
});

const smtp = (port: number) => {
  const n = new SmtpNotifier({ host: '127.0.0.1', port, secure: false, requireTls: false, from: 'it-noreply@contoso.com', timeoutMs: TIMEOUT_MS });
  closers.push(() => n.close());
  return n;
};
const sms = (double: TwilioStyleDouble) => new HttpSmsProvider({ baseUrl: double.baseUrl, accountSid: 'AC0000', authToken: 'token-0000', from: '+14255550100', timeoutMs: TIMEOUT_MS });

/** Route email and phone through the given notifiers (the real router), as a configured service does. */
function useNotifiers(routes: { email?: Notifier; phone?: Notifier }) {
  h.ctx.notifier = new RoutingNotifier({ ...(routes.email ? { email: routes.email } : {}), ...(routes.phone ? { sms: routes.phone, voice: routes.phone } : {}) });
}

/** 424 DELIVERY_FAILED, with a support code that names one failure event in the audit log. */
async function expectDeliveryFailed<T>(reply: ApiReply<T>, event: string): Promise<string> {
  expect(reply.status).toBe(424);
  const error = failure(reply);
  expect(error.code).toBe<ErrorCode>('DELIVERY_FAILED');
  expect(error.supportCode).toMatch(/^[0-9A-F]{10}$/);
  const rows = (await h.ctx.store.listAudit()).filter((e) => e.supportCode === error.supportCode);
  expect(rows).toEqual([expect.objectContaining({ event, outcome: 'failure' })]);
  return error.supportCode!;
}

interface Broken {
  name: string;
  start(): Promise<Notifier>;
}
const brokenMail: Broken[] = [
  { name: 'relay down (closed port)', start: async () => smtp(await closedPort()) },
  {
    name: 'relay resets the connection',
    start: async () => {
      const r = await resettingRelay();
      closers.push(() => r.close());
      return smtp(r.port);
    },
  },
  {
    name: 'relay accepts and never greets',
    start: async () => {
      const r = await silentRelay();
      closers.push(() => r.close());
      return smtp(r.port);
    },
  },
  {
    name: 'relay greets then hangs',
    start: async () => {
      const r = await stallingRelay();
      closers.push(() => r.close());
      return smtp(r.port);
    },
  },
];
const brokenPhone: Broken[] = [
  {
    name: 'provider answers 500',
    start: async () => {
      const d = await twilioStyleDouble((_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"message":"internal"}');
      });
      closers.push(() => d.close());
      return sms(d);
    },
  },
  {
    name: 'provider never answers (timeout)',
    start: async () => {
      const d = await twilioStyleDouble(() => undefined);
      closers.push(() => d.close());
      return sms(d);
    },
  },
  { name: 'provider down (closed port)', start: async () => new HttpSmsProvider({ baseUrl: `http://127.0.0.1:${await closedPort()}/2010-04-01`, accountSid: 'AC0000', authToken: 't', from: '+14255550100', timeoutMs: TIMEOUT_MS }) },
];

/** A send must fail within the notifier's timeouts, never hang the request. */
async function timed<T>(work: Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work;
  expect(Date.now() - started).toBeLessThan(10 * TIMEOUT_MS);
  return result;
}

describe.each(brokenMail)('email: $name', (broken) => {
  it('adding an email: 424 with an audited support code, no setup, and the send limit untouched', async () => {
    const relay = await recordingRelay();
    closers.push(() => relay.close());
    const token = await elevatedSession(h, MEGAN);
    useNotifiers({ email: await broken.start() });
    for (let i = 0; i < SENDS + 1; i++) await expectDeliveryFailed(await timed(h.call('beginEmail', { address: 'megan.b@example.net' }, token)), 'code.send');
    expect((await h.ctx.store.listAudit()).filter((e) => e.event === 'code.send' && e.outcome === 'success')).toEqual([]);
    // The relay is back: exactly SENDS real sends are allowed, then the limit holds.
    useNotifiers({ email: smtp(relay.port) });
    const setups = [];
    for (let i = 0; i < SENDS; i++) setups.push(success(await h.call('beginEmail', { address: 'megan.b@example.net' }, token)).setupId);
    expect(relay.received).toHaveLength(SENDS);
    expect(failure(await h.call('beginEmail', { address: 'megan.b@example.net' }, token)).code).toBe('THROTTLED');
    // Only the setups of real sends exist: the last one proves with the code the relay carried.
    const code = /verification code is (\d{8})/.exec(relay.received.at(-1)!.raw.replace(/=\r\n/g, ''))?.[1] ?? 'none';
    success(await h.call('confirmEmail', { setupId: setups.at(-1)!, code }, token));
  });

  it('a resent reset code: 424; the code sent before still passes the gate; the sends are not used up', async () => {
    const reset = success(await h.call('startReset', { userId: ALAIN })).resetToken;
    success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, reset)); // through the demo outbox: send 1 of SENDS
    const kept = latestCodeTo(h, ALAIN_EMAIL_ADDRESS);
    const outbox = h.ctx.notifier;
    useNotifiers({ email: await broken.start() });
    for (let i = 0; i < SENDS + 1; i++) await expectDeliveryFailed(await timed(h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, reset)), 'code.send');
    expect(success(await h.call('verifyReset', { methodId: ALAIN_EMAIL, code: kept }, reset)).passed).toBe(1);
    h.ctx.notifier = outbox;
    // One send used (the first), SENDS - 1 left, whatever failed in between.
    const again = success(await h.call('startReset', { userId: ALAIN })).resetToken;
    for (let i = 0; i < SENDS - 1; i++) success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, again));
    expect(failure(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, again)).code).toBe('THROTTLED');
  });

  it('a helpdesk request: 424 with the support code of the recorded request; asking again at once is allowed and reaches the helpdesk', async () => {
    const relay = await recordingRelay();
    closers.push(() => relay.close());
    useNotifiers({ email: await broken.start() });
    const supportCode = await expectDeliveryFailed(await timed(h.call('contactHelpdesk', { userId: ALAIN, reason: 'NOT_REGISTERED' })), 'helpdesk.request');
    // Kept in the store under the code the user holds (read from the real memory store).
    const kept = (h.ctx.store as unknown as { helpdesk: HelpdeskRequest[] }).helpdesk;
    expect(kept).toEqual([expect.objectContaining({ supportCode, userId: ALAIN, reason: 'NOT_REGISTERED' })]);
    // Nothing reached the helpdesk: the one-per-minute reservation was given back.
    useNotifiers({ email: smtp(relay.port) });
    const again = success(await h.call('contactHelpdesk', { userId: ALAIN, reason: 'NOT_REGISTERED' }));
    expect(relay.received).toEqual([expect.objectContaining({ rcptTo: ['helpdesk@contoso.com'] })]);
    expect(relay.received[0]!.raw).toContain(again.supportCode);
    // …and the limit still holds once a request did reach it: the next is rate-limited (not sent).
    success(await h.call('contactHelpdesk', { userId: ALAIN, reason: 'NOT_REGISTERED' }));
    expect(relay.received).toHaveLength(1);
  });

  it('a notice after a change (password changed) is best effort: 200, and the failed notice is audited', async () => {
    useNotifiers({ email: await broken.start() });
    const reply = await timed(h.call('changePassword', { userId: ALAIN, oldPassword: DEMO_PASSWORD, newPassword: 'a brand new passphrase 2026' }));
    expect(reply.status).toBe(200);
    expect((await h.ctx.store.listAudit()).filter((e) => e.event === 'notify.user')).toEqual([expect.objectContaining({ userId: ALAIN, outcome: 'failure', detail: expect.stringMatching(/^email not delivered: E[A-Z]+/) })]);
  });
});

describe.each(brokenPhone)('text and call: $name', (broken) => {
  it.each(['sms', 'voice'] as const)('adding a phone for %s: 424 with an audited support code, no setup, and the send limit untouched', async (type) => {
    const provider = await twilioStyleDouble();
    closers.push(() => provider.close());
    const token = await elevatedSession(h, MEGAN);
    useNotifiers({ phone: await broken.start() });
    for (let i = 0; i < SENDS + 1; i++) await expectDeliveryFailed(await timed(h.call('beginPhone', { type, phoneNumber: '+14255550177' }, token)), 'code.send');
    useNotifiers({ phone: sms(provider) });
    for (let i = 0; i < SENDS; i++) success(await h.call('beginPhone', { type, phoneNumber: '+14255550177' }, token));
    expect(provider.requests).toHaveLength(SENDS);
    expect(failure(await h.call('beginPhone', { type, phoneNumber: '+14255550177' }, token)).code).toBe('THROTTLED');
  });

  it('a reset code by text: 424; the code sent before still passes; the sends are not used up', async () => {
    const reset = success(await h.call('startReset', { userId: 'pradeep@contoso.com' })).resetToken;
    success(await h.call('startResetChallenge', { methodId: 'm-pradeep-sms' }, reset));
    const kept = latestCodeTo(h, '+14255550123');
    const outbox = h.ctx.notifier;
    useNotifiers({ phone: await broken.start() });
    for (let i = 0; i < SENDS + 1; i++) await expectDeliveryFailed(await timed(h.call('startResetChallenge', { methodId: 'm-pradeep-sms' }, reset)), 'code.send');
    expect(success(await h.call('verifyReset', { methodId: 'm-pradeep-sms', code: kept }, reset)).passed).toBe(1);
    h.ctx.notifier = outbox;
    // One send used (the first), SENDS - 1 left, whatever failed in between.
    const again = success(await h.call('startReset', { userId: 'pradeep@contoso.com' })).resetToken;
    for (let i = 0; i < SENDS - 1; i++) success(await h.call('startResetChallenge', { methodId: 'm-pradeep-sms' }, again));
    expect(failure(await h.call('startResetChallenge', { methodId: 'm-pradeep-sms' }, again)).code).toBe('THROTTLED');
  });
});

describe('the notifiers never hang a request', () => {
  it('SMTP: a relay that never greets fails within the configured timeout', async () => {
    const relay = await silentRelay();
    closers.push(() => relay.close());
    const started = Date.now();
    await expect(smtp(relay.port).send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b' })).rejects.toMatchObject({ name: 'NotifyError', code: expect.stringMatching(/^E/) });
    expect(Date.now() - started).toBeLessThan(5 * TIMEOUT_MS);
  });

  it('SMTP: a relay that trickles a byte now and then (never idle) is cut off at the deadline (3 × the timeout)', async () => {
    const relay = await tricklingRelay(TIMEOUT_MS / 4);
    closers.push(() => relay.close());
    const started = Date.now();
    await expect(smtp(relay.port).send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b' })).rejects.toMatchObject({ name: 'NotifyError', code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * TIMEOUT_MS - 50);
    expect(Date.now() - started).toBeLessThan(5 * TIMEOUT_MS);
  });

  it('HTTP provider: one that never answers fails within the configured timeout', async () => {
    const d = await twilioStyleDouble(() => undefined);
    closers.push(() => d.close());
    const started = Date.now();
    await expect(sms(d).send({ channel: 'sms', to: '+14255550177', subject: '', body: 'b' })).rejects.toMatchObject({ name: 'NotifyError', code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeLessThan(5 * TIMEOUT_MS);
  });
});
