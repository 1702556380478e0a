/**
 * Reset: every method the directory offers is offered (no filter), marked when this device
 * makes its codes; each gate's challenge and proof go out with the reset token, which never
 * comes back to the renderer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../contract/errors.js';
import { fakeCore, MEGAN, RESET_TOKEN, type FakeCore } from './fake-core.js';

let core: FakeCore;
const methods = [
  { id: 'm-here', type: 'authenticatorApp' as const, hint: 'This laptop' },
  { id: 'm-email', type: 'email' as const, hint: 'm•••@example.net' },
  { id: 'm-q', type: 'questions' as const, hint: '' },
];
beforeEach(async () => {
  core = await fakeCore();
  core.answers.startReset = () => ok({ resetToken: RESET_TOKEN, expiresAt: '2030-01-01T00:15:00.000Z', required: 2, methods });
  await core.services.keys.save(MEGAN.userId, 'm-here', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', { algorithm: 'SHA1', digits: 6, period: 30 });
});
afterEach(() => core.close());

describe('reset', () => {
  it('start: every method, marked; the token stays here', async () => {
    const start = await core.ipc('reset.start', { userId: MEGAN.userId });
    expect(start).toEqual({ ok: true, data: { userId: MEGAN.userId, mode: 'reset', required: 2, expiresAt: '2030-01-01T00:15:00.000Z', methods: methods.map((m) => ({ ...m, onThisDevice: m.id === 'm-here' })) } });
    expect(JSON.stringify(start)).not.toContain(RESET_TOKEN);
  });

  it('startChallenge: questions drawn, with the reset token; the answers go back as a proof', async () => {
    await core.ipc('reset.start', { userId: MEGAN.userId });
    core.answers.startResetChallenge = () => ok({ kind: 'questions', questions: [{ id: 'q-1', text: { en: 'City?' } }] });
    core.answers.verifyReset = () => ok({ passed: 1, required: 2, complete: false });
    expect(await core.ipc('reset.startChallenge', { methodId: 'm-q' })).toEqual({ ok: true, data: { kind: 'questions', questions: [{ id: 'q-1', text: { en: 'City?' } }] } });
    const proof = { methodId: 'm-q', answers: [{ questionId: 'q-1', answer: 'Taipei' }] };
    expect(await core.ipc('reset.verify', proof)).toEqual({ ok: true, data: { passed: 1, required: 2, complete: false } });
    expect(core.callsTo('startResetChallenge')[0]).toEqual({ name: 'startResetChallenge', body: { methodId: 'm-q' }, token: RESET_TOKEN });
    expect(core.callsTo('verifyReset')[0]).toEqual({ name: 'verifyReset', body: proof, token: RESET_TOKEN });
  });

  it('an email gate: the code was sent; the code proves it', async () => {
    await core.ipc('reset.start', { userId: MEGAN.userId });
    core.answers.startResetChallenge = () => ok({ kind: 'code', channel: 'email', sentTo: 'm•••@example.net', digits: 6, expiresAt: '2030-01-01T00:10:00.000Z' });
    expect(await core.ipc('reset.startChallenge', { methodId: 'm-email' })).toMatchObject({ ok: true, data: { kind: 'code', channel: 'email' } });
  });

  it('without a reset: RESET_EXPIRED, nothing sent; after cancel likewise', async () => {
    expect(await core.ipc('reset.startChallenge', { methodId: 'm-q' })).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
    await core.ipc('reset.start', { userId: MEGAN.userId });
    await core.ipc('reset.cancel');
    expect(await core.ipc('reset.verify', { methodId: 'm-q', code: '123456' })).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
    expect(core.calls.map((c) => c.name)).toEqual(['startReset']);
  });

  it('a refused start (not registered) passes the code through', async () => {
    core.answers.startReset = () => err('NOT_REGISTERED', 'Not registered');
    expect(await core.ipc('reset.start', { userId: 'adele@contoso.com' })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
    expect(core.services.state.reset).toBeNull();
  });
});

describe('unlock', () => {
  it('starts in unlock mode, and once the gates are passed unlocks with the reset token, which is then forgotten', async () => {
    const start = await core.ipc('reset.start', { userId: MEGAN.userId, mode: 'unlock' });
    expect(start).toMatchObject({ ok: true, data: { mode: 'unlock' } });
    expect(core.callsTo('startReset')[0]?.body).toEqual({ userId: MEGAN.userId, mode: 'unlock' });
    core.answers.unlockAccount = () => ok({ unlockedAt: '2030-01-01T00:05:00.000Z' });
    expect(await core.ipc('reset.unlock', {})).toEqual({ ok: true, data: { unlockedAt: '2030-01-01T00:05:00.000Z' } });
    expect(core.callsTo('unlockAccount')[0]).toMatchObject({ token: RESET_TOKEN });
    expect(core.services.state.reset).toBeNull();
    expect(await core.ipc('reset.unlock', {})).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
  });

  it('a refused unlock (the directory is down) keeps the token: the person can retry within the reset', async () => {
    await core.ipc('reset.start', { userId: MEGAN.userId, mode: 'unlock' });
    core.answers.unlockAccount = () => err('DIRECTORY_UNAVAILABLE', 'down');
    expect(await core.ipc('reset.unlock', {})).toMatchObject({ ok: false, error: { code: 'DIRECTORY_UNAVAILABLE' } });
    expect(core.services.state.reset?.token).toBe(RESET_TOKEN);
  });

  it('a hidden reset (hideAccountState) says so, with the method types to prove by type', async () => {
    core.answers.startReset = () => ok({ resetToken: RESET_TOKEN, expiresAt: '2030-01-01T00:15:00.000Z', required: 1, methods: [], hidden: true, methodTypes: ['sms', 'authenticatorApp'] });
    expect(await core.ipc('reset.start', { userId: 'anyone' })).toMatchObject({ ok: true, data: { hidden: true, methodTypes: ['sms', 'authenticatorApp'], methods: [] } });
    core.answers.startResetChallenge = () => ok({ kind: 'code', channel: 'sms', sentTo: '+1 •••• ••• 0123', digits: 6, expiresAt: '2030-01-01T00:10:00.000Z' });
    expect(await core.ipc('reset.startChallenge', { methodType: 'sms', address: '+14255550123' })).toMatchObject({ ok: true });
    expect(core.callsTo('startResetChallenge')[0]).toMatchObject({ body: { methodType: 'sms', address: '+14255550123' }, token: RESET_TOKEN });
  });
});
