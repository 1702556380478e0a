/**
 * The reset slice's other shapes: unlock (the same gates, then reset.unlock, no new
 * password), a hidden reset (method types, proven by type), the session's expiry and its
 * extension, and the dead ends a start can meet.
 */
import { describe, expect, it } from 'vitest';
import { useStore } from '../../../../renderer/store/store';
import { createFakeApi, FULL_EMAIL, GOOD_CODE, seedUsers, USER, type FakeOptions } from '../fake-api';

function install(options: FakeOptions = {}) {
  const fake = createFakeApi(options);
  window.signin = fake.api;
  return fake;
}
const reset = () => useStore.getState().reset;

describe('reset slice: unlock mode', () => {
  it('starts in unlock mode, passes the gates, unlocks and ends with the unlocked outcome', async () => {
    const fake = install({ required: 2 });
    useStore.getState().beginReset(USER, 'unlock');
    expect(reset()).toMatchObject({ step: 'userId', mode: 'unlock', userId: USER });
    await useStore.getState().startReset(USER);
    expect(fake.callsOf('startReset')).toEqual([{ userId: USER, mode: 'unlock' }]);
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset()).toMatchObject({ step: 'verify', passed: 1 });
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    // No password policy, no new password: straight to the unlock.
    expect(fake.callsOf('getPasswordPolicy')).toHaveLength(0);
    expect(fake.callsOf('unlockAccount')).toEqual([{}]);
    expect(reset()).toMatchObject({ step: 'done', mode: 'unlock', userId: USER });
  });

  it('keeps the passed gates when the directory would not unlock, and "Try again" asks again', async () => {
    const fake = install({ unlockError: { code: 'DIRECTORY_UNAVAILABLE', message: 'down', supportCode: 'SC-9' } });
    useStore.getState().beginReset('', 'unlock');
    await useStore.getState().startReset(USER);
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset()).toMatchObject({ step: 'unlocking', loading: false, error: { code: 'DIRECTORY_UNAVAILABLE' } });
    await useStore.getState().unlockAccount();
    expect(fake.callsOf('unlockAccount')).toHaveLength(2);
  });

  it('keeps the mode when starting over', async () => {
    install();
    useStore.getState().beginReset('', 'unlock');
    await useStore.getState().startReset(USER);
    useStore.getState().restartReset();
    expect(reset()).toMatchObject({ step: 'userId', mode: 'unlock', userId: USER });
  });

  it('a reset is still a reset: the default mode sends mode reset', async () => {
    const fake = install();
    useStore.getState().beginReset();
    await useStore.getState().startReset(USER);
    expect(fake.callsOf('startReset')).toEqual([{ userId: USER, mode: 'reset' }]);
  });
});

describe('reset slice: hidden reset', () => {
  it('offers method types (no hints) and proves them by type, never by id', async () => {
    const fake = install({ hidden: true, required: 1 });
    useStore.getState().beginReset();
    await useStore.getState().startReset(USER);
    const s = reset();
    expect(s).toMatchObject({ step: 'verify', hidden: true });
    if (s.step !== 'verify') return;
    expect(s.methods.map((m) => [m.id, m.type, m.hint])).toEqual([
      ['authenticatorApp', 'authenticatorApp', ''],
      ['email', 'email', ''],
    ]);
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(fake.callsOf('verifyReset')).toEqual([{ methodType: 'authenticatorApp', code: GOOD_CODE }]);
    expect(reset().step).toBe('newPassword');
  });

  it('keeps a type selectable after it passed a gate (two apps may pass two gates)', async () => {
    install({ hidden: true, required: 2 });
    useStore.getState().beginReset();
    await useStore.getState().startReset(USER);
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset()).toMatchObject({ step: 'verify', passed: 1, usedMethodIds: [], methodId: 'authenticatorApp' });
  });

  it('an email gate passes only with the registered address typed', async () => {
    const fake = install({ hidden: true });
    useStore.getState().beginReset();
    await useStore.getState().startReset(USER);
    useStore.getState().chooseResetMethod('email');
    await fake.api.startResetChallenge({ methodType: 'email', address: 'someone@else.com' });
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset()).toMatchObject({ step: 'verify', error: { code: 'INVALID_CODE' } });
    await fake.api.startResetChallenge({ methodType: 'email', address: FULL_EMAIL });
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset().step).toBe('newPassword');
  });
});

