/**
 * The person's mailbox: what the SMTP relay received for an address, as text — the raw
 * message's body with its transfer encoding undone (nodemailer sends quoted-printable or
 * base64), the way a mail client shows it.
 */
import type { RecordingRelay } from '../../integration/notify/smtp-doubles.js';
import { expect } from '../fixtures.js';
import { codeIn } from './outbox.js';

export interface Mail {
  subject: string;
  text: string;
}

function decode(raw: string): Mail {
  const split = raw.indexOf('\r\n\r\n');
  // Folded header lines are joined before reading them.
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
        : body;
  return { subject: header('Subject'), text };
}

/** Every message the relay took for `to`, oldest first. */
export const mailTo = (relay: RecordingRelay, to: string): Mail[] => relay.received.filter((m) => m.rcptTo.includes(to)).map((m) => decode(m.raw));

/**
 * The first message to `to` after the first `seen` that `matches`, waiting for it: take
 * `mailTo(relay, to).length` before the action that sends it.
 */
export async function newMailTo(relay: RecordingRelay, to: string, seen: number, matches: (mail: Mail) => boolean, what: string): Promise<Mail> {
  const find = () => mailTo(relay, to).slice(seen).find(matches);
  await expect.poll(() => find() !== undefined, { message: `${what} mailed to ${to}`, timeout: 15_000 }).toBe(true);
  return find()!;
}

/** The code in the first new message to `to` that holds one. */
export async function newCodeMailedTo(relay: RecordingRelay, to: string, seen: number): Promise<string> {
  return codeIn((await newMailTo(relay, to, seen, (m) => codeIn(m.text) !== null, 'a code')).text)!;
}
