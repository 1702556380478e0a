import type { OutboxMessage } from '../../contract/api.js';

export type NotifyChannel = OutboxMessage['channel'];

/**
 * A message could not be handed to its channel. The message is safe to log and to show an
 * operator: it names the channel and what went wrong (status, error code), never the
 * recipient's message (it may carry a one-time code) nor a credential. The underlying error
 * is deliberately NOT kept as `cause`: transport errors can quote the SMTP AUTH command
 * (base64 of the password) or the provider's request.
 */
export class NotifyError extends Error {
  override readonly name = 'NotifyError';
  constructor(
    message: string,
    readonly channel: NotifyChannel | undefined,
    /** The provider's HTTP status or the SMTP response code, when there was one. */
    readonly status?: number,
    /** A short machine code: 'EAUTH', 'ECONNECTION', 'ETIMEDOUT', 'NOT_CONFIGURED', 'HTTP'… */
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Why a send failed, in words safe for the audit log: a NotifyError's code and status
 * ("ECONNECTION", "HTTP 500"), anything else by its class name only (its message may quote
 * the recipient, the message or a credential).
 */
export function undeliveredBecause(error: unknown): string {
  if (error instanceof NotifyError) return [error.code ?? 'ESEND', error.status].filter((x) => x !== undefined).join(' ');
  return error instanceof Error ? error.name : 'unknown';
}