describe('reset slice: the session’s time limit', () => {
  it('keeps the expiry from the start through the gates, and Extend replaces it', async () => {
    const fake = install({ required: 2, resetLifetimeMs: 60_000 });
    useStore.getState().beginReset();
    const before = Date.now();
    await useStore.getState().startReset(USER);
    const s = reset();
    if (s.step !== 'verify') throw new Error('not at verify');
    expect(Date.parse(s.expiresAt) - before).toBeGreaterThanOrEqual(60_000 - 50);
    expect(Date.parse(s.expiresAt) - before).toBeLessThan(61_000);
    const first = s.expiresAt;
    await new Promise((r) => setTimeout(r, 5));
    await useStore.getState().extendReset();
    const after = reset();
    expect(fake.callsOf('extendReset')).toEqual([{}]);
    expect(after).toMatchObject({ step: 'verify', loading: false, error: null });
    expect(after.step === 'verify' && Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(first));
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset()).toMatchObject({ step: 'newPassword', expiresAt: after.step === 'verify' ? after.expiresAt : '' });
  });

  it('shows a refused extension on the step and keeps the old expiry', async () => {
    install({ extendError: { code: 'STEP_NOT_ALLOWED', message: 'no more', supportCode: 'SC-7' } });
    useStore.getState().beginReset();
    await useStore.getState().startReset(USER);
    const first = reset().step === 'verify' ? (reset() as { expiresAt: string }).expiresAt : '';
    await useStore.getState().extendReset();
    expect(reset()).toMatchObject({ step: 'verify', expiresAt: first, error: { code: 'STEP_NOT_ALLOWED' } });
  });

  it('drops an extension that answers after the person started over', async () => {
    const fake = install();
    useStore.getState().beginReset();
    await useStore.getState().startReset(USER);
    const release = fake.hold('extendReset');
    const pending = useStore.getState().extendReset();
    useStore.getState().restartReset();
    release();
    await pending;
    expect(reset()).toMatchObject({ step: 'userId', loading: false, error: null });
  });
});

describe('reset slice: dead ends', () => {
  it.each([
    ['PASSWORD_NOT_MANAGED', seedUsers.PASSWORD_NOT_MANAGED],
    ['SSPR_NOT_ENABLED', seedUsers.SSPR_NOT_ENABLED],
    ['NOT_REGISTERED', seedUsers.NOT_REGISTERED],
    ['ACCOUNT_DISABLED', seedUsers.ACCOUNT_DISABLED],
  ])('%s is a whole page (blocked), in either mode', async (code, userId) => {
    install();
    useStore.getState().beginReset('', 'unlock');
    await useStore.getState().startReset(userId);
    expect(reset()).toMatchObject({ step: 'blocked', mode: 'unlock', reason: { code } });
  });

  it('a THROTTLED method leaves the others selectable', async () => {
    const retryAfter = new Date(Date.now() + 3_600_000).toISOString();
    install({ throttled: { m1: retryAfter } });
    useStore.getState().beginReset();
    await useStore.getState().startReset(USER);
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset()).toMatchObject({ step: 'verify', methodId: 'm1', error: { code: 'THROTTLED', retryAfter } });
    useStore.getState().chooseResetMethod('m2');
    expect(reset()).toMatchObject({ methodId: 'm2', error: null });
    await useStore.getState().verifyReset({ code: GOOD_CODE });
    expect(reset().step).toBe('newPassword');
  });
});
