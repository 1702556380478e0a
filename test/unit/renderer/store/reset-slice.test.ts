/**
 * The reset slice keeps the directory's rules of the policy, and puts this account's own
 * (from the last gate, e.g. a stricter fine-grained policy) in their place when it has them.
 */
import { describe, expect, it } from 'vitest';
import type { DirectoryPasswordRulesView } from '../../../../contract/api';
import { useStore } from '../../../../renderer/store/store';
import { createFakeApi, GOOD_CODE, USER, type FakeOptions } from '../fake-api';

const defaults: DirectoryPasswordRulesView = { minLength: 10, history: 5, source: 'domain password policy' };
const pso: DirectoryPasswordRulesView = { minLength: 15, complexity: true, history: 24, minAgeSeconds: 86_400, source: 'fine-grained policy sspr-pso' };

/** Starts a one-gate reset and passes the gate; resolves on the new-password step. */
async function passGate(options: FakeOptions) {
  const fake = createFakeApi({ required: 1, passwordPolicy: { directory: defaults }, ...options });
  window.signin = fake.api;
  const store = useStore.getState();
  store.beginReset();
  await store.startReset(USER);
  await useStore.getState().verifyReset({ code: GOOD_CODE });
  return { fake, reset: useStore.getState().reset };
}

describe('reset slice: the directory’s rules', () => {
  it('uses the account’s rules from the last gate instead of the default ones', async () => {
    const { fake, reset } = await passGate({ accountDirectoryRules: pso });
    expect(fake.callsOf('getPasswordPolicy')).toHaveLength(1);
    expect(reset).toMatchObject({ step: 'newPassword', loading: false, accountRules: pso, policy: { minLength: 8, maxLength: 64, directory: pso } });
  });

  it('keeps the policy’s directory rules when the gate sends none', async () => {
    const { reset } = await passGate({});
    expect(reset).toMatchObject({ step: 'newPassword', accountRules: null, policy: { minLength: 8, directory: defaults } });
  });

  it('has no directory rules when neither the policy nor the gate has any', async () => {
    const { reset } = await passGate({ passwordPolicy: {} });
    expect(reset.step === 'newPassword' && reset.policy).toEqual({ minLength: 8, maxLength: 64, disallowUserName: true, blockCommon: true });
  });

  it('still applies the account’s rules when the policy is loaded again (retry)', async () => {
    await passGate({ accountDirectoryRules: pso });
    await useStore.getState().loadPasswordPolicy();
    const reset = useStore.getState().reset;
    expect(reset.step === 'newPassword' && reset.policy?.directory).toEqual(pso);
  });
});
