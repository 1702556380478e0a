import { NotifyError, type NotifyChannel } from './notify-error.js';
import type { Notifier, OutgoingMessage } from './outbox.js';
import { sayTwiml } from './twiml.js';

export interface HttpSmsProviderOptions {
  /** e.g. `https://api.twilio.com/2010-04-01`; the account path is appended. */
  baseUrl: string;
  accountSid: string;
  /** Read by the caller from the environment variable the config names. */
  authToken: string;
  /** The sending number (E.164) or messaging sender id. */
  from: string;
  /** Default 10 s. */
  timeoutMs?: number;
}

const e164 = /^\+[1-9]\d{6,14}$/;

/**
 * Text messages and phone calls through a Twilio-style REST API: form-encoded POSTs to
 * `Accounts/{sid}/Messages.json` (sms) and `Accounts/{sid}/Calls.json` (voice, with inline
 * TwiML), HTTP basic auth `accountSid:authToken`. Errors name the status only: the provider's
 * answer may quote the recipient, and the request carries the code.
 */
export class HttpSmsProvider implements Notifier {
  constructor(private readonly options: HttpSmsProviderOptions) {}

  async send(message: OutgoingMessage): Promise<void> {
    const { channel } = message;
    if (channel === 'email') throw new NotifyError('email: the SMS provider sends text messages and calls only', channel, undefined, 'WRONG_CHANNEL');
    if (!e164.test(message.to)) throw new NotifyError(`${channel}: the recipient is not an E.164 phone number`, channel, undefined, 'BAD_RECIPIENT');
    const form: Record<string, string> =
      channel === 'sms'
        ? { To: message.to, From: this.options.from, Body: message.body }
        : { To: message.to, From: this.options.from, Twiml: sayTwiml(message.body, message.language) };
    await this.post(channel, channel === 'sms' ? 'Messages.json' : 'Calls.json', form);
  }

  private async post(channel: NotifyChannel, resource: string, form: Record<string, string>): Promise<void> {
    const { baseUrl, accountSid, authToken } = this.options;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const url = `${baseUrl.replace(/\/+$/, '')}/Accounts/${encodeURIComponent(accountSid)}/${resource}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      if (timedOut) throw new NotifyError(`${channel}: the provider did not answer within ${timeoutMs / 1000} s`, channel, undefined, 'ETIMEDOUT');
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      const code = typeof cause === 'string' && /^[A-Z_]{2,30}$/.test(cause) ? cause : 'ECONNECTION';
      throw new NotifyError(`${channel}: could not reach the provider (${code})`, channel, undefined, code);
    }
    // Drain the body either way so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new NotifyError(`${channel}: the provider answered HTTP ${response.status}`, channel, response.status, 'HTTP');
  }
}
