import { err, ok } from '../../../contract/errors.js';
import { audit, iso, newId } from '../../service-context.js';
import { invalidCode, isRefused, reserveAttempt } from '../../verifiers/throttle.js';
import { matchTotp, newTotpSecret, totpUri, verifyRegisteredTotp } from '../../verifiers/totp.js';
import type { MethodModule } from '../method-module.js';
import { readCode } from '../one-time-code-channel.js';
import { traitsOf } from '../traits.js';

/**
 * Authenticator app (TOTP, RFC 6238): the secret is made here, shown once at setup (QR and
 * manual key), sealed at rest; each time step's code is accepted once.
 */
export const authenticatorApp: MethodModule<'authenticatorApp'> = {
  ...traitsOf('authenticatorApp'),
  userNamed: true,
  name: { en: 'Authenticator app', 'zh-TW': '驗證器應用程式' },
  maxPerUser: (policy) => policy.maxAuthenticatorApps,
  setup: {
    async begin(ctx, owner) {
      const settings = owner.policy.totp;
      const secret = newTotpSecret(settings);
      const expiresAt = ctx.clock() + owner.policy.setupLifetimeMs;
      const setupId = newId('setup');
      await ctx.store.putSetup({ id: setupId, userId: owner.userId, sessionTokenHash: owner.sessionTokenHash, type: 'authenticatorApp', secret: ctx.box.seal(secret), expiresAt });
      return ok({
        setupId,
        secret,
        otpauthUri: totpUri(settings, secret, ctx.tenant.name, owner.userId),
        issuer: ctx.tenant.name,
        accountName: owner.userId,
        algorithm: settings.algorithm,
        digits: settings.digits,
        period: settings.period,
        expiresAt: iso(expiresAt),
      });
    },
    async prove(ctx, owner, setup, input) {
      const attempt = await reserveAttempt(ctx, `setup:${setup.id}`, owner.policy.verifyFailures);
      if (isRefused(attempt)) return attempt;
      const step = await matchTotp(owner.policy.totp, ctx.box.open(setup.secret), input.code, ctx.clock());
      if (step === null) {
        await audit(ctx, { event: 'registration.add.authenticatorApp', userId: owner.userId, client: owner.client, outcome: 'failure' });
        return invalidCode('The code is not valid', owner.policy, attempt);
      }
      if (!(await ctx.store.takeSetup(setup.id, ctx.clock()))) return err('SETUP_EXPIRED', 'Start the setup again');
      // The step that proved the setup is spent: the same code cannot also pass a gate.
      return ok({ type: 'authenticatorApp', label: input.name, secret: setup.secret, lastUsedStep: step });
    },
  },
  // Nothing to send: the app shows the code.
  challenge: async (_ctx, owner) => ok({ kind: 'totp', digits: owner.policy.totp.digits }),
  readProof: readCode,
  verify: async (ctx, _owner, method, proof) => ((await verifyRegisteredTotp(ctx, method, proof.code, ctx.clock())) ? 'passed' : 'failed'),
  hint: (method) => method.label,
};
