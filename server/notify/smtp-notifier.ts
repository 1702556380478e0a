import type { Transporter } from 'nodemailer';
import { NotifyError } from './notify-error.js';
import { plainField } from './untrusted-text.js';
import type { Notifier, OutgoingMessage } from './outbox.js';

export interface SmtpNotifierOptions {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465). false: plain connection upgraded with STARTTLS. */
  secure: boolean;
  /**
   * With `secure: false`, refuse to send when the server does not offer STARTTLS. Only a relay
   * on loopback may go without it: the messages carry one-time codes.
   */
  requireTls: boolean;
  /** The From address, e.g. `"Contoso IT" <it-noreply@contoso.com>`. */
  from: string;
  user?: string;
  /** Read by the caller from the environment variable the config names; never from the file. */
  password?: string;
  /** PEM of a private CA that signed the relay's certificate. */
  ca?: string | Buffer;
  /** Connection, greeting and socket timeout in ms (default 10 s). */
  timeoutMs?: number;
}

/** local@domain, nothing around it: no spaces, list or group separators, quotes, angle brackets, comments or control characters (an apostrophe, as in o'brien@, is fine). */
const SINGLE_ADDRESS = /^[^\s,;:<>()"\\@\p{Cc}]{1,64}@[^\s,;:<>()"'\\@\p{Cc}]{1,253}$/u;

/** The whole SMTP conversation may take this many times the per-phase timeout (connect, greeting, each reply). */
const SEND_DEADLINE_FACTOR = 3;

/** nodemailer's error fields that are safe to repeat: a code and the SMTP reply code. */
interface TransportError {
  code?: unknown;
  responseCode?: unknown;
}

/**
 * Email through an SMTP relay (nodemailer). Logging is off so a code never reaches a log, and
 * every failure becomes a NotifyError that names the code and reply, never the password.
 */
export class SmtpNotifier implements Notifier {
  /** Made on the first send: nodemailer (~0.4 MB of the service's bundle) is not loaded at start. */
  private transport: Promise<Transporter> | undefined;

  constructor(private readonly options: SmtpNotifierOptions) {}

  private transporter(): Promise<Transporter> {
    this.transport ??= import('nodemailer').then(({ createTransport }) => this.create(createTransport));
    return this.transport;
  }

  private create(createTransport: typeof import('nodemailer').createTransport): Transporter {
    const options = this.options;
    const timeout = options.timeoutMs ?? 10_000;
    return createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: !options.secure && options.requireTls,
      auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
      tls: { minVersion: 'TLSv1.2', ...(options.ca ? { ca: options.ca } : {}) },
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      logger: false,
      debug: false,
      // The message is plain text we wrote; it must never make nodemailer read a file or URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel !== 'email') throw new NotifyError(`${message.channel}: the SMTP notifier sends email only`, message.channel, undefined, 'WRONG_CHANNEL');
    // One recipient, always: a list separator, a display name or a line break in `to` would add recipients or headers.
    if (!SINGLE_ADDRESS.test(message.to)) throw new NotifyError('email: the recipient is not a single address', 'email', undefined, 'BAD_RECIPIENT');
    const sending = (await this.transporter()).sendMail({
      from: this.options.from,
      to: { name: '', address: message.to },
      // One line whatever it holds (nodemailer encodes it as RFC 2047 words): no header can be added through it.
      subject: plainField(message.subject, 250),
      text: message.body,
      headers: message.language ? { 'Content-Language': message.language } : undefined,
    });
    // nodemailer's timeouts are per phase and its socket timeout is an IDLE timeout: a relay that
    // trickles a byte now and then would hold the request for ever. The whole conversation gets
    // a deadline too; past it the request is answered (DELIVERY_FAILED) whatever the relay does.
    const deadlineMs = SEND_DEADLINE_FACTOR * (this.options.timeoutMs ?? 10_000);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new NotifyError(`email: the relay did not finish within ${deadlineMs / 1000} s (ETIMEDOUT)`, 'email', undefined, 'ETIMEDOUT')), deadlineMs);
    });
    try {
      await Promise.race([sending, deadline]);
    } catch (error) {
      // A send abandoned at the deadline may still fail later: that rejection is expected, not unhandled.
      sending.catch(() => undefined);
      throw error instanceof NotifyError ? error : smtpFailure(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes idle connections (the transport is not pooled; this is for symmetry in tests and shutdown). */
  close(): void {
    void this.transport?.then((t) => t.close());
  }
}

function smtpFailure(error: unknown): NotifyError {
  const { code, responseCode } = (typeof error === 'object' && error !== null ? error : {}) as TransportError;
  const safeCode = typeof code === 'string' && /^[A-Z_]{2,20}$/.test(code) ? code : 'ESMTP';
  const status = typeof responseCode === 'number' ? responseCode : undefined;
  const what: Record<string, string> = {
    EAUTH: 'the relay refused the credentials',
    ECONNECTION: 'could not connect to the relay',
    ETIMEDOUT: 'the relay did not answer in time',
    ESOCKET: 'the connection to the relay failed',
    EENVELOPE: 'the relay refused the sender or recipient',
    ETLS: 'TLS with the relay failed',
  };
  const reason = what[safeCode] ?? 'sending failed';
  return new NotifyError(`email: ${reason} (${safeCode}${status ? `, SMTP ${status}` : ''})`, 'email', status, safeCode);
}
