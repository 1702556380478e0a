import { z } from 'zod';
import { err, ok } from '../../../contract/errors.js';
import { iso } from '../../service-context.js';
import type { StoredMethodOf } from '../../store/store.js';
import { maskEmail, maskPhone } from '../../verifiers/mask.js';
import { toE164 } from '../../verifiers/phone.js';
import { methodModule } from '../index.js';
import { channelPolicy, sendCodeChallenge, type CodeChannel } from '../one-time-code-channel.js';
import { decoyVerify } from './decoys.js';
import { deliverInBackground } from './deliveries.js';
import type { ChallengeOf } from '../method-module.js';
import type { HiddenMethod } from './hidden-method.js';

const emailSchema = z.string().email();

/** The registered address in the same normal form as a typed one (numbers are stored in E.164). */
const normalForm = (channel: CodeChannel, stored: string): string => (channel === 'email' ? stored.trim().toLowerCase() : stored);

/**
 * Text message, phone call, email by type: the user types the full number or address; a code
 * is sent only when it is the registered one, and the answer ("if this is your number, a code
 * was sent to it") is the same either way: the typed address masked, the tenant's digits.
 */
export function hiddenCodeChannel<T extends CodeChannel>(channel: T): HiddenMethod<T> {
  return {
    async readAddress(input) {
      const typed = input.address ?? '';
      if (channel === 'email') {
        const address = typed.trim().toLowerCase();
        return emailSchema.safeParse(address).success ? ok(address) : err('BAD_REQUEST', 'Type the full email address you registered');
      }
      const e164 = await toE164(typed, input.country);
      return e164 ? ok(e164) : err('BAD_REQUEST', 'Type the full phone number you registered, with its country code, e.g. +1 425 555 0142');
    },
    async challenge(ctx, owner, candidates, address) {
      const typed = address ?? '';
      const hint = channel === 'email' ? maskEmail(typed) : maskPhone(typed);
      const match = candidates.find((m) => m.address && normalForm(channel, ctx.box.open(m.address)) === typed);
      if (match) {
        // The code's digits and lifetime are the ones announced below, whatever the user's group says.
        const sender = { ...owner, policy: { ...owner.policy, codes: owner.shown.codes } };
        deliverInBackground(ctx, { userId: owner.userId, detail: `${channel} for ${match.id}` }, () => sendCodeChallenge(ctx, sender, match as StoredMethodOf<CodeChannel>, hint));
      }
      const { digits, lifetimeMs } = channelPolicy(owner.shown, channel);
      return ok({ kind: 'code', channel, sentTo: hint, digits, expiresAt: iso(ctx.clock() + lifetimeMs) } as ChallengeOf<T>);
    },
    async verify(ctx, owner, candidates, proof) {
      const module = methodModule(channel);
      let checked = false;
      for (const method of candidates) {
        const verdict = await module.verify(ctx, owner, method, proof);
        if (verdict === 'passed') return method;
        checked ||= verdict === 'failed';
      }
      // No code was sent (no such method, a wrong address, nothing asked): the same Argon2id verify anyway.
      if (!checked) await decoyVerify(ctx.hasher, proof.code);
      return null;
    },
  };
}
