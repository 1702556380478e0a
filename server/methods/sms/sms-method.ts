import { ok } from '../../../contract/errors.js';
import { maskPhone } from '../../verifiers/mask.js';
import type { MethodModule } from '../method-module.js';
import { proveCodeSetup, readCode, sendCodeChallenge, verifyCodeChallenge } from '../one-time-code-channel.js';
import { beginPhoneSetup } from '../phone-setup.js';
import { traitsOf } from '../traits.js';

/** Text message: a code sent by SMS to a registered phone (NIST "restricted": offered after stronger methods). */
export const sms: MethodModule<'sms'> = {
  ...traitsOf('sms'),
  userNamed: false,
  name: { en: 'Phone (text message)', 'zh-TW': '電話（簡訊）' },
  maxPerUser: () => 1,
  setup: {
    begin: (ctx, owner, input) => beginPhoneSetup(ctx, owner, 'sms', input),
    async prove(ctx, owner, setup, input) {
      const proved = await proveCodeSetup(ctx, owner, setup, input.code);
      return proved.ok ? ok({ type: 'sms', ...proved.data }) : proved;
    },
  },
  challenge: (ctx, owner, method) => sendCodeChallenge(ctx, owner, method, sms.hint(method, ctx.box)),
  readProof: readCode,
  verify: (ctx, owner, method, proof) => verifyCodeChallenge(ctx, owner, method, proof.code),
  hint: (method, box) => maskPhone(method.address ? box.open(method.address) : ''),
};
