import { ok } from '../../../contract/errors.js';
import { maskPhone } from '../../verifiers/mask.js';
import type { MethodModule } from '../method-module.js';
import { proveCodeSetup, readCode, sendCodeChallenge, verifyCodeChallenge } from '../one-time-code-channel.js';
import { beginPhoneSetup } from '../phone-setup.js';
import { traitsOf } from '../traits.js';

/** Phone call: a code read out by voice to a registered phone (NIST "restricted": offered after stronger methods). */
export const voice: MethodModule<'voice'> = {
  ...traitsOf('voice'),
  userNamed: false,
  name: { en: 'Phone (call)', 'zh-TW': '電話（語音）' },
  maxPerUser: () => 1,
  setup: {
    begin: (ctx, owner, input) => beginPhoneSetup(ctx, owner, 'voice', input),
    async prove(ctx, owner, setup, input) {
      const proved = await proveCodeSetup(ctx, owner, setup, input.code);
      return proved.ok ? ok({ type: 'voice', ...proved.data }) : proved;
    },
  },
  challenge: (ctx, owner, method) => sendCodeChallenge(ctx, owner, method, voice.hint(method, ctx.box)),
  readProof: readCode,
  verify: (ctx, owner, method, proof) => verifyCodeChallenge(ctx, owner, method, proof.code),
  hint: (method, box) => maskPhone(method.address ? box.open(method.address) : ''),
};
