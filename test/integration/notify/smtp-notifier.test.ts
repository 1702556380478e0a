/**
 * SmtpNotifier against a REAL SMTP server (smtp-server) on 127.0.0.1: envelope, headers,
 * body and authentication as the server saw them; failures as NotifyError without the password.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { codeMessage } from '../../../server/notify/messages.js';
import { NotifyError } from '../../../server/notify/notify-error.js';
import { SmtpNotifier, type SmtpNotifierOptions } from '../../../server/notify/smtp-notifier.js';
import { closedPort } from '../../support/http-doubles.js';

const USER = 'sign-in-helper@contoso.com';
const PASSWORD = 'smtp-Secret-9d2e';

interface Received {
  mailFrom: string | false;
  rcptTo: string[];
  user: unknown;
  secure: boolean;
  raw: string;
}

interface TestRelay {
  port: number;
  received: Received[];
  auths: { method: string; username?: string; password?: string }[];
  close(): Promise<void>;
}

async function startRelay(options: Partial<SMTPServerOptions> = {}): Promise<TestRelay> {
  const received: Received[] = [];
  const auths: TestRelay['auths'] = [];
  const server = new SMTPServer({
    logger: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      auths.push({ method: auth.method, username: auth.username, password: auth.password ?? undefined });
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          mailFrom: session.envelope.mailFrom && session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          user: session.user,
          secure: session.secure,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, auths, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let relay: TestRelay | undefined;
const notifiers: SmtpNotifier[] = [];
afterEach(async () => {
  notifiers.splice(0).forEach((n) => n.close());
  await relay?.close();
  relay = undefined;
});

const notifier = (options: Partial<SmtpNotifierOptions> & { port: number }) => {
  const n = new SmtpNotifier({ host: '127.0.0.1', secure: false, requireTls: false, from: '"Contoso IT" <it-noreply@contoso.com>', user: USER, password: PASSWORD, timeoutMs: 3000, ...options });
  notifiers.push(n);
  return n;
};

/** Message text with quoted-printable soft breaks undone (long lines are wrapped on the wire). */
const unwrap = (raw: string) => raw.replace(/=\r\n/g, '').replace(/=3D/g, '=');

/** The error a send rejects with; it must never show the password, plain or base64. */
async function failure(send: Promise<void>): Promise<NotifyError> {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotifyError);
  const text = `${(error as Error).message}\n${(error as Error).stack}\n${JSON.stringify(error)}`;
  for (const secret of [PASSWORD, Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64'), Buffer.from(PASSWORD).toString('base64')]) expect(text).not.toContain(secret);
  expect((error as Error).cause).toBeUndefined();
  return error as NotifyError;
}

describe('SmtpNotifier against a real SMTP server on loopback', () => {
  it('delivers with authentication: envelope, subject and body as the server received them', async () => {
    relay = await startRelay();
    const message = codeMessage({ channel: 'email', organization: 'Contoso', code: '48291375', lifetimeMinutes: 10 });
    await notifier({ port: relay.port }).send({ channel: 'email', to: 'alain.charon@example.net', ...message, language: 'en' });
    expect(relay.auths).toEqual([{ method: 'PLAIN', username: USER, password: PASSWORD }]);
    const [mail] = relay.received;
    expect(mail).toMatchObject({ mailFrom: 'it-noreply@contoso.com', rcptTo: ['alain.charon@example.net'], user: USER });
    const raw = unwrap(mail!.raw);
    expect(raw).toMatch(/^Subject: Your Contoso verification code\r$/m);
    expect(raw).toMatch(/^From: "?Contoso IT"? <it-noreply@contoso.com>\r$/m);
    expect(raw).toMatch(/^Content-Language: en\r$/m);
    expect(raw).toContain('Your Contoso verification code is 48291375. It expires in 10 minutes.');
  });

  it('sends without credentials when none are configured', async () => {
    relay = await startRelay({ authOptional: true });
    await notifier({ port: relay.port, user: undefined, password: undefined }).send({ channel: 'email', to: 'a@example.net', subject: 'Hi', body: 'Hello' });
    expect(relay.auths).toEqual([]);
    expect(relay.received[0]?.rcptTo).toEqual(['a@example.net']);
  });

  it('refused credentials give NotifyError EAUTH without the password', async () => {
    relay = await startRelay();
    const error = await failure(notifier({ port: relay.port, password: `${PASSWORD}-wrong` }).send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b' }));
    expect(error).toMatchObject({ channel: 'email', code: 'EAUTH', status: 535 });
    expect(error.message).toBe('email: the relay refused the credentials (EAUTH, SMTP 535)');
    expect(error.message).not.toContain(`${PASSWORD}-wrong`);
  });

  it('a relay that is down gives NotifyError', async () => {
    const error = await failure(notifier({ port: await closedPort() }).send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b' }));
    expect(error.channel).toBe('email');
    expect(['ECONNECTION', 'ESOCKET']).toContain(error.code);
    expect(error.message).toMatch(/^email: (could not connect to|the connection to) the relay/);
  });

  it('refuses a relay without STARTTLS when TLS is required', async () => {
    relay = await startRelay();
    const error = await failure(notifier({ port: relay.port, requireTls: true }).send({ channel: 'email', to: 'a@example.net', subject: 's', body: '12345678' }));
    expect(error.channel).toBe('email');
    expect(relay.auths).toEqual([]); // the password never went over the plain connection
    expect(relay.received).toEqual([]);
  });

  it('refuses other channels', async () => {
    await expect(notifier({ port: 1 }).send({ channel: 'sms', to: '+14255550100', subject: '', body: 'x' })).rejects.toThrow('sms: the SMTP notifier sends email only');
  });

  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasOpenssl)('upgrades with STARTTLS and checks the relay certificate against the configured CA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sih-smtp-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'));
    relay = await startRelay({ disabledCommands: [], allowInsecureAuth: false, key: readFileSync(join(dir, 'key.pem')), cert });
    await notifier({ port: relay.port, requireTls: true, ca: cert }).send({ channel: 'email', to: 'a@example.net', subject: 'TLS', body: 'over TLS' });
    expect(relay.received[0]).toMatchObject({ secure: true, user: USER });
    // Without the CA the self-signed certificate is refused.
    const error = await failure(notifier({ port: relay.port, requireTls: true }).send({ channel: 'email', to: 'a@example.net', subject: 's', body: 'b' }));
    expect(error.channel).toBe('email');
    expect(relay.received).toHaveLength(1);
  });
});
