import { ok } from '../../../contract/errors.js';
import { maskEmail } from '../../verifiers/mask.js';
import type { MethodModule } from '../method-module.js';
import { beginCodeSetup, proveCodeSetup, readCode, sendCodeChallenge, verifyCodeChallenge } from '../one-time-code-channel.js';
import { traitsOf } from '../traits.js';

/** Alternate email: a code sent to an address outside the organization. Reset only (seed, NIST). */
export const email: MethodModule<'email'> = {
  ...traitsOf('email'),
  userNamed: false,
  name: { en: 'Email', 'zh-TW': '電子郵件' },
  maxPerUser: () => 1,
  setup: {
    begin: (ctx, owner, input) => beginCodeSetup(ctx, owner, 'email', input.address, maskEmail(input.address)),
    async prove(ctx, owner, setup, input) {
      const proved = await proveCodeSetup(ctx, owner, setup, input.code);
      return proved.ok ? ok({ type: 'email', ...proved.data }) : proved;
    },
  },
  challenge: (ctx, owner, method) => sendCodeChallenge(ctx, owner, method, email.hint(method, ctx.box)),
  readProof: readCode,
  verify: (ctx, owner, method, proof) => verifyCodeChallenge(ctx, owner, method, proof.code),
  hint: (method, box) => maskEmail(method.address ? box.open(method.address) : ''),
};
