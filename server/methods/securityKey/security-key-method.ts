import { err, ok } from '../../../contract/errors.js';
import { audit, newId } from '../../service-context.js';
import { authenticationOptions, registrationOptions, verifyAuthentication, verifyRegistration } from '../../verifiers/webauthn.js';
import { exactOrigins } from '../../verifiers/webauthn-origin.js';
import { challengeId } from '../challenge-id.js';
import type { MethodModule } from '../method-module.js';
import { traitsOf } from '../traits.js';
import { passkeyFields, passkeyOf } from './passkey-record.js';

/**
 * Security key or passkey (WebAuthn, user verification required): the public key is sealed
 * at rest, each challenge is used once, and a counter in use must advance (clone detection).
 */
export const securityKey: MethodModule<'securityKey'> = {
  ...traitsOf('securityKey'),
  userNamed: true,
  name: { en: 'Security key or passkey', 'zh-TW': '安全性金鑰或密碼金鑰' },
  maxPerUser: () => 10,
  setup: {
    async begin(ctx, owner, input) {
      // Keys already registered are excluded, so the same key is not added twice.
      const existing = owner.methods.flatMap((m) => (m.type === 'securityKey' ? [passkeyOf(ctx, m)] : []));
      const { options, challenge } = await registrationOptions(ctx.webauthn, { userId: owner.userId, displayName: owner.displayName }, existing, input.attachment);
      const setupId = newId('setup');
      await ctx.store.putSetup({ id: setupId, userId: owner.userId, sessionTokenHash: owner.sessionTokenHash, type: 'securityKey', challenge, expiresAt: ctx.clock() + owner.policy.setupLifetimeMs });
      return ok({ setupId, options: options as unknown as Record<string, unknown> });
    },
    async prove(ctx, owner, setup, input) {
      // The challenge is single use: taken before it is checked.
      if (!(await ctx.store.takeSetup(setup.id, ctx.clock()))) return err('SETUP_EXPIRED', 'Start adding the key again');
      const config = { ...ctx.webauthn, origins: exactOrigins(ctx.webauthn.origins, input.response) };
      const result = await verifyRegistration(config, setup.challenge, input.response);
      if (!result.ok) {
        await audit(ctx, { event: 'registration.add.securityKey', userId: owner.userId, client: owner.client, outcome: 'failure', detail: result.reason });
        return err('INVALID_CODE', `The security key's answer was not accepted (${result.reason})`);
      }
      return ok({ type: 'securityKey', label: input.name, ...passkeyFields(ctx, result.credential) });
    },
  },
  async challenge(ctx, owner, method) {
    const { options, challenge } = await authenticationOptions(ctx.webauthn, [passkeyOf(ctx, method)]);
    await ctx.store.putChallenge({ id: challengeId(owner, method.id), ownerHash: owner.hash, userId: owner.userId, methodId: method.id, kind: 'webauthn', webauthnChallenge: challenge, expiresAt: ctx.clock() + owner.policy.setupLifetimeMs });
    return ok({ kind: 'webauthn', options: options as unknown as Record<string, unknown> });
  },
  readProof: (input) => (input.assertion !== undefined ? { assertion: input.assertion } : null),
  async verify(ctx, owner, method, proof) {
    const challenge = await ctx.store.takeChallenge(challengeId(owner, method.id), ctx.clock());
    if (challenge?.kind !== 'webauthn') return 'noChallenge';
    const config = { ...ctx.webauthn, origins: exactOrigins(ctx.webauthn.origins, proof.assertion) };
    const result = await verifyAuthentication(config, challenge.webauthnChallenge, passkeyOf(ctx, method), proof.assertion);
    return result.ok && (await ctx.store.advanceCounter(method.id, result.newCounter)) ? 'passed' : 'failed';
  },
  hint: (method) => method.label,
};
