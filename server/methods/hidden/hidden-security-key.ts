import { ok } from '../../../contract/errors.js';
import { authenticationOptions, verifyAuthentication } from '../../verifiers/webauthn.js';
import { exactOrigins } from '../../verifiers/webauthn-origin.js';
import { challengeId } from '../challenge-id.js';
import { passkeyOf } from '../securityKey/passkey-record.js';
import type { HiddenMethod } from './hidden-method.js';

/** The challenge of a hidden security-key gate: one per reset, not per key (no key is named). */
const KEY_CHALLENGE = 'typed-securityKey';

/**
 * Security key or passkey by type: the options name no credential (empty allowCredentials, a
 * discoverable-credential prompt), so they are the same for every account; the assertion's
 * credential id picks the registered key. Keys registered as non-discoverable cannot answer
 * such a prompt: with `hideAccountState` they do not work for reset (docs/security.md).
 */
export const hiddenSecurityKey: HiddenMethod<'securityKey'> = {
  readAddress: async () => null,
  async challenge(ctx, owner) {
    const { options, challenge } = await authenticationOptions(ctx.webauthn, []);
    await ctx.store.putChallenge({ id: challengeId(owner, KEY_CHALLENGE), ownerHash: owner.hash, userId: owner.userId, methodId: KEY_CHALLENGE, kind: 'webauthn', webauthnChallenge: challenge, expiresAt: ctx.clock() + owner.shown.setupLifetimeMs });
    return ok({ kind: 'webauthn', options: options as unknown as Record<string, unknown> });
  },
  async verify(ctx, owner, candidates, proof) {
    // Single use: taken before it is checked.
    const challenge = await ctx.store.takeChallenge(challengeId(owner, KEY_CHALLENGE), ctx.clock());
    if (challenge?.kind !== 'webauthn') return null;
    const method = candidates.find((m) => m.credentialId === proof.assertion.id);
    if (!method) return null;
    const config = { ...ctx.webauthn, origins: exactOrigins(ctx.webauthn.origins, proof.assertion) };
    const result = await verifyAuthentication(config, challenge.webauthnChallenge, passkeyOf(ctx, method), proof.assertion);
    return result.ok && (await ctx.store.advanceCounter(method.id, result.newCounter)) ? method : null;
  },
};
