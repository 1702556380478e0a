/**
 * The Security info page around the methods: the overview (every method the policy enables
 * can be added — no filter any more), rename, default, remove (a method of this device also
 * leaves the keyring), reconfirm, skip, questions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../contract/errors.js';
import { secretAccount } from '../../../../electron/core/authenticator/this-device-keys.js';
import { DIRECTORY_URL, fakeCore, MEGAN, registered, SESSION_TOKEN, signedIn, type FakeCore } from './fake-core.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const params = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
let core: FakeCore;
beforeEach(async () => {
  core = await fakeCore();
  await signedIn(core);
  await core.services.keys.save(MEGAN.userId, 'm-here', SECRET, params);
});
afterEach(() => core.close());

const overview = {
  methods: [registered('m-here', 'authenticatorApp', 'This laptop'), registered('m-sms', 'sms', '+1 •••• 0123')],
  enabled: ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email', 'questions'] as const,
  canAdd: ['authenticatorApp', 'voice', 'securityKey', 'email', 'questions'] as const,
  defaultMethodId: 'm-sms',
  required: 1,
  registrationComplete: true,
  reconfirmDue: false,
  requiredAtLaunch: true,
  skipsLeft: 2,
};

describe('securityInfo.get', () => {
  it('passes every field through, every addable method kept, methods marked on this device', async () => {
    core.answers.getSecurityInfo = () => ok({ ...overview, enabled: [...overview.enabled], canAdd: [...overview.canAdd] });
    const result = await core.ipc('securityInfo.get');
    expect(result).toEqual({
      ok: true,
      data: {
        ...overview,
        methods: [
          { ...overview.methods[0], onThisDevice: true },
          { ...overview.methods[1], onThisDevice: false },
        ],
      },
    });
    expect(core.callsTo('getSecurityInfo')[0]!.token).toBe(SESSION_TOKEN);
  });
});

describe('a method of this device removed elsewhere', () => {
  it('is taken out of the keyring when the list from the service no longer has it; a setup in progress is kept', async () => {
    await core.services.keys.save(MEGAN.userId, 'pending-setup-1', 'PENDINGSECRETPENDINGSECRET234567', params);
    core.answers.getSecurityInfo = () => ok({ ...overview, methods: [overview.methods[1]!], enabled: [...overview.enabled], canAdd: [...overview.canAdd] });
    const result = await core.ipc('securityInfo.get');
    expect(result).toMatchObject({ ok: true, data: { methods: [{ id: 'm-sms', onThisDevice: false }] } });
    expect(await core.vault.get(secretAccount(DIRECTORY_URL, MEGAN.userId, 'm-here'))).toBeNull();
    expect(Object.keys(await core.services.keys.methods(MEGAN.userId))).toEqual(['pending-setup-1']);
  });
});

describe('securityInfo.removeMethod', () => {
  it('a method of this device: removed at the directory, then its secret and index line leave the keyring', async () => {
    core.answers.removeMethod = () => ok({});
    expect(await core.ipc('securityInfo.removeMethod', { methodId: 'm-here' })).toEqual({ ok: true, data: {} });
    expect(await core.vault.get(secretAccount(DIRECTORY_URL, MEGAN.userId, 'm-here'))).toBeNull();
    expect(await core.services.keys.methods(MEGAN.userId)).toEqual({});
  });

  it('refused by the directory (the policy needs it): the secret stays', async () => {
    core.answers.removeMethod = () => err('METHOD_LIMIT_REACHED', 'You need at least one method');
    expect(await core.ipc('securityInfo.removeMethod', { methodId: 'm-here' })).toMatchObject({ ok: false, error: { code: 'METHOD_LIMIT_REACHED' } });
    expect(await core.vault.get(secretAccount(DIRECTORY_URL, MEGAN.userId, 'm-here'))).toBe(SECRET);
  });

  it('another method: removed at the directory, the keyring untouched', async () => {
    core.answers.removeMethod = () => ok({});
    await core.ipc('securityInfo.removeMethod', { methodId: 'm-sms' });
    expect(core.callsTo('removeMethod')[0]!.body).toEqual({ methodId: 'm-sms' });
    expect(Object.keys(await core.services.keys.methods(MEGAN.userId))).toEqual(['m-here']);
  });

  it('a keyring that fails to delete after the directory removed it: still ok (the secret opens nothing), logged without it', async () => {
    core.answers.removeMethod = () => ok({});
    core.vault.delete = async () => {
      throw Object.assign(new Error('locked'), { code: 'VAULT_UNAVAILABLE' });
    };
    expect(await core.ipc('securityInfo.removeMethod', { methodId: 'm-here' })).toEqual({ ok: true, data: {} });
    expect(core.log.mock.calls.join(' ')).toMatch(/could not be deleted/);
    expect(core.log.mock.calls.join(' ')).not.toContain(SECRET);
  });
});

describe('rename, default, reconfirm, skip, questions', () => {
  it('rename: the new name goes to the directory; the answer is marked (this device stays this device)', async () => {
    core.answers.renameMethod = ({ methodId, name }) => ok({ method: registered(methodId, 'authenticatorApp', name) });
    expect(await core.ipc('securityInfo.renameMethod', { methodId: 'm-here', name: 'Work laptop' })).toEqual({
      ok: true,
      data: { method: { ...registered('m-here', 'authenticatorApp', 'Work laptop'), onThisDevice: true } },
    });
    expect(await core.vault.get(secretAccount(DIRECTORY_URL, MEGAN.userId, 'm-here'))).toBe(SECRET);
  });

  it('default, reconfirm and skip pass through with the session token', async () => {
    core.answers.setDefaultMethod = () => ok({});
    core.answers.reconfirmSecurityInfo = () => ok({ reconfirmedAt: '2026-03-02T09:00:00.000Z' });
    core.answers.skipRegistration = () => ok({ skipsLeft: 1 });
    expect(await core.ipc('securityInfo.setDefaultMethod', { methodId: 'm-sms' })).toEqual({ ok: true, data: {} });
    expect(await core.ipc('securityInfo.reconfirm')).toEqual({ ok: true, data: { reconfirmedAt: '2026-03-02T09:00:00.000Z' } });
    expect(await core.ipc('securityInfo.skipRegistration')).toEqual({ ok: true, data: { skipsLeft: 1 } });
    expect(core.calls.slice(1).map((c) => [c.name, c.token])).toEqual([
      ['setDefaultMethod', SESSION_TOKEN],
      ['reconfirmSecurityInfo', SESSION_TOKEN],
      ['skipRegistration', SESSION_TOKEN],
    ]);
  });

  it('no more skips: the directory says so, the code passes through', async () => {
    core.answers.skipRegistration = () => err('STEP_NOT_ALLOWED', 'No skips left');
    expect(await core.ipc('securityInfo.skipRegistration')).toMatchObject({ ok: false, error: { code: 'STEP_NOT_ALLOWED' } });
  });

  it('questions: the pool, then the answers go to the directory and never come back', async () => {
    const pool = { questions: [{ id: 'q-1', text: { en: 'City of birth?', 'zh-TW': '出生城市？' } }], toRegister: 1, minAnswerLength: 3, maxAnswerLength: 200 };
    core.answers.getQuestionPool = () => ok(pool);
    core.answers.registerQuestions = () => ok({ method: registered('m-q', 'questions', 'Security questions') });
    expect(await core.ipc('securityInfo.getQuestionPool')).toEqual({ ok: true, data: pool });
    const added = await core.ipc('securityInfo.registerQuestions', { answers: [{ questionId: 'q-1', answer: 'Hsinchu-secret-answer' }] });
    expect(added).toMatchObject({ ok: true, data: { method: { id: 'm-q', type: 'questions', onThisDevice: false } } });
    expect(core.callsTo('registerQuestions')[0]!.body).toEqual({ answers: [{ questionId: 'q-1', answer: 'Hsinchu-secret-answer' }] });
    expect(JSON.stringify(core.seen)).not.toContain('Hsinchu-secret-answer');
  });

  it('every one of them without a session: UNAUTHORIZED, nothing sent', async () => {
    await core.ipc('session.signOut');
    const before = core.calls.length;
    for (const [channel, request] of [
      ['securityInfo.get', {}],
      ['securityInfo.removeMethod', { methodId: 'm-here' }],
      ['securityInfo.renameMethod', { methodId: 'm-here', name: 'x' }],
      ['securityInfo.setDefaultMethod', { methodId: 'm-here' }],
      ['securityInfo.reconfirm', {}],
      ['securityInfo.skipRegistration', {}],
      ['securityInfo.getQuestionPool', {}],
      ['securityInfo.registerQuestions', { answers: [{ questionId: 'q', answer: 'abc' }] }],
      ['securityInfo.beginAuthenticatorApp', {}],
      ['securityInfo.beginPhone', { type: 'sms', phoneNumber: '+14255550123' }],
      ['securityInfo.beginEmail', { address: 'a@example.net' }],
      ['securityInfo.beginSecurityKey', {}],
      ['thisDevice.add', { name: 'Laptop' }],
    ] as const) {
      expect(await core.ipc(channel, request), channel).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(core.calls.length).toBe(before);
  });
});
