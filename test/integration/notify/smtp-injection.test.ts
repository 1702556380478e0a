/**
 * Header injection through the real SmtpNotifier, against a real SMTP server on loopback:
 * whatever the subject or the recipient holds, the relay sees one Subject header, no header
 * the service did not write, and exactly one recipient.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NotifyError } from '../../../server/notify/notify-error.js';
import { SmtpNotifier } from '../../../server/notify/smtp-notifier.js';
import { recordingRelay, type RecordingRelay } from './smtp-doubles.js';

let relay: RecordingRelay | undefined;
let notifier: SmtpNotifier | undefined;
afterEach(async () => {
  notifier?.close();
  await relay?.close();
});

async function start() {
  relay = await recordingRelay();
  notifier = new SmtpNotifier({ host: '127.0.0.1', port: relay.port, secure: false, requireTls: false, from: 'it-noreply@contoso.com', timeoutMs: 3000 });
  return { relay, notifier };
}

/** The header block of a raw message, folded lines unfolded, one header per entry. */
const headers = (raw: string) => raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ').split('\r\n');

describe('SMTP headers cannot be injected', () => {
  it.each([
    ['CRLF and a Bcc header', 'Help for alain\r\nBcc: attacker@example.org'],
    ['a bare LF and a header', 'Help\nX-Injected: 1'],
    ['a blank line (the body would start early)', 'Help\r\n\r\nForged body'],
    ['a line separator', 'Help\u2028Bcc: attacker@example.org'],
  ])('a subject with %s stays one Subject header; no other header appears', async (_label, subject) => {
    const { relay, notifier } = await start();
    await notifier.send({ channel: 'email', to: 'helpdesk@contoso.com', subject, body: 'body' });
    const [mail] = relay.received;
    expect(mail!.rcptTo).toEqual(['helpdesk@contoso.com']);
    const names = headers(mail!.raw).map((h) => h.slice(0, h.indexOf(':')).toLowerCase());
    expect(names.filter((n) => n === 'subject')).toHaveLength(1);
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('x-injected');
    expect(mail!.raw.split('\r\n\r\n')[1]).not.toContain('Forged body');
  });

  it.each([
    ['a second address after a comma', 'helpdesk@contoso.com, attacker@example.org'],
    ['a second address after a semicolon', 'helpdesk@contoso.com;attacker@example.org'],
    ['CRLF and a Bcc header', 'helpdesk@contoso.com\r\nBcc: attacker@example.org'],
    ['a display name hiding another address', '"helpdesk@contoso.com" <attacker@example.org>'],
    ['a group', 'undisclosed: attacker@example.org;'],
  ])('a recipient with %s is refused before anything is sent', async (_label, to) => {
    const { relay, notifier } = await start();
    await expect(notifier.send({ channel: 'email', to, subject: 's', body: 'b' })).rejects.toMatchObject({ constructor: NotifyError, code: 'BAD_RECIPIENT' });
    expect(relay.received).toEqual([]);
  });
});
