import { afterEach, describe, expect, it } from 'vitest';
import { HttpSmsProvider } from '../../../server/notify/http-sms-provider.js';
import { NotifyError } from '../../../server/notify/notify-error.js';
import { closedPort } from '../../support/http-doubles.js';
import { twilioStyleDouble, type TwilioStyleDouble } from './twilio-style-double.js';

const SID = 'AC0123456789abcdef';
const TOKEN = 'test-auth-token-7f3a';
const CODE_BODY = 'Your Contoso verification code is 482913. It expires in 5 minutes.';
let double: TwilioStyleDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

const provider = (baseUrl: string, timeoutMs?: number) => new HttpSmsProvider({ baseUrl, accountSid: SID, authToken: TOKEN, from: '+14255550199', timeoutMs });

/** The error a send rejects with, checked to be a NotifyError that leaks neither token nor code. */
async function failure(send: Promise<void>): Promise<NotifyError> {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotifyError);
  const text = `${(error as Error).message}\n${(error as Error).stack}`;
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(Buffer.from(`${SID}:${TOKEN}`).toString('base64'));
  expect(text).not.toContain('482913');
  return error as NotifyError;
}

describe('HttpSmsProvider against twilioStyleDouble (a local double of the provider API)', () => {
  it('sends a text message: path, basic auth and form fields', async () => {
    double = await twilioStyleDouble();
    await provider(double.baseUrl).send({ channel: 'sms', to: '+886912345678', subject: 'ignored', body: CODE_BODY });
    expect(double.requests).toEqual([
      {
        method: 'POST',
        path: `/2010-04-01/Accounts/${SID}/Messages.json`,
        authorization: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
        contentType: 'application/x-www-form-urlencoded',
        form: { To: '+886912345678', From: '+14255550199', Body: CODE_BODY },
      },
    ]);
  });

  it('places a call with TwiML in the message language, XML special characters escaped', async () => {
    double = await twilioStyleDouble();
    await provider(`${double.baseUrl}/`).send({ channel: 'voice', to: '+14255550100', subject: '', body: `Tom & Jerry <Play>x</Play> "q" 'a'`, language: 'zh-TW' });
    const [request] = double.requests;
    expect(request?.path).toBe(`/2010-04-01/Accounts/${SID}/Calls.json`);
    expect(request?.form).toEqual({
      To: '+14255550100',
      From: '+14255550199',
      Twiml: '<Response><Say language="zh-TW">Tom &amp; Jerry &lt;Play&gt;x&lt;/Play&gt; &quot;q&quot; &apos;a&apos;</Say></Response>',
    });
  });

  it('speaks English by default', async () => {
    double = await twilioStyleDouble();
    await provider(double.baseUrl).send({ channel: 'voice', to: '+14255550100', subject: '', body: 'Hello' });
    expect(double.requests[0]?.form.Twiml).toBe('<Response><Say language="en-US">Hello</Say></Response>');
  });

  it('turns a non-2xx answer into NotifyError with the status', async () => {
    double = await twilioStyleDouble((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 20003, message: `Authenticate ${TOKEN}` }));
    });
    const error = await failure(provider(double.baseUrl).send({ channel: 'sms', to: '+14255550100', subject: '', body: CODE_BODY }));
    expect(error).toMatchObject({ message: 'sms: the provider answered HTTP 401', status: 401, channel: 'sms', code: 'HTTP' });
  });

  it('gives up after its timeout', async () => {
    double = await twilioStyleDouble(() => undefined); // never answers
    const error = await failure(provider(double.baseUrl, 300).send({ channel: 'voice', to: '+14255550100', subject: '', body: CODE_BODY }));
    expect(error).toMatchObject({ message: 'voice: the provider did not answer within 0.3 s', code: 'ETIMEDOUT' });
  });

  it('names an unreachable provider', async () => {
    const error = await failure(provider(`http://127.0.0.1:${await closedPort()}`).send({ channel: 'sms', to: '+14255550100', subject: '', body: CODE_BODY }));
    expect(error).toMatchObject({ message: 'sms: could not reach the provider (ECONNREFUSED)', code: 'ECONNREFUSED' });
  });

  it('refuses email and recipients that are not E.164 before any request', async () => {
    double = await twilioStyleDouble();
    await expect(provider(double.baseUrl).send({ channel: 'email', to: 'a@b.c', subject: 's', body: 'b' })).rejects.toBeInstanceOf(NotifyError);
    const error = await failure(provider(double.baseUrl).send({ channel: 'sms', to: '0912 345 678', subject: '', body: CODE_BODY }));
    expect(error.code).toBe('BAD_RECIPIENT');
    expect(double.requests).toEqual([]);
  });
});
