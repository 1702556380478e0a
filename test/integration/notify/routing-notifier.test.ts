import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../server/config/config-error.js';
import { notifierFromConfig } from '../../../server/notify/notifier-from-config.js';
import { NotifyError } from '../../../server/notify/notify-error.js';
import { Outbox, type Notifier, type OutgoingMessage } from '../../../server/notify/outbox.js';
import { RoutingNotifier } from '../../../server/notify/routing-notifier.js';
import { twilioStyleDouble } from './twilio-style-double.js';

class Recorder implements Notifier {
  sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}

describe('RoutingNotifier', () => {
  it('hands each message to the notifier of its channel', async () => {
    const email = new Recorder();
    const phone = new Recorder();
    const router = new RoutingNotifier({ email, sms: phone, voice: phone });
    await router.send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'e' });
    await router.send({ channel: 'sms', to: '+14255550100', subject: '', body: 's' });
    await router.send({ channel: 'voice', to: '+14255550100', subject: '', body: 'v' });
    expect(email.sent.map((m) => m.body)).toEqual(['e']);
    expect(phone.sent.map((m) => m.body)).toEqual(['s', 'v']);
    expect([router.has('email'), router.has('sms')]).toEqual([true, true]);
  });

  it('refuses a channel with no notifier configured', async () => {
    const router = new RoutingNotifier({ email: new Recorder() });
    const error = await router.send({ channel: 'voice', to: '+14255550100', subject: '', body: '123456' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotifyError);
    expect(error).toMatchObject({ message: 'voice: channel not configured', channel: 'voice', code: 'NOT_CONFIGURED' });
    expect(router.has('voice')).toBe(false);
  });
});

describe('Outbox', () => {
  it('keeps what was sent without the language (the outbox route is strict)', async () => {
    const outbox = new Outbox(() => Date.UTC(2026, 0, 1));
    await outbox.send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b', language: 'zh-TW' });
    expect(outbox.list()).toEqual([{ id: expect.any(String), channel: 'email', to: 'a@example.net', subject: 's', body: 'b', sentAt: '2026-01-01T00:00:00.000Z' }]);
  });
});

describe('notifierFromConfig', () => {
  const sms = (baseUrl: string) => ({ kind: 'http' as const, baseUrl, accountSid: 'AC1', authTokenEnv: 'SMS_TOKEN', from: '+14255550199', timeoutSeconds: 5 });

  it('routes sms and voice to the provider with the token from the environment, email to the outbox', async () => {
    const double = await twilioStyleDouble();
    try {
      const { notifier, outbox } = await notifierFromConfig({ email: { kind: 'outbox' }, sms: sms(double.baseUrl), voice: sms(double.baseUrl) }, { SMS_TOKEN: 'tok' });
      await notifier.send({ channel: 'sms', to: '+14255550100', subject: '', body: 'hi' });
      await notifier.send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b' });
      expect(double.requests[0]?.authorization).toBe(`Basic ${Buffer.from('AC1:tok').toString('base64')}`);
      expect(outbox?.list().map((m) => m.channel)).toEqual(['email']);
    } finally {
      await double.close();
    }
  });

  it('names every missing secret at start-up', async () => {
    const error = await notifierFromConfig(
      {
        email: { kind: 'smtp', host: 'smtp.example.net', port: 587, secure: false, requireTls: true, from: 'it@example.net', user: 'u', passwordEnv: 'SMTP_PASSWORD', timeoutSeconds: 10 },
        sms: sms('https://api.example.net'),
      },
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['notify.email.passwordEnv: environment variable SMTP_PASSWORD is not set', 'notify.sms.authTokenEnv: environment variable SMS_TOKEN is not set']);
  });

  it('leaves unconfigured channels refused', async () => {
    const { notifier } = await notifierFromConfig({}, {});
    await expect(notifier.send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b' })).rejects.toThrow('email: channel not configured');
  });
});
