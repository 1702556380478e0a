import { ok } from '../../../contract/errors.js';
import { matchTotp } from '../../verifiers/totp.js';
import { methodModule } from '../index.js';
import { decoyTotpSecret } from './decoys.js';
import type { HiddenMethod } from './hidden-method.js';

/** Authenticator app by type: the code is tried against each registered app (or a decoy secret, at the same cost). */
export const hiddenAuthenticatorApp: HiddenMethod<'authenticatorApp'> = {
  readAddress: async () => null,
  challenge: async (_ctx, owner) => ok({ kind: 'totp', digits: owner.shown.totp.digits }),
  async verify(ctx, owner, candidates, proof) {
    const module = methodModule('authenticatorApp');
    for (const method of candidates) if ((await module.verify(ctx, owner, method, proof)) === 'passed') return method;
    if (candidates.length === 0) await matchTotp(ctx.policy.totp, decoyTotpSecret(ctx), proof.code, ctx.clock());
    return null;
  },
};
