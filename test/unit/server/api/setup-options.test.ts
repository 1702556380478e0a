/**
 * What the setup routes added for the app's method screens: the security key's attachment
 * reaches the WebAuthn creation options (user verification stays required), and the phone
 * and email setups say how many digits the code has.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEGAN, success, type ApiHarness } from '../../../support/api-harness.js';
import { createFastHarness, elevatedSession, latestCodeTo } from '../../../support/api-flows.js';

let h: ApiHarness;
let token: string;
beforeEach(async () => {
  h = await createFastHarness({ codes: { smsDigits: 7, emailDigits: 8, smsLifetimeMs: 300_000, emailLifetimeMs: 600_000 } });
  token = await elevatedSession(h, MEGAN);
});
afterEach(() => h.close());

describe('beginSecurityKey attachment', () => {
  it.each(['platform', 'cross-platform'] as const)('%s becomes authenticatorSelection.authenticatorAttachment', async (attachment) => {
    const { options } = success(await h.call('beginSecurityKey', { attachment }, token));
    expect(options.authenticatorSelection).toEqual({ authenticatorAttachment: attachment, residentKey: 'preferred', userVerification: 'required', requireResidentKey: false });
  });

  it('absent: any authenticator, user verification still required', async () => {
    const { options } = success(await h.call('beginSecurityKey', {}, token));
    expect(options.authenticatorSelection).toEqual({ residentKey: 'preferred', userVerification: 'required', requireResidentKey: false });
  });
});

describe('code setups say their digits', () => {
  it('text and call: the policy’s smsDigits, and the code sent has that many', async () => {
    for (const type of ['sms', 'voice'] as const) {
      const started = success(await h.call('beginPhone', { type, phoneNumber: type === 'sms' ? '+14255550142' : '+14255550143' }, token));
      expect(started).toMatchObject({ digits: 7, sentTo: expect.stringMatching(/^\+1 ••• ••• ••4[23]$/) });
      expect(latestCodeTo(h, type === 'sms' ? '+14255550142' : '+14255550143')).toHaveLength(7);
    }
  });

  it('email: the policy’s emailDigits', async () => {
    expect(success(await h.call('beginEmail', { address: 'megan.bowen@example.net' }, token))).toMatchObject({ digits: 8, sentTo: 'm•••@example.net' });
    expect(latestCodeTo(h, 'megan.bowen@example.net')).toHaveLength(8);
  });
});
