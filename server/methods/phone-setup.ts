import { err, type Result } from '../../contract/errors.js';
import type { ServiceContext } from '../service-context.js';
import { maskPhone } from '../verifiers/mask.js';
import { toE164 } from '../verifiers/phone.js';
import type { SetupIo, SetupOwner } from './method-module.js';
import { beginCodeSetup } from './one-time-code-channel.js';

/** Text message and phone call: a number (E.164, or national with its country) gets a code. */
export async function beginPhoneSetup(ctx: ServiceContext, owner: SetupOwner, channel: 'sms' | 'voice', input: SetupIo['sms']['begin']): Promise<Result<SetupIo['sms']['started']>> {
  const e164 = await toE164(input.phoneNumber, input.country);
  if (!e164) return err('BAD_REQUEST', 'Not a valid phone number: give it with its country code, e.g. +1 425 555 0142');
  return beginCodeSetup(ctx, owner, channel, e164, maskPhone(e164));
}
