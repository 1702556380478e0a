import { expect } from '@playwright/test';
import type { OutboxMessage } from '../../../contract/api.js';

/**
 * The demo directory's outbox, read the way a person reads their phone or mailbox: straight
 * from the service (`GET /api/v1/demo/outbox`), not through the app under test.
 */
export async function outbox(directoryUrl: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${directoryUrl}/api/v1/demo/outbox`);
  const body = (await response.json()) as { ok: boolean; data: { messages: OutboxMessage[] } };
  if (!body.ok) throw new Error(`outbox: ${JSON.stringify(body)}`);
  return body.data.messages;
}

/**
 * The code in the newest message sent to `to` on `channel` after `since` (ms), waiting for it
 * to arrive. Codes are the only 6–8 digit runs in the code templates (a call spells its
 * digits out, "1, 2, 3, 4, 5, 6", so a text-to-speech voice reads them one by one).
 */
export async function latestCode(directoryUrl: string, channel: OutboxMessage['channel'], to: string, since = 0): Promise<string> {
  let code: string | null = null;
  await expect
    .poll(
      async () => {
        const message = (await outbox(directoryUrl))
          .filter((m) => m.channel === channel && m.to === to && Date.parse(m.sentAt) >= since - 1000)
          .sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt))[0];
        code = message ? codeIn(message.body) : null;
        return code;
      },
      { message: `a ${channel} code sent to ${to}`, timeout: 10_000 },
    )
    .not.toBeNull();
  return code!;
}

/** The code in a message body: 6–8 digits, together or spelled out one by one. */
export function codeIn(body: string): string | null {
  const run = body.match(/(?<![\d,] ?)\d(?:, ?\d){5,7}(?![\d,])|\b\d{6,8}\b/)?.[0];
  return run ? run.replace(/\D/g, '') : null;
}
